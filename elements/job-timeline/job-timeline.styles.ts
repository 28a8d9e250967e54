import { css } from 'lit';

/** Styles of `<ops-jobs-job-timeline>`. */
export const jobTimelineStyles = css`
  :host {
    display: block;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    position: relative;
    padding-block: 0 1.1rem;
    padding-inline: 1.5rem 0;
  }
  li:last-child {
    padding-bottom: 0;
  }
  li::before {
    content: '';
    position: absolute;
    inset-inline-start: 0.3rem;
    top: 0.9rem;
    bottom: -0.2rem;
    width: 2px;
    background: var(--_border);
  }
  li:last-child::before {
    display: none;
  }
  .marker {
    position: absolute;
    inset-inline-start: 0;
    top: 0.3rem;
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    background: var(--_surface);
    border: 2px solid var(--_muted);
  }
  .done .marker {
    background: var(--_muted);
  }
  .failed .marker {
    background: var(--_state-solid);
    border-color: var(--_state-solid);
  }
  .now .marker {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  .future .marker {
    border-style: dashed;
  }
  .label {
    font-weight: 600;
    font-size: 0.875rem;
  }
  .failed .label {
    color: var(--_state-fg);
  }
  .when {
    display: block;
    font-size: 0.8125rem;
    font-variant-numeric: tabular-nums;
  }
  .sub {
    display: block;
    font-size: 0.75rem;
    color: var(--_muted);
  }
`;
