import type { JobState } from '../../core/contracts/jobs.ts';

/**
 * Every job state in the order the console shows them when the session has not said otherwise.
 * Mirrors `JOB_STATES` in core; elements may import core only as types, so the list lives here too.
 */
export const DEFAULT_STATE_ORDER: readonly JobState[] = Object.freeze([
  'queued',
  'scheduled',
  'blocked',
  'active',
  'retrying',
  'completed',
  'failed',
  'cancelled',
]);

/** How each state reads in the interface. */
export const STATE_LABELS: Readonly<Record<JobState, string>> = Object.freeze({
  queued: 'Queued',
  scheduled: 'Scheduled',
  blocked: 'Blocked',
  active: 'Active',
  retrying: 'Retrying',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
});

/** One-line explanations, used as tooltips and accessible descriptions. */
export const STATE_HINTS: Readonly<Record<JobState, string>> = Object.freeze({
  queued: 'Ready to run now',
  scheduled: 'Waiting for a start time in the future',
  blocked: 'Waiting for other jobs it depends on',
  active: 'Being processed by a worker',
  retrying: 'Failed an attempt and waiting to be tried again',
  completed: 'Finished successfully',
  failed: 'Failed with no attempts left',
  cancelled: 'Cancelled before it finished',
});

/** Whether `value` names a job state the console knows. */
export function isJobState(value: unknown): value is JobState {
  return typeof value === 'string' && Object.hasOwn(STATE_LABELS, value);
}
