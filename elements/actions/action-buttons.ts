import { html, type TemplateResult } from 'lit';
import type { OperatorAction } from '../../core/vocabulary/actions.ts';
import { lockIcon } from '../shared/icons.ts';
import type { ActionOption } from './action-availability.ts';
import { intlLocale, msg } from '../shared/locale.ts';
import { actionCopy, type FirstLoadAction } from './action-copy.ts';
import { ACTION_ICONS } from './action-icons.ts';

/**
 * The id of the note that explains a reason (null: none given), for `aria-describedby`. Actions
 * denied for the same reason share one note, so the id follows the reason: a short hash of it.
 */
function deniedNoteId(prefix: string, reason: string | null): string {
  let hash = 5381;
  for (const char of reason ?? '') hash = (Math.imul(hash, 33) ^ char.charCodeAt(0)) >>> 0;
  return `${prefix}-denied-${reason === null ? 'none' : hash.toString(36)}`;
}

/**
 * One action as a button. A disallowed action stays in the tab order (`aria-disabled`, not
 * `disabled`) with a lock and the reason as its description, so keyboard and screen reader users
 * learn why, not only that, it is unavailable; clicking it does nothing.
 */
export function actionButton(option: ActionOption, label: string, onClick: (action: OperatorAction) => void, notePrefix: string): TemplateResult {
  const copy = actionCopy(option.action);
  if (!option.allowed) {
    return html`<button type="button" class="act" aria-disabled="true" aria-describedby=${deniedNoteId(notePrefix, option.reason)} title=${option.reason ?? msg('Not allowed for your account.')}>
      ${lockIcon}<span>${label}</span>
    </button>`;
  }
  return html`<button type="button" class="act ${copy.tone === 'danger' ? 'danger' : ''}" title=${copy.hint} @click=${() => onClick(option.action)}>
    ${ACTION_ICONS[option.action]}<span>${label}</span>
  </button>`;
}

/**
 * The visible reasons for the disallowed options: one line per distinct reason ("Retry and Delete
 * are not allowed for your account."), which describes each of its buttons.
 */
export function deniedNotes(options: readonly ActionOption[], notePrefix: string): TemplateResult | string {
  const groups = new Map<string | null, FirstLoadAction[]>();
  for (const option of options) if (!option.allowed) groups.set(option.reason, [...(groups.get(option.reason) ?? []), option.action]);
  if (groups.size === 0) return '';
  return html`<ul class="denied-notes">
    ${[...groups].map(([reason, actions]) => {
      const names = new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(actions.map((action) => actionCopy(action).verb));
      const one = actions.length === 1;
      return html`<li id=${deniedNoteId(notePrefix, reason)}>
        ${lockIcon}<span>${reason === null
          ? (one ? msg('{names} is not allowed for your account.', { names }) : msg('{names} are not allowed for your account.', { names }))
          : (one ? msg('{names} is not available: {reason}', { names, reason }) : msg('{names} are not available: {reason}', { names, reason }))}</span>
      </li>`;
    })}
  </ul>`;
}
