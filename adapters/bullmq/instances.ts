import type { Redis } from 'ioredis';
import type { WorkerInstance, WorkerInstancePage } from '../../core/contracts/workers.ts';

/** One connection as `CLIENT LIST` describes it: its fields by name. */
type ClientFields = Readonly<Record<string, string>>;

/**
 * BullMQ's workers, as Redis sees them (what `Queue.getWorkers` reads): each worker names the
 * connection it waits for jobs on `<prefix>:<base64 of the queue>`, with `:w:<name>` when it was
 * given a name, so one `CLIENT LIST` finds every worker of every queue at once. A worker is one
 * instance here, its connection's address for a host.
 *
 * BullMQ records nothing else about its workers, so some fields say what Redis can: `startedAt` is
 * when the connection opened, `lastSeenAt` its last command (a waiting worker sends one every few
 * seconds, so a worker whose process hangs falls silent), and a worker that stopped or died is
 * simply gone (never `stoppedAt`, no `crashRestarts`). Neither its process id, version, runtime,
 * heartbeat interval, concurrency nor jobs in hand can be told: they are null.
 *
 * `CLIENT LIST` reads one line per connection to the Redis server: its cost follows the server's
 * connections, not its jobs. A Redis that refuses the command (some managed services) rejects.
 */
export async function listBullMQWorkers(client: Redis, prefix: string, queues: readonly string[], limit: number, now: number = Date.now()): Promise<WorkerInstancePage> {
  const byName = new Map(queues.map((queue) => [`${prefix}:${Buffer.from(queue).toString('base64')}`, queue]));
  const list = String(await client.call('CLIENT', 'LIST'));
  const instances: WorkerInstance[] = [];
  for (const line of list.split(/\r?\n/)) {
    const fields = parseClientLine(line);
    const worker = workerOf(fields.name, byName);
    if (!worker) continue;
    const age = seconds(fields.age);
    const idle = Math.min(seconds(fields.idle), age);
    instances.push({
      id: `${fields.id ?? ''}@${fields.addr ?? ''}`,
      name: worker.name,
      host: fields.addr ?? 'unknown',
      pid: null,
      version: null,
      runtime: null,
      heartbeatSeconds: null,
      startedAt: new Date(now - age * 1000).toISOString(),
      lastSeenAt: new Date(now - idle * 1000).toISOString(),
      stoppedAt: null,
      crashRestarts: 0,
      workers: [{ queue: worker.queue, concurrency: null, active: null, lastFetchedAt: null, lastFinishedAt: null, lastErrorAt: null }],
    });
  }
  instances.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id));
  return { instances: instances.slice(0, limit), more: instances.length > limit };
}

/** The fields of one `CLIENT LIST` line (`id=7 addr=127.0.0.1:5329 name=... age=1 idle=0 ...`). */
function parseClientLine(line: string): ClientFields {
  const fields: Record<string, string> = {};
  for (const pair of line.trim().split(' ')) {
    const equals = pair.indexOf('=');
    if (equals > 0) fields[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return fields;
}

/** The queue (and worker name) a connection's name stands for, when it is a worker of one of `byName`'s queues. */
function workerOf(name: string | undefined, byName: ReadonlyMap<string, string>): { queue: string; name: string | null } | null {
  if (!name) return null;
  const queue = byName.get(name);
  if (queue !== undefined) return { queue, name: null };
  const mark = name.indexOf(':w:');
  // A queue's base64 name has no colon, so the first `:w:` after the prefix ends it.
  for (let at = mark; at >= 0; at = name.indexOf(':w:', at + 1)) {
    const named = byName.get(name.slice(0, at));
    if (named !== undefined) return { queue: named, name: name.slice(at + 3) || null };
  }
  return null;
}

function seconds(raw: string | undefined): number {
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : 0;
}
