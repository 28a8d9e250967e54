import { css } from 'lit';

/** Styles of `<ops-jobs-job-history>`. */
export const jobHistoryStyles = css`
  :host {
    display: block;
    font-size: 0.875rem;
    line-height: 1.45;
  }
  h2 {
    margin: 0 0 0.75rem;
  }
  p {
    margin: 0;
  }
  .history {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.8rem;
  }
  .history li {
    display: grid;
    gap: 0.2rem;
    min-width: 0;
  }
  .history a {
    color: var(--_text);
  }
  .history a strong {
    color: var(--_accent);
    font-weight: 600;
  }
  .meta {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  a.all {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    margin-top: 0.9rem;
    font-weight: 500;
  }
`;
