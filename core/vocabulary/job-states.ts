/**
 * Engine-neutral job states, in the order the console shows them. Each engine maps its own states
 * onto these and declares which it supports in its capabilities.
 */
export const JOB_STATES = Object.freeze({
  /** Ready to run now. */
  queued: 'queued',
  /** Waiting for a start time in the future. */
  scheduled: 'scheduled',
  /** Waiting for other jobs it depends on. */
  blocked: 'blocked',
  /** Being processed by a worker. */
  active: 'active',
  /** Failed an attempt and waiting to be tried again. */
  retrying: 'retrying',
  completed: 'completed',
  /** Failed with no attempts left. */
  failed: 'failed',
  cancelled: 'cancelled',
} as const);

export type JobState = (typeof JOB_STATES)[keyof typeof JOB_STATES];

/** Every job state, in the order the console shows them. */
export const ALL_JOB_STATES: readonly JobState[] = Object.freeze(Object.values(JOB_STATES));

/** Whether `value` names a job state. */
export function isJobState(value: unknown): value is JobState {
  return typeof value === 'string' && (ALL_JOB_STATES as readonly string[]).includes(value);
}
