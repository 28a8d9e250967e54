import type { JobAction } from '../../core/vocabulary/actions.ts';
import { ALL_JOB_STATES, type JobState } from '../../core/vocabulary/job-states.ts';
import type { PgBossLike } from './pg-boss-like.ts';

/** pg-boss has every console state; they are listed in lifecycle order: waiting, running, finished. */
export const PG_BOSS_STATES: readonly JobState[] = ALL_JOB_STATES;

/**
 * For each action, the console states of the jobs pg-boss 12's own command changes; `sql.ts`
 * (`actionTarget`) has the statement behind each.
 *
 * - retry: only failed jobs. pg-boss moves them to its `retry` state (console: retrying), runnable
 *   at once, with one more attempt allowed. A cancelled job is resumed, not retried.
 * - cancel: every job not yet finished: waiting (queued, scheduled, blocked), retrying and active.
 * - delete: any job.
 * - resume: only cancelled jobs, back to waiting (queued, or scheduled/blocked as before).
 * - fail: running jobs (active), failed by pg-boss's `fail()` as if their handler had thrown: the
 *   queue's retry policy applies, so a job with attempts left moves to retry, and one without
 *   fails for good (and is copied to the queue's dead letter queue, if it has one).
 * - redrive: dead-lettered jobs (those with a source queue recorded) that have not started
 *   (queued, scheduled, blocked, retrying). pg-boss re-creates each in its source queue as a new
 *   job and removes it here. One whose source queue has since been deleted is still selected,
 *   and the preview warns that it will stay.
 *
 * pg-boss 12 has no command to run a delayed job before its time, nor to pause a queue, so the
 * console offers neither promote nor the queue actions on it.
 */
export const PG_BOSS_ACTION_STATES: Readonly<Record<Exclude<JobAction, 'promote'>, readonly JobState[]>> = Object.freeze({
  retry: Object.freeze(['failed'] as const),
  cancel: Object.freeze(['queued', 'scheduled', 'blocked', 'active', 'retrying'] as const),
  delete: PG_BOSS_STATES,
  resume: Object.freeze(['cancelled'] as const),
  redrive: Object.freeze(['queued', 'scheduled', 'blocked', 'retrying'] as const),
  fail: Object.freeze(['active'] as const),
});

/** The actions this pg-boss instance can run: redrive only where it has `redrive()` and `previewRedrive()`. */
export function actionStatesOf(boss: PgBossLike): Readonly<Partial<Record<JobAction, readonly JobState[]>>> {
  const { redrive, fail, ...always } = PG_BOSS_ACTION_STATES;
  return Object.freeze({ ...always, ...(canRedrive(boss) ? { redrive } : {}), ...(typeof boss.fail === 'function' ? { fail } : {}) });
}

/** Whether this pg-boss instance has the commands the redrive action needs. */
function canRedrive(boss: PgBossLike): boolean {
  return typeof boss.redrive === 'function' && typeof boss.previewRedrive === 'function';
}
