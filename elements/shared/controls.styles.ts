import { css } from 'lit';
import { visuallyHidden } from './visually-hidden.styles.ts';

/** Links, buttons, focus rings, cards and helpers shared by the views. */
export const controls = css`
  a {
    color: var(--_accent);
    text-decoration: none;
    border-radius: 3px;
  }
  a:hover {
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    font-size: 0.875rem;
    font-weight: 500;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-small);
    padding: 0.4rem 0.8rem;
    min-height: 2.25rem;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    cursor: pointer;
    box-shadow: var(--_shadow);
  }
  button:hover:not(:disabled) {
    background: var(--_surface-muted);
    border-color: var(--_muted);
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  a.button-link {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.25rem;
    padding: 0.4rem 0.8rem;
    font-weight: 500;
    white-space: nowrap;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-small);
    box-shadow: var(--_shadow);
  }
  a.button-link:hover {
    text-decoration: none;
    background: var(--_surface-muted);
  }
  button.primary,
  a.button-link.primary {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  button.primary:hover:not(:disabled),
  a.button-link.primary:hover {
    color: var(--_on-accent);
    background: color-mix(in srgb, var(--_accent) 86%, var(--_text));
    border-color: transparent;
  }
  button.danger {
    color: var(--_danger);
    border-color: var(--_danger-border);
  }
  button.danger:hover:not(:disabled) {
    background: var(--_danger-soft);
    border-color: var(--_danger);
  }
  button.danger.primary {
    color: var(--_on-accent);
    background: var(--_danger);
    border-color: var(--_danger);
  }
  button.danger.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_danger) 86%, var(--_text));
  }
  button[aria-disabled='true'],
  button[aria-disabled='true']:hover {
    cursor: not-allowed;
    opacity: 0.6;
    color: var(--_muted);
    background: var(--_surface);
    border-color: var(--_border-strong);
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
    box-shadow: none;
    color: var(--_muted);
    padding: 0.3rem 0.5rem;
    min-height: 2rem;
  }
  button.quiet:hover:not(:disabled) {
    color: var(--_text);
    background: var(--_surface-muted);
    border-color: transparent;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    font: inherit;
    font-size: 0.875rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-small);
    padding: 0.35rem 0.55rem;
    min-height: 2.25rem;
    width: 100%;
    min-width: 0;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline-offset: 0;
    border-color: var(--_focus);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  svg.icon {
    width: 1em;
    height: 1em;
    flex: none;
    vertical-align: -0.125em;
  }
  /* Icons that point along the line of text (an arrow, a closed disclosure) point the other way
     in right-to-left text; a rule that turns one (an open disclosure) still wins. */
  :where(svg.icon.along):dir(rtl) {
    transform: scaleX(-1);
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .mono {
    font-family: var(--_mono);
    font-size: 0.8125rem;
  }
  /* Code, values and ids read left to right whatever the page's direction, kept apart from the
     text around them. */
  pre,
  code,
  .mono {
    direction: ltr;
    unicode-bidi: isolate;
  }
  .muted {
    color: var(--_muted);
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .visually-hidden {
    ${visuallyHidden}
  }
  h1,
  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }
  h1 {
    font-size: 1.5rem;
    font-weight: 650;
    letter-spacing: -0.01em;
  }
  h1:focus {
    outline: none;
  }
  h2 {
    font-size: 1rem;
    font-weight: 600;
  }
  .eyebrow {
    font-size: 0.6875rem;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
  }
`;
