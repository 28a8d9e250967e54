import { css } from 'lit';

/** Styles of `<ops-jobs-schedule-list>`: the schedule table and its narrow card layout. */
export const scheduleListStyles = css`
  td.schedule a {
    font-weight: 600;
  }
  td.schedule .key {
    display: block;
    font-size: 0.75rem;
  }
  td.schedule a.chronology {
    display: inline-block;
    margin-top: 0.15rem;
    font-size: 0.75rem;
    font-weight: 400;
  }
  .words {
    display: block;
    font-weight: 500;
  }
  .expression {
    display: inline-block;
    margin-top: 0.15rem;
    font-family: var(--_mono);
    font-size: 0.75rem;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .zone {
    font-size: 0.75rem;
    color: var(--_muted);
  }
  td.next {
    white-space: nowrap;
  }
  td.next ol {
    margin: 0.2rem 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  td.last .gone {
    font-style: italic;
    color: var(--_muted);
  }
  td.last a {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 24px;
  }
  td.last .made {
    display: block;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  td.last .missed {
    display: flex;
    align-items: center;
    gap: 0.3rem;
    margin-top: 0.2rem;
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_warning);
  }
  td.data details summary {
    cursor: pointer;
    color: var(--_accent);
    min-height: 24px;
  }
  td.data ops-jobs-json-viewer {
    display: block;
    margin-top: 0.4rem;
    max-width: 32rem;
  }
  td.acts .row-acts {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: 0.4rem;
  }
  td.acts .act {
    white-space: nowrap;
  }

  /* Narrow (see .stack.lines in the view styles): each cell on a line of its own. */
  @container (max-width: 760px) {
    td.next {
      white-space: normal;
    }
    td.data ops-jobs-json-viewer {
      max-width: 100%;
    }
    td.acts .row-acts {
      flex-direction: row;
      flex-wrap: wrap;
    }
  }
`;
