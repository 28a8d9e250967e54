import { css } from 'lit';

/**
 * What `<ops-jobs-outcome-badge>` adds to the state badge's pill: an open intent (pending) is
 * drawn hollow, with a dashed dot, so it does not read as a result.
 */
export const outcomeBadgeStyles = css`
  .pending {
    box-shadow: inset 0 0 0 1px currentColor;
  }
  .pending .dot {
    background: none;
    border: 1.5px dashed;
    width: 0.6rem;
    height: 0.6rem;
  }
`;
