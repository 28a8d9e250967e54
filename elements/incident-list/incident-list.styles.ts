import { css } from 'lit';

/** Styles of `<ops-jobs-incident-list>`: the incident table, its state pills and its narrow layout. */
export const incidentListStyles = css`
  td.what .kind {
    font-weight: 600;
  }
  td.what .sentence {
    display: block;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  td.seen span {
    display: block;
    font-size: 0.8125rem;
    white-space: nowrap;
  }
  td.state {
    white-space: nowrap;
  }
  td.state .muted {
    display: block;
    font-size: 0.75rem;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.1rem 0.55rem;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
    border: 1px solid transparent;
  }
  .status::before {
    content: '';
    width: 0.45rem;
    height: 0.45rem;
    border-radius: 50%;
    background: currentColor;
  }
  .status.open {
    color: light-dark(#a3201a, #ff9b94);
    background: light-dark(#fdeceb, #3a1513);
  }
  .status.resolved {
    color: light-dark(#15692f, #7fd99a);
    background: light-dark(#e7f6ec, #12301c);
  }
  @media (forced-colors: active) {
    .status {
      border-color: CanvasText;
    }
  }
  .repairs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    margin-top: 0.4rem;
  }
`;
