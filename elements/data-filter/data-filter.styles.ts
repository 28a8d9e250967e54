import { css } from 'lit';

/** Styles of `<ops-jobs-data-filter>`: chips for the conditions in force, then the form that adds one. */
export const dataFilterStyles = css`
  :host {
    display: block;
  }
  .data-filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: -0.25rem 0 1rem;
  }
  .data-filter form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
  }
  .data-filter select,
  .data-filter input {
    font-family: var(--_mono);
    font-size: 0.8125rem;
  }
  .data-filter select {
    width: auto;
    max-width: 14rem;
  }
  .data-filter input {
    width: 14rem;
  }
  .data-filter .eq {
    color: var(--_muted);
    font-family: var(--_mono);
  }
  .data-filter .chips {
    display: contents;
    list-style: none;
  }
  .data-filter .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding: 0.15rem 0.2rem 0.15rem 0.6rem;
    border-radius: 999px;
    border: 1px solid var(--_border-strong);
    background: var(--_surface-muted);
    font-family: var(--_mono);
    font-size: 0.8125rem;
    max-width: 100%;
  }
  .data-filter .chip .v {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 16rem;
  }
  .data-filter .chip button {
    min-height: 1.75rem;
    min-width: 1.75rem;
    padding: 0 0.4rem;
    border-radius: 999px;
    box-shadow: none;
    border-color: transparent;
    background: transparent;
  }
  @container (max-width: 560px) {
    .data-filter form {
      flex: 1 0 100%;
    }
    .data-filter input {
      flex: 1;
      width: auto;
      min-width: 0;
    }
  }
`;
