import { css } from 'lit';
import { visuallyHidden } from './visually-hidden.styles.ts';

/** The frame every view shares: heading row, toolbars, tables and empty states. */
export const viewStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-size: 0.875rem;
    line-height: 1.45;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.75rem 1rem;
    margin-bottom: 1.25rem;
  }
  .head > div:first-child {
    min-width: 0;
  }
  .head .title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    min-width: 0;
  }
  .head h1 {
    overflow-wrap: anywhere;
  }
  .sub {
    margin: 0.3rem 0 0;
    color: var(--_muted);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .sub .sep {
    color: var(--_border-strong);
  }
  .tools {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .paused-tag {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.05rem 0.45rem;
    border: 1px solid var(--_warning-border);
    border-radius: 999px;
    background: var(--_warning-soft);
    color: var(--_warning);
    font-size: 0.75rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .paused-tag .icon {
    width: 0.75rem;
    height: 0.75rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th {
    text-align: start;
    font-size: 0.6875rem;
    font-weight: 600;
    letter-spacing: 0.05em;
    text-transform: uppercase;
    color: var(--_muted);
    background: var(--_surface-muted);
    padding: 0.6rem 0.875rem;
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
  }
  td {
    padding: 0.7rem 0.875rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: middle;
  }
  tbody tr:last-child td {
    border-bottom: 0;
  }
  tbody tr:hover td {
    background: light-dark(#fafbfc, #1a1f27);
  }
  th.n,
  td.n {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .table-card {
    overflow: hidden;
  }
  .empty {
    display: grid;
    justify-items: center;
    gap: 0.35rem;
    padding: 3rem 1rem;
    text-align: center;
    color: var(--_muted);
  }
  .empty .icon {
    font-size: 1.75rem;
    margin-bottom: 0.25rem;
  }
  .empty strong {
    color: var(--_text);
    font-size: 0.9375rem;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    margin-top: 0.875rem;
    color: var(--_muted);
  }
  .more-error {
    color: var(--_danger);
  }
  .spin {
    animation: ops-jobs-spin 0.9s linear infinite;
  }
  @keyframes ops-jobs-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spin {
      animation: none;
    }
  }
  .crumbs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    align-items: center;
    margin: 0 0 0.3rem;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .crumbs a {
    color: inherit;
  }
  .crumbs a:hover {
    color: var(--_accent);
  }
  .crumbs .crumb-sep {
    opacity: 0.55;
  }
  /* Narrow: a table.stack shows each row as a small card, keeping its table semantics. */
  @container (max-width: 760px) {
    .stack thead {
      ${visuallyHidden}
    }
    .stack,
    .stack tbody {
      display: block;
    }
    .stack tbody tr {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.3rem 0.9rem;
      padding: 0.75rem 1rem;
      border-bottom: 1px solid var(--_border);
    }
    .stack tbody tr:last-child {
      border-bottom: 0;
    }
    .stack td {
      display: block;
      padding: 0;
      border: 0;
    }
    .stack tbody tr:hover td {
      background: none;
    }
    .stack td.n {
      text-align: start;
    }
    .stack td[data-label]::before {
      content: attr(data-label) ' ' / '';
      color: var(--_muted);
      font-size: 0.75rem;
    }
    .stack tr::after {
      content: '';
      order: 2;
      flex-basis: 100%;
      height: 0;
    }
    /* A table.stack.lines puts each cell of a row on a line of its own. */
    .stack.lines tbody tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.4rem;
    }
    .stack.lines tr::after {
      display: none;
    }
  }
  @container (max-width: 560px) {
    .head {
      flex-wrap: nowrap;
      align-items: flex-start;
    }
    .tools .label {
      ${visuallyHidden}
    }
    .tools button {
      padding: 0.4rem 0.6rem;
    }
  }
`;
