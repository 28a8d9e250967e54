import { css } from 'lit';

/** Styles of `<ops-jobs-attention>`: one card, a line per finding with its mark, sentence and next step. */
export const attentionStyles = css`
  :host {
    display: block;
  }
  .panel {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: 0.75rem 1rem;
  }
  .panel.some {
    border-color: var(--_danger-border);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem 1rem;
  }
  h2 {
    display: inline-flex;
    align-items: center;
    gap: 0.45rem;
    margin: 0;
    font-size: 0.9375rem;
    font-weight: 650;
  }
  .panel.some h2 {
    color: var(--_danger);
  }
  .panel.none h2 {
    color: var(--_success);
  }
  .checked {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .findings {
    list-style: none;
    margin: 0.6rem 0 0;
    padding: 0;
  }
  .finding {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: 0.35rem 0.75rem;
    padding: 0.55rem 0;
    border-top: 1px solid var(--_border);
  }
  .mark {
    display: inline-flex;
    padding: 0.35rem;
    border-radius: 50%;
  }
  .critical .mark {
    color: var(--_danger);
    background: var(--_danger-soft);
  }
  .warning .mark {
    color: var(--_warning);
    background: var(--_warning-soft);
  }
  .queue {
    display: block;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .sentence {
    font-size: 0.875rem;
    color: var(--_text);
  }
  .next {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    min-height: 1.5rem;
    font-size: 0.875rem;
    font-weight: 500;
    white-space: nowrap;
  }
  .failed {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    margin: 0.5rem 0 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .failed svg {
    flex: none;
    color: var(--_warning);
    margin-top: 0.15rem;
  }
  .unchecked {
    margin: 0.5rem 0 0;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  @media (max-width: 40rem) {
    .finding {
      grid-template-columns: auto 1fr;
    }
    .next {
      grid-column: 2;
    }
  }
  @media (forced-colors: active) {
    .mark {
      border: 1px solid CanvasText;
    }
  }
`;
