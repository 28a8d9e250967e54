import { css } from 'lit';

/** Styles of `<ops-jobs-json-viewer>`, including the JSON token colours. */
export const jsonViewerStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  pre {
    margin: 0;
    padding: 0.875rem 1rem;
    max-height: var(--ops-jobs-json-max-height, 32rem);
    overflow: auto;
    font-family: var(--_mono);
    font-size: 0.8125rem;
    line-height: 1.55;
    tab-size: 2;
    color: var(--_text);
    background: var(--_surface-muted);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
  }
  pre.wrap {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .key {
    color: light-dark(#7a3fb0, #d2a8ff);
  }
  .string {
    color: light-dark(#0b6b46, #8fd9a8);
  }
  .number {
    color: light-dark(#1f56c4, #79b8ff);
  }
  .literal {
    color: light-dark(#b03a00, #ffab70);
  }
  .cut {
    color: var(--_muted);
    font-style: italic;
  }
  .notice {
    display: flex;
    gap: 0.625rem;
    align-items: flex-start;
    padding: 0.75rem 0.875rem;
    border-radius: var(--_radius-small);
    border: 1px dashed var(--_border-strong);
    color: var(--_muted);
    font-size: 0.875rem;
    line-height: 1.45;
    margin-bottom: 0.5rem;
  }
  .notice strong {
    color: var(--_text);
    font-weight: 600;
  }
  .notice .icon {
    margin-top: 0.15rem;
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
  .bar .grow {
    flex: 1;
  }
  .failed {
    color: var(--_danger);
  }
  .empty {
    color: var(--_muted);
    font-size: 0.875rem;
    font-style: italic;
  }
`;
