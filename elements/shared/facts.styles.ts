import { css } from 'lit';

/**
 * A `<dl class="facts">` of labelled values (a job's or an audit record's fields): a grid of
 * small upper-case terms over their values; `.wide` spans two columns. `--_fact-width` is the
 * least width of a column.
 */
export const facts = css`
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--_fact-width, 10.5rem), 100%), 1fr));
    gap: 1rem 1.5rem;
    margin: 0;
  }
  .facts div {
    min-width: 0;
  }
  .facts .wide {
    grid-column: span 2;
  }
  .facts dt {
    font-size: 0.6875rem;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
    margin-bottom: 0.2rem;
  }
  .facts dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.4rem;
    min-width: 0;
  }
`;
