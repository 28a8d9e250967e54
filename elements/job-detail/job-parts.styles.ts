import { css } from 'lit';

/** Styles of a job's progress bar, log lines and flow card. */
export const jobPartsStyles = css`
  .progress {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    inline-size: 100%;
  }
  .progress-track {
    flex: 1;
    min-inline-size: 3rem;
    max-inline-size: 10rem;
    block-size: 0.5rem;
    border-radius: 999px;
    background: var(--_surface-muted);
    box-shadow: inset 0 0 0 1px var(--_border);
    overflow: hidden;
  }
  .progress-fill {
    display: block;
    block-size: 100%;
    background: var(--_accent);
  }
  .progress-figure {
    font-variant-numeric: tabular-nums;
  }
  @media (forced-colors: active) {
    .progress-track {
      border: 1px solid CanvasText;
    }
    .progress-fill {
      background: Highlight;
    }
  }

  .logs-count {
    font-size: 0.8125rem;
    margin-inline-start: 0.25rem;
  }
  .logs-empty {
    display: flex;
    align-items: baseline;
    gap: 0.4rem;
  }
  .logs-empty h2 {
    margin: 0;
  }
  .log {
    margin: 0;
    padding: 0.6rem 0.75rem;
    max-block-size: var(--ops-jobs-log-max-height, 20rem);
    overflow: auto;
    font-family: var(--_mono);
    font-size: 0.8125rem;
    line-height: 1.5;
    white-space: pre;
    background: var(--_surface-muted);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    color: var(--_text);
  }
  .log:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  section.family {
    padding: 1rem 1.25rem 1.1rem;
  }
  .family-facts {
    display: grid;
    gap: 0.75rem;
    margin: 0;
  }
  .family-facts dt {
    font-size: 0.6875rem;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
    margin-bottom: 0.2rem;
  }
  .family-facts dd {
    margin: 0;
  }
  .child-counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .child-counts li {
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    font-size: 0.8125rem;
    color: var(--_state-fg, var(--_muted));
    background: var(--_state-bg, var(--_surface-muted));
  }
  .child-counts .num {
    font-weight: 600;
  }
  .children {
    display: grid;
    gap: 0.35rem;
    margin: 0.85rem 0 0;
    padding: 0.75rem 0 0;
    border-top: 1px solid var(--_border);
    list-style: none;
  }
  .children li {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    min-inline-size: 0;
  }
  .child-queue {
    font-size: 0.8125rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-inline-size: 0;
  }
  .child-outcome {
    margin-inline-start: auto;
    padding: 0.05rem 0.45rem;
    border-radius: var(--_radius-small);
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_state-fg);
    background: var(--_state-bg);
  }
  .sample-note {
    margin: 0.6rem 0 0;
    font-size: 0.8125rem;
  }
`;
