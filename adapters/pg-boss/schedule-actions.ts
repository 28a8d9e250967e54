import type { JobEngine } from '../../core/contracts/engine.ts';
import { InvalidInputError } from '../../core/errors.ts';
import type { ScheduleAction } from '../../core/vocabulary/actions.ts';
import type { PgBossLike, PgBossScheduleLike } from './pg-boss-like.ts';
import { isHostQueueName } from './queue-names.ts';

/**
 * Options `schedule()` keeps beside the send options, which are not send options themselves: the
 * zone, the key and the catch-up policy, and a connection a row written by an older release may hold.
 */
const NOT_SEND_OPTIONS = new Set(['tz', 'key', 'missed', 'db']);

/**
 * The schedule actions pg-boss 12 offers through its public API: `run`, one `send()` with the
 * schedule's data and send options (what its own cron pass sends for a run, without recording the
 * job as the schedule's last), and `remove`, `unschedule(name, key)`. pg-boss has no way to pause
 * a schedule, so none is offered. Empty on a pg-boss without `getSchedules()`, `send()` or
 * `unschedule()`.
 */
export function pgBossScheduleActions(boss: PgBossLike): readonly ScheduleAction[] {
  if (typeof boss.getSchedules !== 'function') return [];
  return [
    ...(typeof boss.send === 'function' ? ['run' as const] : []),
    ...(typeof boss.unschedule === 'function' ? ['remove' as const] : []),
  ];
}

/** The queue's schedule with this key, read by primary key through `getSchedules(name, key)`; null when there is none. */
export async function findScheduleRow(boss: PgBossLike, queue: string, key: string): Promise<PgBossScheduleLike | null> {
  if (!boss.getSchedules || !isHostQueueName(queue)) return null;
  const rows = await boss.getSchedules(queue, key);
  return rows.find((row) => row.name === queue && row.key === key) ?? null;
}

/** `applyToSchedule` over `send()` (a run names the job `send()` made) and `unschedule()`; absent where pg-boss has neither. */
export function createScheduleActions(boss: PgBossLike): Pick<JobEngine, 'applyToSchedule'> {
  const offered = pgBossScheduleActions(boss);
  if (offered.length === 0) return {};
  return {
    async applyToSchedule(action, queue, key) {
      if (!offered.includes(action)) throw new InvalidInputError('action', `The pg-boss engine cannot ${String(action)} schedules.`);
      const row = await findScheduleRow(boss, queue, key);
      if (!row) return false;
      if (action === 'remove') {
        await boss.unschedule!(queue, key);
        return true;
      }
      const options = Object.fromEntries(Object.entries(row.options ?? {}).filter(([name]) => !NOT_SEND_OPTIONS.has(name)));
      const data = typeof row.data === 'object' ? (row.data as object | null) : null;
      const jobId = await boss.send!(queue, data, options);
      return jobId === null ? false : { jobId };
    },
  };
}
