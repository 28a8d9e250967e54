import type { JobEngine } from '../../core/contracts/engine.ts';
import type { WorkerInstance } from '../../core/contracts/workers.ts';
import type { PgBossInstanceLike, PgBossLike } from './pg-boss-like.ts';

// pg-boss prunes the rows of instances long gone, so the table holds a deployment's processes and
// their recent history; more than this many is read as "more" without reading the rest.
const MOST_ROWS = 1000;

const iso = (value: Date | string | null | undefined): string | null => (value === null || value === undefined ? null : new Date(value).toISOString());

function toWorkerInstance(row: PgBossInstanceLike): WorkerInstance {
  return {
    id: row.id,
    name: row.name ?? null,
    host: row.host,
    pid: Number(row.pid),
    version: row.version ?? null,
    runtime: row.nodeVersion ?? null,
    heartbeatSeconds: typeof row.heartbeatSeconds === 'number' ? row.heartbeatSeconds : null,
    startedAt: iso(row.startedOn)!,
    lastSeenAt: iso(row.heartbeatOn)!,
    stoppedAt: iso(row.stoppedOn),
    crashRestarts: Number(row.crashRestarts ?? 0),
    workers: (row.workers ?? []).map((worker) => ({
      queue: worker.queue,
      concurrency: Number(worker.localConcurrency ?? 1),
      active: Number(worker.active ?? 0),
      lastFetchedAt: iso(worker.lastFetchedOn),
      lastFinishedAt: iso(worker.lastJobEndedOn),
      lastErrorAt: iso(worker.lastErrorOn),
    })),
  };
}

/** `listInstances` over pg-boss's own `getInstances()`, newest first; absent where pg-boss has none. */
export function createInstanceMethods(boss: PgBossLike): Pick<JobEngine, 'listInstances'> {
  const getInstances = boss.getInstances?.bind(boss);
  if (!getInstances) return {};
  return {
    async listInstances(limit) {
      const rows = await getInstances({ limit: MOST_ROWS });
      const newest = [...rows].sort((a, b) => new Date(b.startedOn).getTime() - new Date(a.startedOn).getTime());
      return { instances: newest.slice(0, limit).map(toWorkerInstance), more: rows.length > limit };
    },
  };
}
