import type { JobState } from '../../core/vocabulary/job-states.ts';

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
