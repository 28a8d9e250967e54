import type { OperatorAction } from '../../core/vocabulary/actions.ts';

/** How an operator action reads in the interface, in each form a sentence needs. */
export interface ActionCopy {
  /** The verb on a button: "Retry". */
  readonly verb: string;
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
  'job.resume': { verb: 'Resume', done: 'Resumed', hint: 'Puts a cancelled job back in the queue.', tone: 'normal' },
  'job.cancel': { verb: 'Cancel', done: 'Cancelled', hint: 'Stops a job, waiting or running.', tone: 'normal' },
  'job.delete': { verb: 'Delete', done: 'Deleted', hint: 'Removes for good; cannot be undone.', tone: 'danger' },
});

/** Every operator action, in the order the console offers them: the order of `ACTION_COPY`, which has one entry per action. */
export const ACTION_ORDER: readonly OperatorAction[] = Object.freeze(Object.keys(ACTION_COPY) as OperatorAction[]);

/** "1 job", "37 jobs", with the count grouped. */
export function jobCount(count: number, format: (n: number) => string = String): string {
  return `${format(count)} ${count === 1 ? 'job' : 'jobs'}`;
}
