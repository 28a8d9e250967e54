import { css } from 'lit';

/** Styles of `<ops-jobs-state-badge>`. */
export const stateBadgeStyles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding-block: 0.125rem;
    padding-inline: 0.45rem 0.5rem;
    border-radius: 999px;
    font-size: var(--ops-jobs-badge-font-size, 0.75rem);
    font-weight: 600;
    line-height: 1.25rem;
    white-space: nowrap;
    color: var(--_state-fg);
    background: var(--_state-bg);
  }
  .dot {
    width: 0.45rem;
    height: 0.45rem;
    border-radius: 50%;
    background: var(--_state-solid);
  }
  /* Forced colours drop the tinted backgrounds: a border keeps the badge's shape, the label tells states apart. */
  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
    }
    .dot {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
