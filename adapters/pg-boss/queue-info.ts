import type { CountFreshness, JobState, QueueCounts, QueueDescription } from '../../core/contracts/jobs.ts';
import type { PgBossQueueLike } from './pg-boss-like.ts';

/**
 * How many jobs of a group (waiting and running, failed, finished) a count reads at most per queue.
 * A bigger group is shown with pg-boss's own count from its last monitor pass, and says so.
 */
export const EXACT_COUNT_LIMIT = 500;

/** A row of `sql.countJobs`. */
export interface QueueCountRow {
  readonly queue: string;
  readonly cached_at: string | null;
  /** pg-boss's queue row as JSON: its cached counts, where this pg-boss has them. */
  readonly cached: Readonly<Record<string, unknown>>;
  readonly live_counted: boolean;
  readonly live_rows: number;
  readonly queued: number;
  readonly scheduled: number;
  readonly blocked: number;
  readonly active: number;
  readonly retrying: number;
  readonly failed_counted: boolean;
  readonly failed_rows: number;
  readonly finished_counted: boolean;
  readonly finished_rows: number;
  readonly completed: number;
  readonly cancelled: number;
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

/** A pg-boss queue as the console describes it: name, dead letter queue and settings. */
export function toQueueDescription(queue: PgBossQueueLike): QueueDescription {
  const settings: Record<string, Setting> = {};
  for (const key of SETTING_KEYS) {
    const value: unknown = queue[key];
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      settings[key] = value;
    }
  }
  return { name: queue.name, deadLetterQueue: queue.deadLetter ?? null, settings };
}

function cachedCount(row: QueueCountRow, column: string): number | null {
  const value = row.cached[column];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * A queue's counts from a row of `sql.countJobs`: each group counted exactly when pg-boss's own
 * count and the count itself found no more than `EXACT_COUNT_LIMIT` jobs in it, otherwise pg-boss's
 * cached figures with their time (left out when pg-boss has never counted the queue). pg-boss's cache counts retrying jobs among the ready and
 * deferred ones, and completed jobs together with cancelled ones, so those figures say what they
 * include.
 */
export function toQueueCounts(row: QueueCountRow): QueueCounts {
  const counts: Partial<Record<JobState, number>> = {};
  const stale: Partial<Record<JobState, CountFreshness>> = {};
  const cachedAt = row.cached_at;
  const fromCache = (state: JobState, column: string, includes?: readonly JobState[], atLeast = 0): void => {
    const value = cachedCount(row, column);
    if (cachedAt === null || value === null) return;
    counts[state] = Math.max(value, atLeast);
    stale[state] = includes ? { asOf: cachedAt, includes } : { asOf: cachedAt };
  };

  if (row.live_counted && row.live_rows <= EXACT_COUNT_LIMIT) {
    Object.assign(counts, { queued: row.queued, scheduled: row.scheduled, blocked: row.blocked, active: row.active, retrying: row.retrying });
  } else {
    fromCache('queued', 'ready_count', ['retrying']);
    fromCache('scheduled', 'deferred_count', ['retrying']);
    fromCache('blocked', 'blocked_count');
    fromCache('active', 'active_count');
  }
  if (row.failed_counted && row.failed_rows <= EXACT_COUNT_LIMIT) counts.failed = row.failed_rows;
  else fromCache('failed', 'failed_count', undefined, row.failed_rows);
  if (row.finished_counted && row.finished_rows <= EXACT_COUNT_LIMIT) {
    counts.completed = row.completed;
    counts.cancelled = row.cancelled;
  } else {
    fromCache('completed', 'retained_count', ['cancelled']);
  }
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return { queue: row.queue, counts, total, stale };
}
