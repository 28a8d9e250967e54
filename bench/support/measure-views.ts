// Latency and database work per view load, for one product at a time, so that the database's
// counters over a batch of loads belong to that product's view alone.
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseCounters, DatabaseWatch } from './database-work.ts';
import type { ViewRequest } from './scale-views.ts';
import { loadView, type ViewLoad } from './view-requests.ts';

// A backend reports its counters at most once a second while busy, and an idle one whose report
// was held back retries after 10 s (PostgreSQL 15's PGSTAT_IDLE_INTERVAL): past that, every
// statement of a batch is counted.
const FLUSH_WAIT_MS = 11_000;

/** What one view costs on one product, per load of the view. */
export interface ViewCost {
  readonly medianMs: number;
  readonly p95Ms: number;
  /** The HTTP statuses seen, such as `200` or `200, 500`. */
  readonly statuses: string;
  /** HTTP requests per load, on average. */
  readonly requests: number;
  /** Rows read (tup_returned + tup_fetched), buffers (hits + reads) and statement time, per load. */
  readonly rows: number;
  readonly buffers: number;
  readonly statementMs: number;
}

/** A view as one product loads it. */
export interface ViewToMeasure {
  readonly name: string;
  readonly requests: readonly ViewRequest[];
}

/** Something measured like a view load: one run, timed, with the HTTP statuses it saw (none for work done in process). */
export interface RunToMeasure {
  readonly name: string;
  readonly run: () => Promise<ViewLoad>;
}

/** Work per second while nothing is asked of the product, taken off every batch. */
interface IdleRates {
  readonly rows: number;
  readonly buffers: number;
  readonly statementMs: number;
}

/** The value at quantile `q` (0..1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

function idleRates(start: DatabaseCounters, end: DatabaseCounters): IdleRates {
  const seconds = (end.at - start.at) / 1000;
  return { rows: (end.rowsRead - start.rowsRead) / seconds, buffers: (end.blocks - start.blocks) / seconds, statementMs: (end.activeMs - start.activeMs) / seconds };
}

/**
 * Loads every view `warmup` times, then measures them one batch of `count` sequential loads at a
 * time: latency per load, and the database's counters over the batch (less the idle rate) divided
 * by `count`.
 */
export function measureViews(
  origin: string,
  views: readonly ViewToMeasure[],
  watch: DatabaseWatch,
  options: { readonly warmup: number; readonly count: number; readonly log: (line: string) => void },
): Promise<Map<string, ViewCost>> {
  return measureRuns(views.map((view) => ({ name: view.name, run: () => loadView(origin, view.requests) })), watch, options);
}

/** `measureViews` for any runs: each run `warmup` times, then batches of `count`, less the idle rate. */
export async function measureRuns(
  views: readonly RunToMeasure[],
  watch: DatabaseWatch,
  options: { readonly warmup: number; readonly count: number; readonly log: (line: string) => void },
): Promise<Map<string, ViewCost>> {
  for (const view of views) for (let run = 0; run < options.warmup; run += 1) await view.run();
  await sleep(FLUSH_WAIT_MS);
  const idleStart = await watch.read();
  await sleep(FLUSH_WAIT_MS);
  let mark = await watch.read();
  const idle = idleRates(idleStart, mark);
  const costs = new Map<string, ViewCost>();
  for (const view of views) {
    const latencies: number[] = [];
    const statuses = new Set<number>();
    let requests = 0;
    for (let run = 0; run < options.count; run += 1) {
      const load = await view.run();
      latencies.push(load.ms);
      requests += load.statuses.length;
      for (const status of load.statuses) statuses.add(status);
    }
    await sleep(FLUSH_WAIT_MS);
    const end = await watch.read();
    const seconds = (end.at - mark.at) / 1000;
    const per = (delta: number, idlePerSecond: number) => Math.max(0, delta - idlePerSecond * seconds) / options.count;
    const cost: ViewCost = {
      medianMs: quantile(latencies, 0.5),
      p95Ms: quantile(latencies, 0.95),
      statuses: [...statuses].sort().join(', '),
      requests: requests / options.count,
      rows: per(end.rowsRead - mark.rowsRead, idle.rows),
      buffers: per(end.blocks - mark.blocks, idle.buffers),
      statementMs: per(end.activeMs - mark.activeMs, idle.statementMs),
    };
    costs.set(view.name, cost);
    options.log(`bench:   ${view.name}: median ${cost.medianMs.toFixed(1)} ms, p95 ${cost.p95Ms.toFixed(1)} ms, ${Math.round(cost.rows)} rows, ${Math.round(cost.buffers)} buffers, ${cost.requests} requests (HTTP ${cost.statuses})`);
    mark = end;
  }
  return costs;
}
