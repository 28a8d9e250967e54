import { css } from 'lit';

/** Styles of `<ops-jobs-audit-record>`: the reason, the fields and the job links. */
export const auditRecordStyles = css`
  :host {
    --ops-jobs-badge-font-size: 0.8125rem;
    --_skeleton-block: 14rem;
  }
  section.card {
    padding: 1rem 1.25rem 1.1rem;
    margin: 0 0 1rem;
    min-width: 0;
  }
  section h2 {
    margin: 0 0 0.75rem;
  }
  .reason blockquote {
    margin: 0;
    padding-block: 0.2rem;
    padding-inline: 0.9rem 0;
    border-inline-start: 3px solid var(--_accent);
    font-size: 0.9375rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .reason p {
    margin: 0;
  }
  .open-intent {
    display: flex;
    align-items: flex-start;
    gap: 0.55rem;
    margin: 0 0 1rem;
    padding: 0.75rem 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_warning-border);
    border-inline-start-width: 4px;
    background: var(--_warning-soft);
  }
  .open-intent .icon {
    color: var(--_warning);
    margin-top: 0.2rem;
  }
  .facts .value {
    overflow-wrap: anywhere;
  }
  .facts.ids {
    grid-template-columns: max-content minmax(0, 1fr);
    align-items: center;
    gap: 0.4rem 1.5rem;
    margin-top: 1.1rem;
    padding-top: 1rem;
    border-top: 1px solid var(--_border);
  }
  .facts.ids div {
    display: contents;
  }
  .facts.ids dt {
    margin: 0;
  }
  .ids {
    list-style: none;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
    gap: 0.35rem 0.75rem;
    margin: 0;
    padding: 0;
  }
  .ids a {
    font-weight: 600;
  }
  @container (max-width: 560px) {
    .facts {
      grid-template-columns: 1fr 1fr;
    }
    .facts.ids {
      grid-template-columns: minmax(0, 1fr);
      gap: 0.15rem;
    }
    .facts.ids dd {
      margin-bottom: 0.5rem;
    }
  }
`;
