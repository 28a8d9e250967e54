import type { Actor } from '../contracts/auth.ts';
import type { WorkerInstance } from '../contracts/workers.ts';
import type { WorkerInstanceResponse, WorkerListResponse, WorkerStatus } from '../vocabulary/wire.ts';
import type { ServiceContext } from './context.ts';

/** Most instances listed: every process of a deployment, and its recent history. */
export const WORKER_LIST_LIMIT = 200;

// The order an operator reads them in: trouble first.
const STATUS_ORDER: Readonly<Record<WorkerStatus, number>> = { missing: 0, late: 1, healthy: 2, stopped: 3 };

/** How a process is doing at `now`, by the heartbeats it has not sent. */
export function workerStatus(instance: WorkerInstance, now: number, health: ServiceContext['workerHealth']): WorkerStatus {
  if (instance.stoppedAt !== null) return 'stopped';
  const heartbeat = (instance.heartbeatSeconds ?? 60) * 1000;
  const silent = now - Date.parse(instance.lastSeenAt);
  if (silent > heartbeat * health.missingAfterHeartbeats) return 'missing';
  if (silent > heartbeat * health.lateAfterHeartbeats) return 'late';
  return 'healthy';
}

/**
 * The processes running the engine, with how each is doing, trouble first. The queues each works
 * are shown only where the operator may see the queue; a process that works none of those is
 * still listed, so a dead one is never hidden.
 */
export async function listWorkers(context: ServiceContext, actor: Actor): Promise<WorkerListResponse> {
  await context.access.require(actor, 'workers.view', { type: 'console' });
  const now = context.clock();
  const thresholds = { ...context.workerHealth };
  if (!context.engine.listInstances) return { instances: [], more: false, asOf: now.toISOString(), thresholds };
  const page = await context.engine.listInstances(WORKER_LIST_LIMIT);
  const queues = [...new Set(page.instances.flatMap((instance) => instance.workers.map((worker) => worker.queue)))];
  const verdicts = await Promise.all(queues.map((queue) => context.access.check(actor, 'queues.view', { type: 'queue', queue })));
  const visible = new Set(queues.filter((_, index) => verdicts[index]?.allowed));
  const instances = page.instances.map((instance): WorkerInstanceResponse => ({
    id: instance.id,
    name: instance.name,
    host: instance.host,
    pid: instance.pid,
    version: instance.version,
    runtime: instance.runtime,
    heartbeatSeconds: instance.heartbeatSeconds,
    startedAt: instance.startedAt,
    lastSeenAt: instance.lastSeenAt,
    stoppedAt: instance.stoppedAt,
    crashRestarts: instance.crashRestarts,
    status: workerStatus(instance, now.getTime(), context.workerHealth),
    otherQueues: new Set(instance.workers.map((worker) => worker.queue).filter((queue) => !visible.has(queue))).size,
    workers: instance.workers.filter((worker) => visible.has(worker.queue)).map((worker) => ({
      queue: worker.queue,
      concurrency: worker.concurrency,
      active: worker.active,
      lastFetchedAt: worker.lastFetchedAt,
      lastFinishedAt: worker.lastFinishedAt,
      lastErrorAt: worker.lastErrorAt,
    })),
  }));
  instances.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.startedAt.localeCompare(a.startedAt));
  return { instances, more: page.more, asOf: now.toISOString(), thresholds };
}
