import { html, type TemplateResult } from 'lit';
import type { OperatorAction } from '../../core/contracts/actions.ts';
import { lockIcon } from '../shared/icons.ts';
import type { ActionOption } from './action-availability.ts';
import { ACTION_COPY } from './action-copy.ts';
import { ACTION_ICONS } from './action-icons.ts';

/** The id of the note that explains why `action` is not allowed, for `aria-describedby`. */
export function deniedNoteId(prefix: string, action: OperatorAction): string {
  return `${prefix}-denied-${action.replace('.', '-')}`;
}

/**
 * One action as a button. A disallowed action stays in the tab order (`aria-disabled`, not
 * `disabled`) with a lock and the reason as its description, so keyboard and screen reader users
 * learn why, not only that, it is unavailable; clicking it does nothing.
 */
export function actionButton(option: ActionOption, label: string, onClick: (action: OperatorAction) => void, notePrefix: string): TemplateResult {
  const copy = ACTION_COPY[option.action];
  if (!option.allowed) {
    return html`<button type="button" class="act" aria-disabled="true" aria-describedby=${deniedNoteId(notePrefix, option.action)} title=${option.reason ?? ''}>
      ${lockIcon}<span>${label}</span>
    </button>`;
  }
  return html`<button type="button" class="act ${copy.tone === 'danger' ? 'danger' : ''}" title=${copy.hint} @click=${() => onClick(option.action)}>
    ${ACTION_ICONS[option.action]}<span>${label}</span>
  </button>`;
}

/** The visible reasons for every disallowed option, one line each. */
export function deniedNotes(options: readonly ActionOption[], notePrefix: string): TemplateResult | string {
  const denied = options.filter((option) => !option.allowed);
  if (denied.length === 0) return '';
  return html`<ul class="denied-notes">
    ${denied.map((option) => html`<li id=${deniedNoteId(notePrefix, option.action)}>
      ${lockIcon}<span><strong>${ACTION_COPY[option.action].verb}</strong> is not available: ${option.reason}</span>
    </li>`)}
  </ul>`;
}
