import { css } from 'lit';

/**
 * Styles of `<ops-jobs-action-dialog>`: a modal with a header, steps, a scrolling body and a
 * footer; on phones, a sheet from the bottom edge with full-width buttons.
 */
export const actionDialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    width: min(var(--ops-jobs-dialog-width, 42rem), calc(100vw - 2rem));
    max-height: calc(100dvh - 3rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: 12px;
    color: var(--_text);
    background: var(--_surface);
    box-shadow: 0 24px 48px -12px rgb(16 24 40 / 30%);
    font: 0.875rem/1.45 var(--_font);
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: light-dark(rgb(16 24 40 / 45%), rgb(0 0 0 / 62%));
  }
  .top {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: 0.85rem;
    padding-block: 1.1rem 0.9rem;
    padding-inline: 1.25rem 1.1rem;
  }
  .mark {
    display: grid;
    place-items: center;
    width: 2.4rem;
    height: 2.4rem;
    border-radius: 50%;
    font-size: 1.1rem;
    color: var(--_accent);
    background: var(--_accent-soft);
  }
  .mark.danger {
    color: var(--_danger);
    background: var(--_danger-soft);
  }
  .top h2 {
    font-size: 1.0625rem;
    overflow-wrap: anywhere;
  }
  .top p {
    margin: 0.15rem 0 0;
    color: var(--_muted);
  }
  .steps {
    display: flex;
    gap: 1.25rem;
    list-style: none;
    margin: 0;
    padding: 0 1.25rem 0.9rem;
    border-bottom: 1px solid var(--_border);
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_muted);
  }
  .steps li {
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  .steps .n {
    display: grid;
    place-items: center;
    width: 1.3rem;
    height: 1.3rem;
    border-radius: 50%;
    border: 1px solid;
  }
  .steps [aria-current='step'] {
    color: var(--_accent);
  }
  .body {
    display: grid;
    gap: 1rem;
    padding: 1.1rem 1.25rem 1.25rem;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .body h3 {
    font-size: 0.9375rem;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  .foot {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    padding: 0.85rem 1.25rem;
    border-top: 1px solid var(--_border);
    background: var(--_surface-muted);
  }
  .foot .spacer {
    flex: 1;
  }
  .discard {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.5rem;
    width: 100%;
  }
  .discard p {
    flex: 1 1 16rem;
    margin: 0;
  }
  .box {
    display: flex;
    align-items: flex-start;
    gap: 0.55rem;
    margin: 0;
    padding: 0.65rem 0.8rem;
    border-radius: var(--_radius-small);
    border: 1px solid var(--_border);
    background: var(--_surface-muted);
  }
  .box > .icon {
    margin-top: 0.2rem;
    flex: none;
  }
  .calm {
    border-color: light-dark(#c9d7f7, #2a3b63);
    background: var(--_accent-soft);
  }
  .calm > .icon {
    color: var(--_accent);
  }
  .warnings {
    display: block;
    border-color: var(--_warning-border);
    border-inline-start-width: 4px;
    background: var(--_warning-soft);
  }
  .warnings h3 {
    display: flex;
    align-items: center;
    gap: 0.45rem;
    color: var(--_warning);
  }
  .warnings ul {
    margin: 0.35rem 0 0;
    padding-inline-start: 1.5rem;
  }
  .bad {
    border-color: var(--_danger-border);
    background: var(--_danger-soft);
  }
  .bad > .icon {
    color: var(--_danger);
  }
  .box p {
    margin: 0.25rem 0 0;
  }
  .count {
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
  }
  .count strong {
    font-size: 2rem;
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }
  .count span {
    color: var(--_muted);
    font-weight: 400;
  }
  .queue-count span {
    font-size: 1rem;
  }
  .queue-count strong {
    font-size: inherit;
    color: var(--_text);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .effects {
    margin: 0.75rem 0 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.3rem;
  }
  .sample {
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    overflow: hidden;
  }
  .sample table {
    table-layout: fixed;
  }
  .sample caption {
    text-align: start;
    padding: 0.55rem 0.75rem;
    font-weight: 600;
    background: var(--_surface-muted);
    border-bottom: 1px solid var(--_border);
  }
  .sample th,
  .sample td,
  .sample .more {
    padding: 0.45rem 0.75rem;
  }
  .sample th:first-child {
    width: 7rem;
  }
  .sample th:nth-child(2) {
    width: 6.5rem;
  }
  .sample .excerpt {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_danger);
    font: 0.75rem var(--_mono);
  }
  .sample .more {
    color: var(--_muted);
    border-top: 1px solid var(--_border);
  }
  .field {
    display: grid;
    gap: 0.35rem;
  }
  .field label {
    font-weight: 600;
  }
  .hint,
  .req {
    margin: 0;
    font-weight: 400;
    color: var(--_muted);
  }
  textarea {
    padding: 0.55rem 0.7rem;
    min-height: 6.5rem;
    resize: vertical;
  }
  .field-foot {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    font-size: 0.8125rem;
  }
  .field-error {
    display: flex;
    align-items: baseline;
    gap: 0.35rem;
    color: var(--_danger);
    font-weight: 500;
  }
  .counter {
    margin-inline-start: auto;
    color: var(--_muted);
    white-space: nowrap;
  }
  .counter.enough {
    color: var(--_success);
  }
  .outcome {
    display: grid;
    justify-items: center;
    gap: 0.5rem;
    padding: 1rem 0 0.5rem;
    text-align: center;
  }
  .outcome .mark {
    width: 3.25rem;
    height: 3.25rem;
    font-size: 1.6rem;
    color: var(--_success);
    background: var(--_success-soft);
  }
  .outcome h3 {
    font-size: 1.125rem;
  }
  .outcome p {
    margin: 0;
    color: var(--_muted);
  }
  .outcome a {
    display: flex;
    align-items: center;
    gap: 0.3rem;
    font-weight: 600;
  }
  .waiting {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    padding: 1.5rem 0;
    color: var(--_muted);
  }
  .spin {
    display: inline-flex;
  }
  /* A keyboard shortcut means nothing on a touch screen or a phone. */
  @media (max-width: 560px), (hover: none), (pointer: coarse) {
    .kbd-hint {
      display: none;
    }
  }
  @media (max-width: 560px) {
    dialog {
      width: 100vw;
      max-width: 100vw;
      max-height: 92dvh;
      margin: auto 0 0;
      border-radius: 16px 16px 0 0;
    }
    .foot > * {
      flex: 1 1 auto;
      justify-content: center;
    }
    .foot .spacer {
      display: none;
    }
  }
  .schedule-line {
    margin: 0.5rem 0 0;
    overflow-wrap: anywhere;
  }
  .schedule-line code {
    font-family: var(--_mono);
    font-size: 0.875rem;
  }
`;
