import { css } from 'lit';

/** Styles of `<ops-jobs-job-list>`: state filter, job table and its narrow card layout. */
export const jobListStyles = css`
  /* When the states do not fit, a shade at the edge that hides some says there is more: each
     shade is covered by a patch of background that scrolls with the tabs and uncovers it only
     once the tabs overflow on that side. */
  .states {
    --_shade: color-mix(in srgb, var(--_text) 36%, transparent);
    display: flex;
    gap: 0.25rem;
    margin: 0 0 1rem;
    padding: 0.25rem;
    overflow-x: auto;
    scrollbar-width: thin;
    border-radius: var(--_radius);
    background:
      linear-gradient(to right, var(--_surface-muted) 40%, transparent) left / 2.5rem 100% no-repeat local,
      linear-gradient(to left, var(--_surface-muted) 40%, transparent) right / 2.5rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, var(--_shade), transparent) left / 1rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, var(--_shade), transparent) right / 1rem 100% no-repeat scroll,
      var(--_surface-muted);
    border: 1px solid var(--_border);
  }
  .states a {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.4rem 0.7rem;
    border-radius: var(--_radius-small);
    color: var(--_muted);
    font-weight: 500;
    white-space: nowrap;
    text-decoration: none;
  }
  .states a:hover {
    color: var(--_text);
    background: var(--_surface);
  }
  .states a[aria-current='page'] {
    color: var(--_text);
    background: var(--_surface);
    box-shadow: var(--_shadow), 0 0 0 1px var(--_border);
    font-weight: 600;
  }
  .states .dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--_state-solid);
  }
  .states .n {
    font-size: 0.75rem;
    font-variant-numeric: tabular-nums;
    padding: 0 0.4rem;
    border-radius: 999px;
    background: var(--_border);
    color: var(--_text);
    font-weight: 500;
  }
  /* White on the state's solid red is 4.2:1 at this size; its text red reads 7:1. */
  .states .state-failed .n.some {
    background: light-dark(var(--_state-fg), var(--_state-solid));
    color: light-dark(#fff, #1a0b0b);
    font-weight: 700;
  }
  tbody tr {
    position: relative;
  }
  td.id a {
    font-family: var(--_mono);
    font-size: 0.8125rem;
    font-weight: 600;
  }
  td.id a::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  td.id a:focus-visible {
    outline: none;
  }
  td.id a:focus-visible::after {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
    border-radius: 4px;
  }
  tbody tr:hover td.id a {
    text-decoration: underline;
  }
  /* Rows scroll under the pinned bulk bar; a row reached by keyboard stops below it. */
  td.id a {
    scroll-margin-top: calc(var(--_sticky-top, 0px) + 4.5rem);
  }
  /* The row keys, said to sighted keyboard users while a row has keyboard focus. */
  .keys-hint {
    display: none;
    margin: 0;
    padding: 0.5rem 0.875rem;
    border-top: 1px solid var(--_border);
    font-size: 0.8125rem;
    color: var(--_muted);
    background: var(--_surface-muted);
  }
  .table-card:has(td.id a:focus-visible) .keys-hint {
    display: block;
  }
  td.time {
    white-space: nowrap;
    color: var(--_muted);
  }
  .origin {
    display: block;
    margin-top: 0.2rem;
    font-size: 0.75rem;
    color: var(--_muted);
    white-space: nowrap;
  }
  td.error {
    width: 40%;
    max-width: 0;
  }
  .excerpt {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_danger);
    font-family: var(--_mono);
    font-size: 0.8125rem;
  }
  .attempts.spent {
    color: var(--_danger);
    font-weight: 600;
  }

  /* Narrow (see .stack in the view styles): id and state, then times, then the error. */
  @container (max-width: 760px) {
    td.id {
      flex: 1 0 auto;
    }
    td.state {
      flex: none;
      order: 1;
    }
    td.attempts-cell {
      order: 1;
      font-size: 0.8125rem;
    }
    td.time {
      order: 3;
      font-size: 0.8125rem;
    }
    td.started {
      display: none;
    }
    td.error {
      order: 5;
      flex: 1 0 100%;
      max-width: 100%;
      width: auto;
    }
    td.error:empty {
      display: none;
    }
  }
  /* A link inside muted text needs more than its colour to stand out (WCAG 1.4.1). */
  .sub a {
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
`;
