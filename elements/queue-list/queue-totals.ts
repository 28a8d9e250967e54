import type { JobState } from '../../core/vocabulary/job-states.ts';
import type { QueueResponse } from '../../core/vocabulary/wire.ts';

/** Counts summed over every queue, and how many queues have failed jobs. */
export interface QueueTotals {
  readonly byState: Readonly<Partial<Record<JobState, number>>>;
  readonly total: number;
  readonly queuesWithFailures: number;
  /** The states whose sum includes a figure that is not exact and live. */
  readonly staleStates: ReadonlySet<JobState>;
}

/** Sums the counts of every queue by state. */
export function queueTotals(queues: readonly QueueResponse[]): QueueTotals {
  const byState: Partial<Record<JobState, number>> = {};
  let total = 0;
  let queuesWithFailures = 0;
  const staleStates = new Set<JobState>();
  for (const queue of queues) {
    for (const state of Object.keys(queue.stale ?? {}) as JobState[]) staleStates.add(state);
    total += queue.total;
    if ((queue.counts.failed ?? 0) > 0) queuesWithFailures++;
    for (const [state, count] of Object.entries(queue.counts) as Array<[JobState, number]>) {
      byState[state] = (byState[state] ?? 0) + count;
    }
  }
  return { byState, total, queuesWithFailures, staleStates };
}

/** The states worth a column: the engine's, or those any queue reports, in `order`. */
export function countedStates(queues: readonly QueueResponse[], order: readonly JobState[], fromEngine: boolean): JobState[] {
  if (fromEngine) return [...order];
  return order.filter((state) => queues.some((queue) => queue.counts[state] !== undefined));
}
