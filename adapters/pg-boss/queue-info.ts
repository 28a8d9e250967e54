import type { JobState, QueueInfo } from '../../core/contracts/jobs.ts';
import type { PgBossQueueLike } from './pg-boss-like.ts';

/** A row of `sql.countJobsByState`. */
export interface StateCountRow {
  readonly queue: string;
  readonly state: JobState;
  readonly count: number;
}

/** The queue settings shown to operators, in display order. */
const SETTING_KEYS = [
  'policy',
  'partition',
  'retryLimit',
  'retryDelay',
  'retryBackoff',
  'retryDelayMax',
  'expireInSeconds',
  'heartbeatSeconds',
  'retentionSeconds',
  'deleteAfterSeconds',
  'warningQueueSize',
  'notify',
] as const satisfies readonly (keyof PgBossQueueLike)[];

type Setting = string | number | boolean | null;

/**
 * A pg-boss queue as the console shows it: its settings from pg-boss, its counts from the live
 * count. Every state the engine declares is present, zero when the queue has no such job.
 */
export function toQueueInfo(queue: PgBossQueueLike, states: readonly JobState[], counts: readonly StateCountRow[]): QueueInfo {
  const byState: Partial<Record<JobState, number>> = Object.fromEntries(states.map((state) => [state, 0]));
  let total = 0;
  for (const row of counts) {
    byState[row.state] = (byState[row.state] ?? 0) + row.count;
    total += row.count;
  }
  const settings: Record<string, Setting> = {};
  for (const key of SETTING_KEYS) {
    const value: unknown = queue[key];
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      settings[key] = value;
    }
  }
  return { name: queue.name, counts: byState, total, deadLetterQueue: queue.deadLetter ?? null, settings };
}
