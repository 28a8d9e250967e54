import type { JobEngine } from '../../core/contracts/engine.ts';
import type { ActivityPoint, QueueActivityQuery } from '../../core/contracts/queue-activity.ts';
import { isHostQueueName } from './queue-names.ts';
import { queueStatsExist, queueStatsHistory, type Statement } from './sql.ts';

/**
 * Most snapshots read for one answer: a day of pg-boss's monitor passes at their default interval
 * (60 s) is 1,440. A faster monitor leaves the oldest points of a long window out.
 */
export const MOST_SNAPSHOTS = 5000;

interface SnapshotRow {
  readonly at_ms: number | string;
  readonly created_delta: number | null;
  readonly completed_delta: number | null;
  readonly failed_delta: number | null;
  readonly delta_seconds: number | null;
  readonly wait_bins: number[] | null;
  readonly run_bins: number[] | null;
  readonly ready_oldest_seconds: number | null;
}

type Bins = number[] | null;
interface Latency {
  addBins(a: Bins, b: Bins): Bins;
  percentile(bins: Bins, p: number): number | null;
}

// pg-boss reads its own wait and run histograms (12.35 and later); an older pg-boss has none to read.
let latency: Promise<Latency | null> | undefined;
const loadLatency = (): Promise<Latency | null> =>
  (latency ??= import('pg-boss').then((module: Partial<Latency>) => (module.addBins && module.percentile ? module as Latency : null), () => null));

interface Bucket {
  created: number;
  completed: number;
  failed: number;
  seconds: number;
  wait: Bins;
  run: Bins;
  readyOldest: number | null;
}

/**
 * `queueActivity` over pg-boss's recorded queue statistics (the `queue_stats` table its monitor
 * fills when `persistQueueStats` is on), by their index (name, captured_on): the snapshots of the
 * window, added up into points, with pg-boss's own percentile of each point's histograms.
 */
export function createQueueActivity(context: { readonly schema: string; query<Row>(statement: Statement): Promise<Row[]> }): Pick<JobEngine, 'queueActivity'> {
  return {
    async queueActivity(query: QueueActivityQuery) {
      if (!isHostQueueName(query.queue)) return null;
      let rows: SnapshotRow[];
      try {
        rows = await context.query<SnapshotRow>(queueStatsHistory(context.schema, query.queue, query.from, query.to, MOST_SNAPSHOTS));
      } catch (error) {
        // A pg-boss schema from before queue statistics were recorded.
        if ((error as { code?: string }).code === '42P01') return { points: [], recorded: false };
        throw error;
      }
      if (rows.length === 0) {
        const [row] = await context.query<{ recorded: boolean }>(queueStatsExist(context.schema, query.queue));
        return { points: [], recorded: row?.recorded === true };
      }
      return { points: toPoints(rows, query, await loadLatency()), recorded: true };
    },
  };
}

function toPoints(rows: readonly SnapshotRow[], query: QueueActivityQuery, latency: Latency | null): ActivityPoint[] {
  const bucketMs = query.bucketSeconds * 1000;
  const from = query.from.getTime();
  const buckets = new Map<number, Bucket>();
  for (const row of rows) {
    const index = Math.max(0, Math.floor((Number(row.at_ms) - from - 1) / bucketMs));
    const bucket = buckets.get(index) ?? { created: 0, completed: 0, failed: 0, seconds: 0, wait: null, run: null, readyOldest: null };
    bucket.created += row.created_delta ?? 0;
    bucket.completed += row.completed_delta ?? 0;
    bucket.failed += row.failed_delta ?? 0;
    bucket.seconds += row.delta_seconds ?? 0;
    if (latency) {
      bucket.wait = latency.addBins(bucket.wait, row.wait_bins);
      bucket.run = latency.addBins(bucket.run, row.run_bins);
    }
    // Rows come newest first: the first seen is the stretch's last word on the backlog.
    if (bucket.readyOldest === null && row.ready_oldest_seconds !== null) bucket.readyOldest = Number(row.ready_oldest_seconds);
    buckets.set(index, bucket);
  }
  const perMinute = (count: number, seconds: number) => (seconds > 0 ? Math.round((count / seconds) * 60 * 100) / 100 : 0);
  const at = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 1000) / 1000);
  return [...buckets.entries()].sort(([a], [b]) => a - b).map(([index, bucket]) => ({
    at: new Date(Math.min(from + (index + 1) * bucketMs, query.to.getTime())).toISOString(),
    createdPerMinute: perMinute(bucket.created, bucket.seconds),
    completedPerMinute: perMinute(bucket.completed, bucket.seconds),
    failedPerMinute: perMinute(bucket.failed, bucket.seconds),
    waitP50: at(latency?.percentile(bucket.wait, 50) ?? null),
    waitP95: at(latency?.percentile(bucket.wait, 95) ?? null),
    runP50: at(latency?.percentile(bucket.run, 50) ?? null),
    runP95: at(latency?.percentile(bucket.run, 95) ?? null),
    readyOldestSeconds: bucket.readyOldest,
  }));
}
