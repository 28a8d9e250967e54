import type { CountFreshness } from '../../core/vocabulary/count-freshness.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import type { QueueCounts, QueueDescription } from '../../core/contracts/jobs.ts';
import type { PgBossQueueLike } from './pg-boss-like.ts';

/**
 * How many jobs of a group (waiting and running, failed, finished) a count reads at most per queue.
 * A bigger group is shown with pg-boss's own count from its last monitor pass, and says so.
 */
export const EXACT_COUNT_LIMIT = 500;

/** A row of `sql.cachedCounts`: pg-boss's queue row as JSON, and when its monitor last counted. */
export interface CachedCountRow {
  readonly queue: string;
  readonly cached_at: string | null;
  readonly cached: Readonly<Record<string, unknown>>;
}

/** A row of `sql.exactCounts`. */
export interface ExactCountRow {
  readonly queue: string;
  readonly live_rows: number;
  readonly queued: number;
  readonly scheduled: number;
  readonly blocked: number;
  readonly active: number;
  readonly retrying: number;
  readonly failed_rows: number;
  readonly finished_rows: number;
  readonly completed: number;
  readonly cancelled: number;
}

/** Which groups of a queue are worth counting exactly: those pg-boss's own count says are small. */
export interface CountPlan {
  readonly queue: string;
  readonly live: boolean;
  readonly failed: boolean;
  readonly finished: boolean;
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

function cachedCount(row: CachedCountRow, column: string): number | null {
  const value = row.cached[column];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * The groups of a queue to count exactly: each one pg-boss's own count finds no bigger than
 * `EXACT_COUNT_LIMIT`, and the waiting and failed jobs of a queue pg-boss has never counted (so
 * that a queue that starts failing shows it at once). Finished jobs are never counted past pg-boss's
 * figure: they are the bulk of every table.
 */
export function countPlanOf(row: CachedCountRow): CountPlan {
  const small = (...columns: string[]): boolean => columns.reduce((sum, column) => sum + (cachedCount(row, column) ?? 0), 0) <= EXACT_COUNT_LIMIT;
  const never = row.cached_at === null;
  return {
    queue: row.queue,
    live: never || small('queued_count', 'active_count'),
    failed: never || small('failed_count'),
    finished: small('retained_count'),
  };
}

/**
 * A queue's counts: each group counted exactly when it was worth counting (`plan`) and the count
 * found no more than `EXACT_COUNT_LIMIT` jobs in it, otherwise pg-boss's cached figures with their
 * time (left out when pg-boss has never counted the queue). pg-boss's cache counts retrying jobs
 * among the ready and deferred ones, and completed jobs together with cancelled ones, so those
 * figures say what they include.
 */
export function toQueueCounts(cachedRow: CachedCountRow, plan: CountPlan, exact: ExactCountRow | undefined): QueueCounts {
  const counts: Partial<Record<JobState, number>> = {};
  const stale: Partial<Record<JobState, CountFreshness>> = {};
  const cachedAt = cachedRow.cached_at;
  const fromCache = (state: JobState, column: string, includes?: readonly JobState[], atLeast = 0): void => {
    const value = cachedCount(cachedRow, column);
    if (cachedAt === null || value === null) return;
    counts[state] = Math.max(value, atLeast);
    stale[state] = includes ? { asOf: cachedAt, includes } : { asOf: cachedAt };
  };

  if (exact && plan.live && exact.live_rows <= EXACT_COUNT_LIMIT) {
    Object.assign(counts, { queued: exact.queued, scheduled: exact.scheduled, blocked: exact.blocked, active: exact.active, retrying: exact.retrying });
  } else {
    fromCache('queued', 'ready_count', ['retrying']);
    fromCache('scheduled', 'deferred_count', ['retrying']);
    fromCache('blocked', 'blocked_count');
    fromCache('active', 'active_count');
  }
  if (exact && plan.failed && exact.failed_rows <= EXACT_COUNT_LIMIT) counts.failed = exact.failed_rows;
  else fromCache('failed', 'failed_count', undefined, exact && plan.failed ? exact.failed_rows : 0);
  if (exact && plan.finished && exact.finished_rows <= EXACT_COUNT_LIMIT) {
    counts.completed = exact.completed;
    counts.cancelled = exact.cancelled;
  } else {
    fromCache('completed', 'retained_count', ['cancelled']);
  }
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return { queue: cachedRow.queue, counts, total, stale };
}
