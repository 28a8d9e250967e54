import { css } from 'lit';

/** Styles of `<ops-jobs-audit-log>`: filter form, record table and its narrow card layout. */
export const auditLogStyles = css`
  .filter-box {
    margin: 0 0 1rem;
  }
  .filter-box summary {
    display: flex;
    align-items: center;
    gap: 0.45rem;
    padding: 0.7rem 1rem;
    font-weight: 600;
    cursor: pointer;
    list-style: none;
    border-radius: var(--_radius);
  }
  .filter-box summary::-webkit-details-marker {
    display: none;
  }
  .filter-box summary .icon {
    color: var(--_muted);
    transition: transform 120ms ease;
  }
  .filter-box[open] summary .icon {
    transform: rotate(90deg);
  }
  .filter-box summary .muted {
    font-weight: 400;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(10.5rem, 100%), 1fr));
    gap: 0.75rem 1rem;
    align-items: end;
    padding: 0 1rem 1rem;
  }
  .f {
    display: grid;
    gap: 0.3rem;
    min-width: 0;
  }
  .f label {
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_muted);
  }
  .f.buttons {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    grid-column: span 2;
    white-space: nowrap;
  }
  td.time {
    white-space: nowrap;
    color: var(--_muted);
  }
  td.who a {
    color: var(--_text);
    font-weight: 500;
  }
  td.what a.record {
    font-weight: 600;
  }
  td.jobs {
    white-space: nowrap;
  }
  td.jobs .sel {
    display: block;
    font-size: 0.75rem;
  }
  td.reason {
    width: 34%;
    max-width: 0;
  }
  .excerpt {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .hidden-note {
    font-style: italic;
  }
  tr.open td {
    background: light-dark(#fffaf0, #221c10);
  }
  tr.open:has(+ tr.note-row) td {
    border-bottom: 0;
  }
  td.outcome-note {
    padding-top: 0;
    font-size: 0.8125rem;
  }
  td.outcome-note .icon {
    color: var(--_warning);
    vertical-align: -0.2em;
    margin-inline-end: 0.35rem;
  }

  /* Narrow (see .stack in the view styles): action, outcome and time; who, where, jobs; the reason. */
  @container (max-width: 760px) {
    .stack tbody tr {
      align-items: baseline;
      gap: 0.25rem 0.6rem;
    }
    tr.open {
      background: light-dark(#fffaf0, #221c10);
    }
    tr.open td {
      background: none;
    }
    .stack tbody tr.open:has(+ tr.note-row) {
      border-bottom: 0;
    }
    .stack tbody tr.note-row {
      padding-top: 0;
    }
    .stack tbody tr.note-row::after {
      display: none;
    }
    td.what {
      font-size: 0.9375rem;
    }
    td.outcome {
      order: 1;
    }
    td.time {
      order: 2;
      margin-left: auto;
      font-size: 0.8125rem;
    }
    td.who {
      order: 3;
    }
    td.queue {
      order: 4;
    }
    td.jobs {
      order: 5;
    }
    td.jobs .sel {
      display: inline;
      margin-left: 0.35rem;
    }
    /* Inline with other text on a phone, the link needs more than its colour (WCAG 1.4.1). */
    td.jobs a {
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    td.reason {
      order: 6;
      flex: 1 0 100%;
      width: auto;
      max-width: 100%;
      color: var(--_muted);
    }
  }
  @container (max-width: 560px) {
    .head {
      flex-wrap: wrap;
    }
    .filters {
      grid-template-columns: 1fr 1fr;
    }
    .f.buttons {
      grid-column: 1 / -1;
    }
  }
`;
