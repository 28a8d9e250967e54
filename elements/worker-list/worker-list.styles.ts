import { css } from 'lit';

/** Styles of `<ops-jobs-worker-list>`: the status pills, the process table and its narrow layout. */
export const workerListStyles = css`
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.1rem 0.55rem;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
    white-space: nowrap;
    border: 1px solid transparent;
  }
  .status::before {
    content: '';
    width: 0.45rem;
    height: 0.45rem;
    border-radius: 50%;
    background: currentColor;
  }
  .status.healthy {
    color: light-dark(#15692f, #7fd99a);
    background: light-dark(#e7f6ec, #12301c);
  }
  .status.late {
    color: light-dark(#8a4b00, #f3c16b);
    background: light-dark(#fff3e0, #33240c);
  }
  .status.missing {
    color: light-dark(#a3201a, #ff9b94);
    background: light-dark(#fdeceb, #3a1513);
  }
  .status.stopped {
    color: var(--_muted);
    background: var(--_surface-muted);
  }
  @media (forced-colors: active) {
    .status {
      border-color: CanvasText;
    }
  }
  td.process strong {
    display: block;
  }
  td.process .where,
  td.seen .when {
    display: block;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  tr.missing td {
    background: light-dark(#fff7f6, #1f1110);
  }
  ul.queues {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul.queues li {
    padding: 0.05rem 0.45rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    font-size: 0.75rem;
    white-space: nowrap;
  }
  .restarts {
    color: light-dark(#8a4b00, #f3c16b);
    font-size: 0.75rem;
  }
`;
