import type { JobOperatorAction, OperatorAction, QueueOperatorAction } from '../../core/vocabulary/actions.ts';

/** How an operator action reads in the interface, in each form a sentence needs. */
export interface ActionCopy {
  /** The verb on a button: "Retry". */
  readonly verb: string;
  /**
   * The action's name where the verb alone could be taken for another action ("Resume queue"
   * beside a job's "Resume"): on its own button, in lists of actions. The verb when absent.
   */
  readonly name?: string;
  /** The verb once done: "Retried". */
  readonly done: string;
  /** What it does, in one line, for tooltips and the dialog. */
  readonly hint: string;
  /** `danger` for actions that cannot be undone, `primary` for the usual fix, `normal` otherwise. */
  readonly tone: 'primary' | 'danger' | 'normal';
}

/** How each operator action reads, listed in the order the console offers them. */
export const ACTION_COPY: Readonly<Record<OperatorAction, ActionCopy>> = Object.freeze({
  'job.retry': { verb: 'Retry', done: 'Retried', hint: 'Runs it again now, with one more attempt allowed; the attempts already made still count.', tone: 'primary' },
  'job.redrive': {
    verb: 'Redrive',
    done: 'Redriven',
    hint: 'Moves out of this dead letter queue, back to the queue it failed in.',
    tone: 'primary',
  },
  'job.promote': {
    verb: 'Promote',
    done: 'Promoted',
    hint: 'Runs a delayed job now instead of at its set time: it joins the waiting jobs for the next free worker.',
    tone: 'normal',
  },
  'job.resume': { verb: 'Resume', done: 'Resumed', hint: 'Puts a cancelled job back in the queue.', tone: 'normal' },
  'job.cancel': { verb: 'Cancel', done: 'Cancelled', hint: 'Stops a job, waiting or running.', tone: 'normal' },
  'job.delete': { verb: 'Delete', done: 'Deleted', hint: 'Removes for good; cannot be undone.', tone: 'danger' },
  'queue.pause': {
    verb: 'Pause',
    name: 'Pause queue',
    done: 'Paused',
    hint: 'Stops the queue handing out jobs: waiting jobs stay waiting, running ones run to their end.',
    tone: 'normal',
  },
  'queue.resume': { verb: 'Resume', name: 'Resume queue', done: 'Resumed', hint: 'Lets the queue hand out its waiting jobs to workers again.', tone: 'primary' },
});

/** Whether an operator action is about a queue itself. */
export function isQueueAction(action: OperatorAction): action is QueueOperatorAction {
  return action.startsWith('queue.');
}

/** Every job action, in the order the console offers them: the order of `ACTION_COPY`, which has one entry per action. */
export const ACTION_ORDER: readonly JobOperatorAction[] = Object.freeze(
  (Object.keys(ACTION_COPY) as OperatorAction[]).filter((action): action is JobOperatorAction => !isQueueAction(action)),
);

/** Every queue action, in the order the console offers them. */
export const QUEUE_ACTION_ORDER: readonly QueueOperatorAction[] = Object.freeze((Object.keys(ACTION_COPY) as OperatorAction[]).filter(isQueueAction));

/** "1 job", "37 jobs", with the count grouped. */
export function jobCount(count: number, format: (n: number) => string = String): string {
  return `${format(count)} ${count === 1 ? 'job' : 'jobs'}`;
}

/** How an action is named on its own: "Retry", "Pause queue". */
export function actionName(action: OperatorAction): string {
  const copy = ACTION_COPY[action];
  return copy.name ?? copy.verb;
}
