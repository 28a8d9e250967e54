import type { Redis } from 'ioredis';
import type { QueueCounts, QueueDescription } from '../../core/contracts/jobs.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import { pipelined, queueKeys, type Command } from './redis.ts';
import { SOURCES } from './sources.ts';

/** The queue-wide settings BullMQ keeps in the queue's meta hash that are worth showing. */
const META_FIELDS = Object.freeze(['paused', 'concurrency', 'max', 'duration', 'version'] as const);

/** Each queue's description from its meta hash: one HMGET per queue, in one round trip. */
export async function describeQueues(client: Redis, prefix: string, names: readonly string[]): Promise<QueueDescription[]> {
  const replies = await pipelined(client, names.map((name) => ['hmget', queueKeys(prefix, name).of('meta'), ...META_FIELDS] as const));
  return names.map((name, index) => {
    const [paused, concurrency, max, duration, version] = replies[index] as (string | null)[];
    return {
      name,
      deadLetterQueue: null,
      paused: paused !== null && paused !== undefined,
      settings: {
        globalConcurrency: numberOrNull(concurrency),
        rateLimitMax: numberOrNull(max),
        rateLimitDurationMs: numberOrNull(duration),
        writtenBy: version ?? null,
      },
    };
  });
}

/**
 * Each queue's jobs by console state, exact and live: LLEN or ZCARD of each structure, constant
 * time whatever the structure holds, eight commands per queue in one round trip.
 */
export async function countQueues(client: Redis, prefix: string, names: readonly string[]): Promise<QueueCounts[]> {
  const commands: Command[] = [];
  for (const name of names) {
    const keys = queueKeys(prefix, name);
    for (const source of SOURCES) commands.push([source.kind === 'list' ? 'llen' : 'zcard', keys.of(source.name)]);
  }
  const replies = await pipelined(client, commands);
  return names.map((queue, index) => {
    const counts: Partial<Record<JobState, number>> = {};
    SOURCES.forEach((source, position) => {
      counts[source.state] = (counts[source.state] ?? 0) + Number(replies[index * SOURCES.length + position] ?? 0);
    });
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    return { queue, counts, total, stale: {} };
  });
}

function numberOrNull(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}
