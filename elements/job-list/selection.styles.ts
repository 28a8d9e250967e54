import { css } from 'lit';

/**
 * Styles of the job list's selection: the checkbox column, picked rows and the bulk bar. Each
 * checkbox's label is its target, at least 24 by 24 px (WCAG 2.2 target size) around a 20 px box.
 */
export const selectionStyles = css`
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  input[type='checkbox']:disabled {
    cursor: not-allowed;
  }
  th.select,
  td.select {
    width: 2.75rem;
    padding-inline-end: 0;
  }
  td.select {
    position: relative;
    z-index: 1;
    padding: 0;
  }
  .pick {
    display: flex;
    align-items: center;
    min-height: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 0.875rem 0.5rem;
    cursor: pointer;
  }
  tbody tr.picked,
  tbody tr.picked td {
    background: var(--_accent-soft);
  }
  tbody tr.picked:hover td {
    background: color-mix(in srgb, var(--_accent-soft) 94%, var(--_accent));
  }
  .bulk-wrap {
    position: sticky;
    top: var(--_sticky-top, 0);
    z-index: 3;
    margin: 0 0 0.75rem;
    background: var(--_bg);
  }
  /* Over the rows rather than above them (taking room would move the rows it is about), and in
     sight while the operator reads further down: under the top bar, and under the bulk bar where
     that one sticks. */
  .new-jobs-wrap {
    position: sticky;
    top: calc(var(--_sticky-top, 0px) + 0.5rem);
    z-index: 4;
    display: flex;
    justify-content: center;
    height: 0;
  }
  .bulk-wrap + .new-jobs-wrap {
    top: calc(var(--_sticky-top, 0px) + 4.5rem);
  }
  .new-jobs {
    border-radius: 999px;
    font-weight: 600;
    box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    min-height: 3.25rem;
    padding-block: 0.5rem;
    padding-inline: 0.875rem 0.6rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .bulk.picking {
    border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
    background: color-mix(in srgb, var(--_accent-soft) 55%, var(--_surface));
  }
  .bulk .spacer {
    flex: 1;
  }
  .bulk .picked strong {
    font-variant-numeric: tabular-nums;
  }
  .bulk .hint {
    font-size: 0.8125rem;
  }
  .select-shown {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2rem;
    min-width: 2rem;
    font-weight: 500;
    cursor: pointer;
  }
  .bulk-note {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    margin: 0.5rem 0 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .bulk-wrap .denied-notes {
    margin: 0.5rem 0 0;
  }

  @container (max-width: 760px) {
    td.select {
      flex: none;
      order: 0;
      margin: -0.25rem 0;
    }
    .pick {
      min-width: 2rem;
      min-height: 2rem;
      padding-block: 0.25rem;
      padding-inline: 0 0.25rem;
    }
    /* In the flow, not pinned: on a phone the bar is several lines tall and would cover the rows
       it acts on. */
    .bulk-wrap {
      position: static;
    }
    .bulk-wrap + .new-jobs-wrap {
      top: calc(var(--_sticky-top, 0px) + 0.5rem);
    }
    .stack tbody tr.picked td,
    .stack tbody tr.picked:hover td {
      background: none;
    }
    .bulk .act-group {
      width: 100%;
    }
    .bulk .spacer {
      display: none;
    }
  }
`;
