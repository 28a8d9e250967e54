import type { JobEngine } from '../../core/contracts/engine.ts';
import type { QueueHealth } from '../../core/contracts/queue-health.ts';
import { isHostQueueName } from './queue-names.ts';
import { queueHealth, type Statement } from './sql.ts';

/**
 * Running jobs read per queue when looking for overdue ones. pg-boss holds at most a worker
 * deployment's concurrency of them in a healthy queue; past this the answer says it stopped.
 */
export const OVERDUE_WALK = 1000;

interface QueueHealthRow {
  readonly queue: string;
  readonly oldest_ready: string | null;
  readonly overdue: number;
  readonly walked: number;
}

/** `inspectQueues` over pg-boss's job table, one statement for every queue asked about. */
export function createQueueHealth(context: { readonly schema: string; query<Row>(statement: Statement): Promise<Row[]> }): Pick<JobEngine, 'inspectQueues'> {
  return {
    async inspectQueues(queues) {
      const hosted = queues.filter(isHostQueueName);
      if (hosted.length === 0) return [];
      const rows = await context.query<QueueHealthRow>(queueHealth(context.schema, hosted, OVERDUE_WALK));
      return rows.map((row): QueueHealth => ({
        queue: row.queue,
        oldestReadySince: row.oldest_ready,
        overdue: { count: Number(row.overdue), more: Number(row.walked) >= OVERDUE_WALK },
      }));
    },
  };
}
