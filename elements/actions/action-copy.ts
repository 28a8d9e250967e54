import type { OperatorAction } from '../../core/vocabulary/actions.ts';
import { msg, plural } from '../shared/locale.ts';

/** How an operator action reads in the interface, in each form a sentence needs. */
export interface ActionCopy {
  /** The verb on a button: "Retry". */
  readonly verb: string;
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

/** How `action` reads in the chosen locale. */
export function actionCopy(action: OperatorAction): ActionCopy {
  switch (action) {
    case 'job.retry':
      return { verb: msg('Retry'), infinitive: msg('retry'), done: msg('retried'), doneLabel: msg('Retried'), hint: msg('Runs it again now, with one more attempt allowed; the attempts already made still count.'), tone: 'primary' };
    case 'job.redrive':
      return { verb: msg('Redrive'), infinitive: msg('redrive'), done: msg('redriven'), doneLabel: msg('Redriven'), hint: msg('Moves out of this dead letter queue, back to the queue it failed in.'), tone: 'primary' };
    case 'job.resume':
      return { verb: msg('Resume'), infinitive: msg('resume'), done: msg('resumed'), doneLabel: msg('Resumed'), hint: msg('Puts a cancelled job back in the queue.'), tone: 'normal' };
    case 'job.cancel':
      return { verb: msg('Cancel'), infinitive: msg('cancel'), done: msg('cancelled'), doneLabel: msg('Cancelled'), hint: msg('Stops a job, waiting or running.'), tone: 'normal' };
    case 'job.delete':
      return { verb: msg('Delete'), infinitive: msg('delete'), done: msg('deleted'), doneLabel: msg('Deleted'), hint: msg('Removes for good; cannot be undone.'), tone: 'danger' };
  }
}

/** Every operator action, in the order the console offers them. */
export const ACTION_ORDER: readonly OperatorAction[] = Object.freeze(['job.retry', 'job.redrive', 'job.resume', 'job.cancel', 'job.delete']);

/** "1 job", "37 jobs", with the count grouped, in the chosen locale. */
export function jobCount(count: number): string {
  return plural(count, '{count} job', '{count} jobs');
}
