import type { SVGTemplateResult } from 'lit';
import type { OperatorAction, ScheduleOperatorAction } from '../../core/vocabulary/actions.ts';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { promoteIcon, trashIcon } from '../shared/icons.ts';
import { msg } from '../shared/locale.ts';
import { actionCopy, type ActionCopy } from './action-copy.ts';

// The schedule actions as the interface words them. Only views outside the first load offer or
// show them (the schedules view, the action dialog, the audit views), so they live here rather than
// in action-copy.ts, which the first load carries.

/** Every schedule action, in the order the console offers them. */
export const SCHEDULE_ACTION_ORDER: readonly ScheduleOperatorAction[] = Object.freeze(['schedule.run', 'schedule.remove']);

/** The icon beside each schedule action's name. */
export const SCHEDULE_ICONS: Readonly<Record<ScheduleOperatorAction, SVGTemplateResult>> = Object.freeze({
  'schedule.run': promoteIcon,
  'schedule.remove': trashIcon,
});

/** Whether an operator action is about a recurring schedule. */
export function isScheduleAction(action: OperatorAction): action is ScheduleOperatorAction {
  return action.startsWith('schedule.');
}

/** How a schedule action reads in the chosen locale. */
function scheduleCopy(action: ScheduleOperatorAction): ActionCopy {
  return action === 'schedule.run'
    ? {
        verb: msg('Run'),
        name: msg('Run now'),
        infinitive: msg('run'),
        done: msg('ran now'),
        doneLabel: msg('Ran now'),
        hint: msg('Makes one job in its queue now, with the data and options of its runs; the schedule keeps its timetable.'),
        tone: 'normal',
      }
    : {
        verb: msg('Remove'),
        name: msg('Remove schedule'),
        infinitive: msg('remove'),
        done: msg('removed'),
        doneLabel: msg('Removed'),
        hint: msg('Deletes the schedule: its future runs stop. The jobs it already made stay.'),
        tone: 'danger',
      };
}

/** How any operator action reads, the schedule actions included (`actionCopy` words the others). */
export function anyActionCopy(action: OperatorAction): ActionCopy {
  return isScheduleAction(action) ? scheduleCopy(action) : actionCopy(action);
}

/** How any operator action is named on its own: "Retry", "Pause queue", "Run now". */
export function anyActionName(action: OperatorAction): string {
  const copy = anyActionCopy(action);
  return copy.name ?? copy.verb;
}

/**
 * The schedule actions to offer on each schedule: those the engine supports and the operator may
 * take, in the console's order. Like a queue's own action, one the operator may not take is left
 * out rather than shown disabled on every row.
 */
export function scheduleActionOptions(session: SessionResponse | undefined): ScheduleOperatorAction[] {
  if (!session) return [];
  const supported = session.engine.scheduleActions ?? [];
  return SCHEDULE_ACTION_ORDER.filter((action) => supported.includes(action) && session.permissions?.[action] === true);
}
