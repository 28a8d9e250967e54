import type { JobEngine } from '../../core/contracts/engine.ts';
import type { QueueHealth } from '../../core/contracts/queue-health.ts';
import { OVERDUE_NAMED } from '../../core/contracts/queue-health.ts';
import { isHostQueueName } from './queue-names.ts';
import { queueHealth, type Statement } from './sql.ts';

/**
 * How much of each queue the look reads at most: running jobs (pg-boss holds at most a worker
 * deployment's concurrency of them in a healthy queue), blocked jobs, and the dependencies of each
 * blocked job. Past a bound the answer says it stopped looking. Of the overdue jobs, the first
 * `named` by id are named.
 */
export const HEALTH_WALKS = Object.freeze({ running: 1000, blocked: 200, dependencies: 20, named: OVERDUE_NAMED });

interface QueueHealthRow {
  readonly queue: string;
  readonly oldest_ready: string | null;
  readonly overdue: number;
  readonly overdue_ids: string[] | null;
  readonly walked: number;
  readonly stuck: number;
  readonly blocked_walked: number;
}

/** `inspectQueues` over pg-boss's job table, one statement for every queue asked about. */
export function createQueueHealth(context: { readonly schema: string; query<Row>(statement: Statement): Promise<Row[]> }): Pick<JobEngine, 'inspectQueues'> {
  return {
    async inspectQueues(queues) {
      const hosted = queues.filter(isHostQueueName);
      if (hosted.length === 0) return [];
      const rows = await context.query<QueueHealthRow>(queueHealth(context.schema, hosted, HEALTH_WALKS));
      return rows.map((row): QueueHealth => ({
        queue: row.queue,
        oldestReadySince: row.oldest_ready,
        overdue: { count: Number(row.overdue), more: Number(row.walked) >= HEALTH_WALKS.running, jobs: row.overdue_ids ?? [] },
        stuckFlows: { count: Number(row.stuck), more: Number(row.blocked_walked) >= HEALTH_WALKS.blocked },
      }));
    },
  };
}
