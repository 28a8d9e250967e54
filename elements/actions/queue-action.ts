import { html, type TemplateResult } from 'lit';
import type { QueueResponse, SessionResponse } from '../../core/vocabulary/wire.ts';
import { pauseIcon } from '../shared/icons.ts';
import { msg } from '../shared/locale.ts';
import { queueActionOption } from './action-availability.ts';
import { actionCopy, actionName } from './action-copy.ts';
import { ACTION_ICONS } from './action-icons.ts';
import type { ActionRequest } from './action-request.ts';

/**
 * The queue's own action for its view's header: Pause queue on a running queue, Resume queue on a
 * paused one. Only where the engine can and the operator may: a queue action is rare, and a
 * disabled one on every queue page would be noise. On narrow screens the button shows its icon,
 * its name staying as its accessible name.
 */
export function queueActionButton(session: SessionResponse | undefined, queue: QueueResponse | undefined, onAction: (request: ActionRequest) => void): TemplateResult | string {
  const option = queueActionOption(session, queue?.paused);
  if (!queue || !option?.allowed) return '';
  const { action } = option;
  return html`<button type="button" class="act queue-act" title=${actionCopy(action).hint}
    @click=${() => onAction({ action, target: { queue: queue.name }, subject: msg('queue {queue}', { queue: queue.name }) })}>
    ${ACTION_ICONS[action]}<span class="label">${actionName(action)}</span>
  </button>`;
}

/** "Paused" beside a queue that hands out no jobs; nothing for a running queue, or one whose engine cannot pause. */
export function pausedTag(paused: boolean | undefined): TemplateResult | string {
  return paused
    ? html`<span class="paused-tag" title=${msg('Workers take none of its jobs until it is resumed.')}>${pauseIcon}<span>${msg('Paused')}</span></span>`
    : '';
}
