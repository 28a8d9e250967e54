import type { JobState } from './job-states.ts';

/**
 * How fresh a count is when the engine did not count it just now: the time the figure was taken,
 * and any other states it includes because the engine's source does not tell them apart.
 */
export interface CountFreshness {
  /** When the engine last counted it (ISO 8601). */
  readonly asOf: string;
  /** Other states this figure includes (their own counts are then absent). */
  readonly includes?: readonly JobState[];
}
