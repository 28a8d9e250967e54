import type { JobEngine } from '../contracts/engine.ts';
import type { QueueCounts, QueueDescription, QueueInfo } from '../contracts/jobs.ts';

/** The figures of a queue the engine did not count. */
export const NO_COUNTS: Omit<QueueCounts, 'queue'> = Object.freeze({ counts: Object.freeze({}), total: 0, stale: Object.freeze({}) });

/** These queues with their counts, in the order given: one `countJobs` call for all of them. */
export async function withCounts(engine: JobEngine, queues: readonly QueueDescription[]): Promise<QueueInfo[]> {
  if (queues.length === 0) return [];
  const counted = await engine.countJobs(queues.map((queue) => queue.name));
  const byName = new Map(counted.map((entry) => [entry.queue, entry]));
  return queues.map((queue) => {
    const { counts, total, stale } = byName.get(queue.name) ?? NO_COUNTS;
    return { ...queue, counts, total, stale };
  });
}

/** Every queue of the engine with its counts. */
export async function listQueuesWithCounts(engine: JobEngine): Promise<QueueInfo[]> {
  return withCounts(engine, await engine.listQueues());
}
