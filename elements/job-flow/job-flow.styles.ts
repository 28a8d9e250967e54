import { css } from 'lit';

/** Styles of `<ops-jobs-job-flow>`: the drawing of the steps and the list of why steps wait. */
export const jobFlowStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  .flow {
    padding: 1rem;
    min-width: 0;
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 0.9375rem;
  }
  h2 .count {
    font-weight: 400;
    font-size: 0.8125rem;
  }
  .drawing {
    overflow-x: auto;
    padding-bottom: 0.25rem;
  }
  svg {
    display: block;
    max-width: none;
  }
  .edge {
    fill: none;
    stroke: var(--_border-strong);
    stroke-width: 1.5;
  }
  .arrowhead {
    fill: var(--_border-strong);
  }
  .step rect {
    fill: var(--_state-bg);
    stroke: var(--_border);
  }
  .step rect.stripe {
    fill: var(--_state-solid);
    stroke: none;
  }
  .step.current rect:first-of-type {
    stroke: var(--_accent);
    stroke-width: 2;
  }
  .step text {
    fill: var(--_state-fg);
    font-family: var(--_font);
  }
  .step .queue {
    font-size: 12px;
    font-weight: 600;
  }
  .step .meta {
    font-size: 11px;
    font-family: var(--_mono);
  }
  .step:focus-visible {
    outline: none;
  }
  .step:focus-visible rect:first-of-type {
    stroke: var(--_focus);
    stroke-width: 3;
  }
  .step:hover rect:first-of-type {
    stroke: var(--_accent);
  }
  .reasons {
    overflow-wrap: anywhere;
    margin: 0.75rem 0 0;
    padding-inline-start: 1.1rem;
    font-size: 0.875rem;
  }
  /* Links inside a sentence are told from its words by more than colour. */
  .reasons a {
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .reasons li + li {
    margin-top: 0.3rem;
  }
  .release {
    margin-inline-start: 0.35rem;
    min-height: 1.75rem;
    padding: 0.15rem 0.6rem;
    font-size: 0.8125rem;
  }
  .failed {
    color: var(--_danger);
  }
  .note {
    margin: 0.5rem 0 0;
    font-size: 0.8125rem;
  }
  @media (forced-colors: active) {
    .step rect,
    .edge {
      stroke: CanvasText;
    }
    .step text,
    .arrowhead {
      fill: CanvasText;
    }
  }
`;
