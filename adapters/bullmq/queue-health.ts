import type { Redis } from 'ioredis';
import type { JobEngine } from '../../core/contracts/engine.ts';
import { OVERDUE_NAMED, type QueueHealth } from '../../core/contracts/queue-health.ts';
import type { QueueDirectory } from './discovery.ts';
import { pipelined, pipelinedLeniently, queueKeys, type Command } from './redis.ts';

/** Running jobs read per queue when looking for ones whose worker let go of them. */
export const ACTIVE_WALK = 1000;

/**
 * `inspectQueues` over BullMQ's keys, in two round trips whatever the queues hold:
 * - the oldest ready job is the tail of the `wait` list (BullMQ adds at the head and takes from
 *   the tail), ready since it was added plus any delay it waited out; jobs waiting by priority are
 *   not looked at;
 * - a running job is overdue when its lock is gone: the worker holding it stopped renewing it (it
 *   died, or its event loop is stuck) and no worker's stalled-job check has taken it back yet.
 */
export function createQueueHealth(context: { readonly client: Redis; readonly prefix: string; readonly directory: QueueDirectory }): Pick<JobEngine, 'inspectQueues'> {
  const { client, prefix, directory } = context;
  return {
    async inspectQueues(names) {
      const known: string[] = [];
      for (const name of new Set(names)) if (await directory.has(name)) known.push(name);
      const keys = known.map((name) => queueKeys(prefix, name));
      const firstRound = await pipelined(client, keys.flatMap((key): Command[] => [
        ['lindex', key.of('wait'), -1],
        ['lrange', key.of('active'), 0, ACTIVE_WALK - 1],
      ]));
      const oldest = known.map((_, index) => firstRound[2 * index] as string | null);
      const active = known.map((_, index) => firstRound[2 * index + 1] as string[]);
      // Ids come from BullMQ's own lists; a stray one that names another key answers nothing.
      const secondRound = await pipelinedLeniently(client, keys.flatMap((key, index): Command[] => [
        ...(oldest[index] === null ? [] : [['hmget', key.of(oldest[index]!), 'timestamp', 'delay'] as Command]),
        ...active[index]!.map((id): Command => ['exists', key.of(`${id}:lock`)]),
      ]));
      let at = 0;
      return known.map((queue, index): QueueHealth => {
        let oldestReadySince: string | null = null;
        if (oldest[index] !== null) {
          const [timestamp, delay] = (secondRound[at++] as (string | null)[] | undefined) ?? [];
          const since = Number(timestamp) + (Number(delay) || 0);
          if (timestamp && Number.isFinite(since)) oldestReadySince = new Date(since).toISOString();
        }
        const locks = secondRound.slice(at, at + active[index]!.length);
        at += active[index]!.length;
        const unlocked = active[index]!.filter((_, position) => locks[position] === 0);
        return {
          queue,
          oldestReadySince,
          overdue: { count: unlocked.length, more: active[index]!.length >= ACTIVE_WALK, jobs: unlocked.slice(0, OVERDUE_NAMED) },
        };
      });
    },
  };
}
