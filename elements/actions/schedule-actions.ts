import { html, type TemplateResult } from 'lit';
import type { ScheduleResponse, SessionResponse } from '../../core/vocabulary/wire.ts';
import { msg } from '../shared/locale.ts';
import { scheduleActionOptions } from './schedule-copy.ts';
import { anyActionCopy, anyActionName, SCHEDULE_ICONS } from './schedule-copy.ts';
import type { ActionRequest } from './action-request.ts';

/** A schedule as sentences name it: its key, or for a queue's only schedule (no key), the queue's. */
export function scheduleName(schedule: { readonly queue: string; readonly key: string }): string {
  return schedule.key ? msg('schedule {key} of {queue}', { key: schedule.key, queue: schedule.queue }) : msg('the schedule of {queue}', { queue: schedule.queue });
}

/**
 * One schedule's actions (Run now, Remove schedule) as buttons, each opening the action dialog on
 * it: only those the engine supports and the operator may take; nothing when there are none.
 */
export function scheduleActionButtons(session: SessionResponse | undefined, schedule: ScheduleResponse, onAction: (request: ActionRequest) => void): TemplateResult | string {
  const actions = scheduleActionOptions(session);
  if (actions.length === 0) return '';
  const name = scheduleName(schedule);
  return html`<div class="row-acts" role="group" aria-label=${msg('Actions on {schedule}', { schedule: name })}>
    ${actions.map((action) => {
      const copy = anyActionCopy(action);
      return html`<button type="button" class="act ${copy.tone === 'danger' ? 'danger' : ''}" title=${copy.hint}
        @click=${() => onAction({ action, target: { queue: schedule.queue, schedule: schedule.key }, subject: name })}>
        ${SCHEDULE_ICONS[action]}<span>${anyActionName(action)}</span>
      </button>`;
    })}
  </div>`;
}
