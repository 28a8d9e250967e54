import { css } from 'lit';

/** Styles of `<ops-jobs-relative-time>`. */
export const relativeTimeStyles = css`
  :host {
    display: inline;
    white-space: nowrap;
  }
  time {
    font-variant-numeric: tabular-nums;
  }
  .none {
    color: var(--ops-jobs-color-text-muted, inherit);
  }
`;
