import type { JobRef, JobSummary } from './jobs.ts';

/** Most steps of a flow an engine reads and the console shows at once. */
export const FLOW_STEP_LIMIT = 50;

/**
 * The flow one job belongs to, as the engine keeps it: the steps around it (the job first) and
 * which step waits on which. Error messages pass through the display policy as in a listing.
 */
export interface JobFlow {
  readonly steps: readonly JobSummary[];
  /** `waiting` runs only once `on` has completed; only between listed steps. */
  readonly dependencies: readonly { readonly waiting: JobRef; readonly on: JobRef }[];
  readonly more: boolean;
}

/** One key per job across queues, for telling a flow's steps apart. */
export function flowStepKey(ref: JobRef): string {
  return `${ref.queue}\u0000${ref.id}`;
}
