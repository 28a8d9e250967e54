import type { JobOperatorAction, OperatorAction, QueueOperatorAction, ScheduleOperatorAction } from '../../core/vocabulary/actions.ts';
import { msg, plural } from '../shared/locale.ts';

/** How an operator action reads in the interface, in each form a sentence needs. */
export interface ActionCopy {
  /** The verb on a button: "Retry". */
  readonly verb: string;
  /**
   * The action's name where the verb alone could be taken for another action ("Resume queue"
   * beside a job's "Resume"): on its own button, in lists of actions. The verb when absent.
   */
  readonly name?: string;
  /** The verb inside a sentence ("Why {verb} 3 jobs?"): "retry". */
  readonly infinitive: string;
  /** The verb once done, inside a sentence ("3 jobs {done}"): "retried". */
  readonly done: string;
  /** The verb once done, standing alone as a label: "Retried". */
  readonly doneLabel: string;
  /** What it does, in one line, for tooltips and the dialog. */
  readonly hint: string;
  /** `danger` for actions that cannot be undone, `primary` for the usual fix, `normal` otherwise. */
  readonly tone: 'primary' | 'danger' | 'normal';
}

/**
 * The operator actions worded here. The schedule actions are worded in schedule-copy.ts, with the
 * views that offer and show them, so that their words stay out of the first load; views that may
 * show any action word it with `anyActionCopy` from there.
 */
export type FirstLoadAction = Exclude<OperatorAction, ScheduleOperatorAction>;

/** How `action` reads in the chosen locale. */
export function actionCopy(action: FirstLoadAction): ActionCopy {
  switch (action) {
    case 'job.retry':
      return { verb: msg('Retry'), infinitive: msg('retry'), done: msg('retried'), doneLabel: msg('Retried'), hint: msg('Runs it again now, with one more attempt allowed; the attempts already made still count.'), tone: 'primary' };
    case 'job.redrive':
      return { verb: msg('Redrive'), infinitive: msg('redrive'), done: msg('redriven'), doneLabel: msg('Redriven'), hint: msg('Moves out of this dead letter queue, back to the queue it failed in.'), tone: 'primary' };
    case 'job.promote':
      return {
        verb: msg('Promote'),
        infinitive: msg('promote'),
        done: msg('promoted'),
        doneLabel: msg('Promoted'),
        hint: msg('Runs a delayed job now instead of at its set time: it joins the waiting jobs for the next free worker.'),
        tone: 'normal',
      };
    case 'job.resume':
      return { verb: msg('Resume'), infinitive: msg('resume'), done: msg('resumed'), doneLabel: msg('Resumed'), hint: msg('Puts a cancelled job back in the queue.'), tone: 'normal' };
    case 'job.cancel':
      return { verb: msg('Cancel'), infinitive: msg('cancel'), done: msg('cancelled'), doneLabel: msg('Cancelled'), hint: msg('Stops a job, waiting or running.'), tone: 'normal' };
    case 'job.fail':
      return {
        verb: msg('Fail'),
        infinitive: msg('fail'),
        done: msg('failed'),
        doneLabel: msg('Failed'),
        hint: msg('Fails a running job as if its handler had thrown; its retry policy applies.'),
        tone: 'normal',
      };
    case 'job.delete':
      return { verb: msg('Delete'), infinitive: msg('delete'), done: msg('deleted'), doneLabel: msg('Deleted'), hint: msg('Removes for good; cannot be undone.'), tone: 'danger' };
    case 'queue.pause':
      return {
        verb: msg('Pause'),
        name: msg('Pause queue'),
        infinitive: msg('pause'),
        done: msg('paused'),
        doneLabel: msg('Paused'),
        hint: msg('Stops the queue handing out jobs: waiting jobs stay waiting, running ones run to their end.'),
        tone: 'normal',
      };
    case 'queue.resume':
      return {
        verb: msg('Resume'),
        name: msg('Resume queue'),
        infinitive: msg('resume'),
        done: msg('resumed'),
        doneLabel: msg('Resumed'),
        hint: msg('Lets the queue hand out its waiting jobs to workers again.'),
        tone: 'primary',
      };
    case 'queue.configure':
      return {
        verb: msg('Change settings'),
        name: msg('Change settings'),
        infinitive: msg('change the settings of'),
        done: msg('changed'),
        doneLabel: msg('Settings changed'),
        hint: msg('Gives the queue new settings; jobs already sent may keep the ones they were sent with.'),
        tone: 'normal',
      };
  }
}

/** Whether an operator action is about a queue itself. */
export function isQueueAction(action: OperatorAction): action is QueueOperatorAction {
  return action.startsWith('queue.');
}

/** Every job action, in the order the console offers them. */
export const ACTION_ORDER: readonly JobOperatorAction[] = Object.freeze(['job.retry', 'job.redrive', 'job.promote', 'job.resume', 'job.cancel', 'job.fail', 'job.delete']);

/** Every queue action, in the order the console offers them. */
export const QUEUE_ACTION_ORDER: readonly QueueOperatorAction[] = Object.freeze(['queue.pause', 'queue.resume', 'queue.configure']);

/** "1 job", "37 jobs", with the count grouped, in the chosen locale. */
export function jobCount(count: number): string {
  return plural(count, '{count} job', '{count} jobs');
}

/** How an action is named on its own: "Retry", "Pause queue". */
export function actionName(action: FirstLoadAction): string {
  const copy = actionCopy(action);
  return copy.name ?? copy.verb;
}
