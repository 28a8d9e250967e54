import type { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import type { JobEngine } from '../../core/contracts/engine.ts';
import { InvalidInputError } from '../../core/errors.ts';
import type { ScheduleAction } from '../../core/vocabulary/actions.ts';
import type { QueueDirectory } from './discovery.ts';
import { queueKeys } from './redis.ts';
import { describeSchedulers } from './schedules.ts';

/**
 * What BullMQ 6 can do to a job scheduler: `run`, one job now from its template (its job name,
 * data and options) through `Queue.add`, leaving the scheduler and the job it made for its next
 * run as they are; `remove`, `Queue.removeJobScheduler`, which deletes the scheduler and the job
 * waiting for its next run, and no job it made before. BullMQ cannot pause a scheduler.
 */
export const BULLMQ_SCHEDULE_ACTIONS: readonly ScheduleAction[] = Object.freeze(['run', 'remove'] as const);

interface ScheduleActionContext {
  readonly client: Redis;
  readonly prefix: string;
  readonly directory: QueueDirectory;
  /** BullMQ's queue object for a queue name (`createQueueHandles`). */
  readonly queueOf: (name: string) => Queue;
}

/** `findSchedule` by the scheduler's member of `<queue>:repeat` and its hash, and `applyToSchedule` through BullMQ's own commands. */
export function createScheduleActionMethods(context: ScheduleActionContext): Required<Pick<JobEngine, 'findSchedule' | 'applyToSchedule'>> {
  const { client, prefix, directory, queueOf } = context;

  return {
    async findSchedule(queue, key) {
      if (!(await directory.has(queue))) return null;
      const score = await client.zscore(queueKeys(prefix, queue).of('repeat'), key);
      if (score === null) return null;
      const [schedule] = await describeSchedulers(client, prefix, [{ queue, key, next: Number(score) }]);
      return schedule ?? null;
    },
    async applyToSchedule(action, queue, key) {
      if (!BULLMQ_SCHEDULE_ACTIONS.includes(action)) throw new InvalidInputError('action', `The BullMQ engine cannot ${String(action)} schedules.`);
      if (!(await directory.has(queue))) return false;
      const target = queueOf(queue);
      if (action === 'remove') return target.removeJobScheduler(key);
      const scheduler = await target.getJobScheduler(key);
      if (!scheduler) return false;
      const job = await target.add(scheduler.name, scheduler.template?.data ?? {}, { ...(scheduler.template?.opts ?? {}) });
      // BullMQ gives every job it adds an id; a job without one would be one no console could find.
      return job.id === undefined ? true : { jobId: job.id };
    },
  };
}
