import { css } from 'lit';

/** Styles of `<ops-jobs-queue-switcher>`: a small dialog near the top, a search field and a list. */
export const queueSwitcherStyles = css`
  dialog {
    width: min(34rem, calc(100vw - 2rem));
    margin: 12vh auto auto;
    padding: 0;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 28%);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 35%);
  }
  .field {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.6rem 0.75rem;
    border-bottom: 1px solid var(--_border);
  }
  .field input {
    border: none;
    min-height: 2.5rem;
    font-size: 1rem;
    background: transparent;
  }
  .field input:focus-visible {
    outline: none;
  }
  .field:focus-within {
    box-shadow: inset 0 -2px 0 var(--_focus);
  }
  kbd {
    font-family: var(--_mono);
    font-size: 0.75rem;
    padding: 0.05rem 0.35rem;
    border: 1px solid var(--_border-strong);
    border-radius: 4px;
    color: var(--_muted);
    white-space: nowrap;
  }
  [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0.35rem;
    max-height: min(22rem, 55vh);
    overflow-y: auto;
  }
  [role='option'] {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    padding: 0.55rem 0.65rem;
    border-radius: var(--_radius-small);
    cursor: pointer;
    min-height: 2.5rem;
    overflow-wrap: anywhere;
  }
  [role='option'] .kind {
    margin-inline-start: auto;
    color: var(--_muted);
    font-size: 0.8125rem;
    white-space: nowrap;
  }
  [role='option'].job .name {
    font-family: var(--_mono);
  }
  [role='option'][aria-selected='true'] {
    background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  [role='option']:hover {
    background: var(--_surface-muted);
  }
  .note {
    margin: 0;
    padding: 0.75rem 1rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .foot {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0.5rem 0.9rem;
    border-top: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.8125rem;
  }
`;
