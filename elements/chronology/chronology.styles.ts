import { css } from 'lit';

/** Styles of `<ops-jobs-chronology>`. */
export const chronologyStyles = css`
  :host {
    display: block;
    font-size: 0.875rem;
    line-height: 1.45;
  }
  /* Inside a job's page it follows the page's scheme; a theme of its own, as a page view, wins. */
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  h1 {
    margin: 0.25rem 0 1rem;
  }
  h2 {
    margin: 0 0 0.75rem;
  }
  h3 {
    margin: 0 0 0.4rem;
    font-size: 0.8125rem;
  }
  .unknown {
    margin-bottom: 1rem;
    padding: 0.6rem 0.8rem;
    border-radius: var(--_radius-small);
    background: var(--_surface-muted);
    border: 1px solid var(--_border);
  }
  p {
    margin: 0;
  }
  ol.entries {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ol.entries > li {
    position: relative;
    padding-block: 0 1.1rem;
    padding-inline: 1.5rem 0;
    min-width: 0;
  }
  ol.entries > li:last-child {
    padding-bottom: 0;
  }
  ol.entries > li::before {
    content: '';
    position: absolute;
    inset-inline-start: 0.3rem;
    top: 0.9rem;
    bottom: -0.2rem;
    width: 2px;
    background: var(--_border);
  }
  ol.entries > li:last-child::before {
    display: none;
  }
  .marker {
    position: absolute;
    inset-inline-start: 0;
    top: 0.3rem;
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    background: var(--_muted);
    border: 2px solid var(--_muted);
    box-sizing: border-box;
  }
  .audit .marker {
    border-radius: 2px;
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .schedule .marker {
    border-radius: 2px;
    transform: rotate(45deg) scale(0.85);
  }
  .failed .marker {
    background: var(--_state-solid);
    border-color: var(--_state-solid);
  }
  .future .marker {
    background: var(--_surface);
    border-style: dashed;
  }
  .label {
    font-weight: 600;
  }
  .audit .label a {
    color: var(--_accent);
  }
  .failed .label {
    color: var(--_state-fg);
  }
  .when {
    display: block;
    font-size: 0.8125rem;
    font-variant-numeric: tabular-nums;
  }
  .sub {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2rem 0.5rem;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .message {
    display: block;
    margin-top: 0.2rem;
    font-family: var(--_mono);
    font-size: 0.75rem;
    overflow-wrap: anywhere;
  }
  .reason {
    display: block;
    font-style: italic;
    margin-top: 0.15rem;
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
  }
  .gaps {
    margin: 0;
    padding-inline-start: 1.1rem;
    display: grid;
    gap: 0.35rem;
    color: var(--_text);
  }
  .gaps li::marker {
    color: var(--_muted);
  }
  .muted {
    color: var(--_muted);
  }
  .none {
    margin-bottom: 0.75rem;
  }
  a.all {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    margin-top: 0.9rem;
    font-weight: 500;
  }
  .page {
    max-width: 46rem;
    padding: 1rem 1.25rem 1.1rem;
  }
`;
