import { css } from 'lit';

/** Styles of `<ops-jobs-job-error>`. */
export const jobErrorStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  .headline {
    margin: 0 0 0.75rem;
    padding: 0.75rem 0.875rem;
    border-radius: var(--_radius-small);
    background: var(--_danger-soft);
    border: 1px solid var(--_danger-border);
    color: var(--_danger);
    font-family: var(--_mono);
    font-size: 0.875rem;
    line-height: 1.5;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .name {
    font-weight: 700;
  }
  pre {
    margin: 0;
    padding: 0.75rem 0.875rem;
    max-height: var(--ops-jobs-stack-max-height, 26rem);
    overflow: auto;
    font-family: var(--_mono);
    font-size: 0.8125rem;
    line-height: 1.6;
    background: var(--_surface-muted);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
  }
  .lib {
    color: var(--_muted);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-top: 0.5rem;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .failed {
    color: var(--_danger);
  }
  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
  }
`;
