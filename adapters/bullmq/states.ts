import type { JobAction, QueueAction } from '../../core/vocabulary/actions.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { isJobState, type JobState } from '../../core/vocabulary/job-states.ts';

/**
 * The console states BullMQ has. BullMQ has no `retrying` state apart from the others (a job
 * waiting out a retry backoff sits in `delayed`, one retried at once in `wait`) and no
 * `cancelled` state at all: a job is removed, or it fails.
 */
export const BULLMQ_STATES: readonly JobState[] = Object.freeze(['queued', 'scheduled', 'blocked', 'active', 'completed', 'failed'] as const);

/**
 * For each action, the console states of the jobs BullMQ's own command changes.
 *
 * - retry: failed jobs, moved back to wait by BullMQ's `Job.retry('failed')` with one more attempt.
 * - promote: delayed jobs (console: scheduled), moved to wait at once by BullMQ's `Job.promote()`,
 *   which refuses a job no longer delayed. Jobs waiting out a retry backoff are delayed jobs too.
 * - delete: every job not being processed, removed with BullMQ's `Queue.remove` (which also removes
 *   the job's children, as BullMQ does). BullMQ refuses to remove a job a worker holds locked, so
 *   active jobs are not offered.
 * - fail: running jobs whose worker let go of them (their lock is gone: the worker died or hangs),
 *   moved by BullMQ's `Job.moveToFailed` under a lock the console takes first (fail-abandoned.ts),
 *   so its attempts and backoff apply. A running job a live worker holds is not eligible.
 *
 * No `cancel`: BullMQ has no cancelled state, and its own cancellation (`Worker.cancelJob`) is a
 * signal to the handler in the worker process that runs the job, which a stuck job's dead worker
 * cannot receive. To stop a stuck job for good, fail it (a job with attempts left then waits to
 * run again, and can be deleted there).
 */
export const BULLMQ_ACTION_STATES: Readonly<Partial<Record<JobAction, readonly JobState[]>>> = Object.freeze({
  retry: Object.freeze(['failed'] as const),
  promote: Object.freeze(['scheduled'] as const),
  delete: Object.freeze(['queued', 'scheduled', 'blocked', 'completed', 'failed'] as const),
  fail: Object.freeze(['active'] as const),
});

/**
 * What BullMQ can do to a queue itself: `Queue.pause()` (workers take no more of its jobs; the
 * running ones finish) and `Queue.resume()`.
 */
export const BULLMQ_QUEUE_ACTIONS: readonly QueueAction[] = Object.freeze(['pause', 'resume'] as const);

/** `state` when it is one of BullMQ's states; otherwise `InvalidInputError` naming `state`. */
export function bullmqState(state: unknown): JobState {
  if (isJobState(state) && BULLMQ_STATES.includes(state)) return state;
  throw new InvalidInputError('state', `BullMQ has no job state ${JSON.stringify(state)}; use one of ${BULLMQ_STATES.join(', ')}.`);
}
