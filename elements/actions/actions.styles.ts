import { css } from 'lit';

/** Action buttons and the notes that say why an action is not available. */
export const actionStyles = css`
  .act-group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .denied-notes {
    list-style: none;
    display: grid;
    gap: 0.2rem;
    margin: 0 0 1rem;
    padding: 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .denied-notes li {
    display: flex;
    align-items: baseline;
    gap: 0.4rem;
  }
  .denied-notes strong {
    color: var(--_text);
    font-weight: 600;
  }
`;
