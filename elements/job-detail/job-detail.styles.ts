import { css } from 'lit';

/** Styles of `<ops-jobs-job-detail>`: facts, sections and the timeline column. */
export const jobDetailStyles = css`
  h1 .mono {
    font-size: 1.35rem;
    font-weight: 600;
  }
  .facts {
    --_fact-width: 8.5rem;
    grid-template-columns: repeat(auto-fit, minmax(min(var(--_fact-width), 100%), 1fr));
    margin: 0 0 1rem;
    padding: 1rem 1.25rem;
  }
  .id-value {
    font-family: var(--_mono);
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
  }
  .spent {
    color: var(--_danger);
    font-weight: 600;
  }
  .origin {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0 0 1rem;
    padding: 0.7rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_accent-soft);
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 18rem;
    gap: 1rem;
    align-items: start;
  }
  .main {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
    min-width: 0;
  }
  section.card,
  aside.card {
    padding: 1rem 1.25rem 1.1rem;
    min-width: 0;
  }
  section h2,
  aside h2,
  summary {
    margin: 0 0 0.75rem;
  }
  section.error-card {
    border-color: var(--_danger-border);
  }
  section.error-card h2 {
    color: var(--_danger);
  }
  details > summary {
    cursor: pointer;
    list-style: none;
    display: flex;
    align-items: center;
    gap: 0.4rem;
    border-radius: 4px;
  }
  details > summary::-webkit-details-marker {
    display: none;
  }
  details > summary .icon {
    transition: transform 120ms ease;
    color: var(--_muted);
  }
  details[open] > summary .icon {
    transform: rotate(90deg);
  }
  details > summary h2 {
    margin: 0;
  }
  details:not([open]) > summary {
    margin-bottom: 0;
  }
  .side {
    display: grid;
    gap: 1rem;
    min-width: 0;
    position: sticky;
    top: calc(var(--_sticky-top, 0px) + 1rem);
  }
  section.history {
    padding: 1rem 1.25rem 1.1rem;
  }
  /* A chronology may be longer than the window: a sticky column would hide its end until the page's. */
  .side:has(section.history) {
    position: static;
  }
  section.pruned {
    margin-top: 1rem;
    max-width: 46rem;
  }
  .skeleton.facts-s {
    height: 4.5rem;
    border-radius: var(--_radius);
    margin-bottom: 1rem;
  }

  @container (max-width: 860px) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
    .side {
      position: static;
    }
    .head.has-actions {
      flex-wrap: wrap;
    }
    .head.has-actions .tools {
      width: 100%;
    }
    .head.has-actions .tools .act-group {
      flex: 1;
    }
    .facts .wide {
      grid-column: 1 / -1;
      order: -1;
    }
  }
`;
