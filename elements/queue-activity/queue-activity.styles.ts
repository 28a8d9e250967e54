import { css } from 'lit';

/** Styles of `<ops-jobs-queue-activity>`: the window switch, the charts and the settings list. */
export const queueActivityStyles = css`
  .crumbs span {
    margin: 0 0.35rem;
    color: var(--_muted);
  }
  .windows {
    display: inline-flex;
    gap: 0.25rem;
  }
  .windows button {
    white-space: nowrap;
  }
  .windows button[aria-pressed='true'] {
    background: var(--_accent-soft);
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
    gap: 1rem 1.5rem;
    padding: 1rem;
  }
  .charts .note {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .chart {
    margin: 0;
    min-width: 0;
  }
  figcaption {
    font-weight: 600;
    font-size: 0.875rem;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.9rem;
    margin: 0.3rem 0 0.4rem;
    padding: 0;
    list-style: none;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .swatch {
    width: 0.9rem;
    height: 0.2rem;
    border-radius: 2px;
    background: var(--_line);
  }
  .plot {
    display: grid;
    grid-template-columns: auto 1fr auto;
    grid-template-areas: 'top top top' 'svg svg svg' 'from . to';
    font-size: 0.6875rem;
    color: var(--_muted);
  }
  .plot .top {
    grid-area: top;
  }
  .plot svg {
    grid-area: svg;
    width: 100%;
    height: 7.5rem;
    overflow: visible;
  }
  .plot .from {
    grid-area: from;
  }
  .plot .to {
    grid-area: to;
  }
  .axis {
    stroke: var(--_border-strong);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .line {
    fill: none;
    stroke: var(--_line);
    stroke-width: 2;
    stroke-linejoin: round;
    stroke-linecap: round;
    vector-effect: non-scaling-stroke;
  }
  .made {
    --_line: var(--_accent);
  }
  .completed {
    --_line: light-dark(#28a55f, #3fbf74);
  }
  .failed {
    --_line: light-dark(#e0413a, #f26b63);
  }
  .p50 {
    --_line: var(--_accent);
  }
  .p95 {
    --_line: light-dark(#8b5cf6, #a685f7);
  }
  .backlog {
    --_line: light-dark(#f29a1f, #f0a53a);
  }
  .as-table {
    margin-top: 0.4rem;
    font-size: 0.75rem;
  }
  .as-table summary {
    cursor: pointer;
    color: var(--_accent);
    min-height: 24px;
  }
  .as-table table {
    border-collapse: collapse;
    margin-top: 0.3rem;
  }
  .as-table th,
  .as-table td {
    padding: 0.15rem 0.6rem 0.15rem 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .as-table th[scope='row'],
  .as-table thead th:first-child {
    text-align: start;
  }
  .settings {
    margin-top: 1rem;
    padding: 1rem;
  }
  .settings h2 {
    margin: 0 0 0.6rem;
    font-size: 0.9375rem;
  }
  .settings dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0.6rem 1.2rem;
    margin: 0;
  }
  .settings dt {
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .settings dd {
    margin: 0.1rem 0 0;
  }
  /* Narrow: the window switch goes under the heading rather than squeezing it. */
  @container (max-width: 560px) {
    .head {
      flex-wrap: wrap;
    }
    .head > div:first-child {
      flex-basis: 100%;
    }
  }
  @media (forced-colors: active) {
    .line {
      stroke: CanvasText;
    }
    .swatch {
      background: CanvasText;
    }
  }
`;
