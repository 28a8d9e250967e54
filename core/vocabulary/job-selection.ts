import type { DataFilter } from './data-filter.ts';
import type { JobState } from './job-states.ts';

/** Which jobs of a queue an operator action is about. */
export type JobSelection =
  /** These jobs, by id. */
  | { readonly ids: readonly string[] }
  /** Every job of the queue in this state, and matching the payload conditions if any (up to the console's cap). */
  | { readonly filter: { readonly state: JobState; readonly data?: readonly DataFilter[] } };
