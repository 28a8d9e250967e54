import { css } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.styles.ts';

/** Styles of `<ops-jobs-queue-list>`: totals tiles, the queue table and its narrow card layout. */
export const queueListStyles = css`
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr));
    gap: 0.875rem;
    margin: 0 0 1.25rem;
  }
  .tile {
    padding: 0.95rem 1.1rem;
    margin: 0;
    min-width: 0;
  }
  .tile dt {
    font-size: 0.6875rem;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  .tile dt .dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--_state-solid);
  }
  .tile dd {
    margin: 0.3rem 0 0;
    font-size: 1.75rem;
    font-weight: 650;
    letter-spacing: -0.02em;
    font-variant-numeric: tabular-nums;
    line-height: 1.15;
  }
  .stale-note {
    margin: 8px 0 0;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .tile .note {
    display: block;
    margin-top: 0.15rem;
    font-size: 0.75rem;
    font-weight: 400;
    letter-spacing: 0;
    color: var(--_muted);
  }
  .tile.alarm {
    border-color: var(--_danger-border);
    background: linear-gradient(var(--_danger-soft), var(--_danger-soft)) padding-box;
  }
  .tile.alarm dd {
    color: var(--_danger);
  }
  .queue-name {
    font-weight: 600;
    font-size: 0.9375rem;
    overflow-wrap: anywhere;
  }
  .bar {
    display: flex;
    gap: 2px;
    height: 6px;
    margin-top: 0.45rem;
    max-width: 16rem;
    border-radius: 3px;
    overflow: hidden;
    background: var(--_surface-muted);
  }
  .bar span {
    background: var(--_state-solid);
    min-width: 3px;
  }
  .dlq {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    margin-top: 0.35rem;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  a.count {
    color: var(--_text);
  }
  a.count:hover {
    color: var(--_accent);
  }
  /* At least 24 by 24 px, the WCAG 2.2 target size: most of them are links. */
  .count {
    display: inline-flex;
    align-items: center;
    justify-content: flex-end;
    min-width: 1.5rem;
    min-height: 1.5rem;
    padding: 0.05rem 0.3rem;
  }
  .zero {
    color: var(--_muted);
    opacity: 0.7;
  }
  /* Counts that call for a look: failed jobs, and dead letters waiting. */
  .failed-count,
  .dead-count {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2rem;
    min-height: 1.5rem;
    padding: 0.1rem 0.55rem;
    border-radius: 999px;
    text-align: center;
    font-weight: 700;
  }
  .failed-count {
    color: light-dark(#fff, #2a0b0b);
    background: light-dark(#c4261d, #ff8077);
  }
  .attention {
    margin-bottom: 1rem;
  }
  .dead-count {
    color: var(--_warning);
    background: var(--_warning-soft);
    border: 1px solid var(--_warning-border);
  }
  a.dead-count:hover {
    text-decoration: none;
    border-color: var(--_warning);
  }
  a.failed-count:hover {
    text-decoration: none;
    background: light-dark(#a01d15, #ffa39c);
  }
  th.failed-col {
    color: var(--_danger);
  }
  td.total {
    font-weight: 600;
  }
  .skeleton.tile-s {
    height: 5.3rem;
    border-radius: var(--_radius);
  }

  @container (max-width: 560px) {
    .tiles {
      grid-template-columns: 1fr 1fr;
      gap: 0.6rem;
    }
    .tiles > :first-child {
      grid-column: 1 / -1;
    }
    .tile {
      padding: 0.75rem 0.9rem;
    }
    .tile dd {
      font-size: 1.4rem;
    }
  }

  /* Narrow: each queue becomes a card of labelled counts. Explicit roles keep table semantics. */
  @container (max-width: 760px) {
    thead {
      ${visuallyHidden}
    }
    table,
    tbody {
      display: block;
    }
    tbody tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem 1rem;
      padding: 0.85rem 1rem;
      border-bottom: 1px solid var(--_border);
    }
    tbody tr:last-child {
      border-bottom: 0;
    }
    td {
      display: block;
      padding: 0;
      border: 0;
      text-align: start;
    }
    td.n {
      text-align: start;
    }
    tbody tr:hover td {
      background: none;
    }
    td.name {
      flex: 1 0 100%;
    }
    td[data-label]::before {
      content: attr(data-label) ' ' / '';
      color: var(--_muted);
      font-size: 0.75rem;
    }
    .count {
      justify-content: center;
      padding: 0 0.2rem;
    }
    .bar {
      max-width: none;
    }
  }
`;
