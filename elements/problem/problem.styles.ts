import { css } from 'lit';

/** Styles of `<ops-jobs-problem>`. */
export const problemStyles = css`
  :host {
    display: block;
  }
  .problem {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.875rem;
    padding: 1.25rem 1.375rem;
    max-width: 40rem;
    margin: var(--ops-jobs-problem-margin, 0);
  }
  .icon-wrap {
    grid-row: span 3;
    display: grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: 50%;
    font-size: 1.15rem;
    color: var(--_muted);
    background: var(--_surface-muted);
  }
  .problem.bad .icon-wrap {
    color: var(--_danger);
    background: var(--_danger-soft);
  }
  h2 {
    font-size: 1.0625rem;
    align-self: center;
  }
  p {
    margin: 0;
    color: var(--_muted);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-top: 0.75rem;
  }
  .status {
    font-size: 0.75rem;
  }
`;
