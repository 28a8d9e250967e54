import { css } from 'lit';

/** Styles of `<ops-jobs-copy-button>`. */
export const copyButtonStyles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
  }
  button {
    min-height: 1.75rem;
    min-width: 1.75rem;
    padding: 0.25rem 0.4rem;
    font-size: 0.8125rem;
  }
  .done {
    color: var(--_state-fg, light-dark(#16693a, #8ee0aa));
  }
`;
