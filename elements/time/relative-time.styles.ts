import { css } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.styles.ts';

/** Styles of `<ops-jobs-relative-time>`. */
export const relativeTimeStyles = css`
  :host {
    display: inline;
  }
  time,
  .relative {
    font-variant-numeric: tabular-nums;
  }
  .relative {
    color: var(--ops-jobs-color-text-muted, inherit);
    white-space: nowrap;
  }
  :host([stacked]) .relative {
    display: block;
  }
  :host([stacked]) .sep {
    display: none;
  }
  .exact {
    ${visuallyHidden}
  }
  .none {
    color: var(--ops-jobs-color-text-muted, inherit);
  }
`;
