import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChangeWatcher } from '../../core/contracts/engine.ts';
import type { QueueDirectory } from './discovery.ts';
import { pipelinedLeniently, queueKeys } from './redis.ts';

/**
 * The events of a queue's BullMQ event stream after which its counts may differ. Left out: `progress`,
 * `duplicated`, `deduplicated` and `drained`, which move no job between states, and `paused` and
 * `resumed`, which change no count.
 */
export const COUNT_EVENTS = Object.freeze(['added', 'waiting', 'active', 'completed', 'failed', 'delayed', 'removed', 'stalled', 'cleaned', 'waiting-children'] as const);

/** How many queues are followed through event streams by default, each on a Redis connection of its own. */
export const DEFAULT_EVENT_CONNECTIONS = 100;

/** The least time between two reports of trouble, so that a Redis that is down fills no log. */
const FAILURE_REPORT_INTERVAL_MS = 60_000;


export interface ChangeEventsOptions {
  /** The host's client: only duplicated, never used to block. */
  readonly client: Redis;
  readonly prefix: string;
  readonly directory: QueueDirectory;
  /** How often the queues are listed again, to follow new ones and drop deleted ones. */
  readonly followIntervalMs: number;
  /** At most this many queues get an event stream reader; the rest are named as changed at every follow. */
  readonly maxConnections: number;
}

interface Reader {
  readonly events: QueueEvents;
  readonly connection: Redis;
}

/**
 * `JobEngine.watchChanges` over BullMQ's own `QueueEvents`: one reader per queue (XREAD BLOCK on the
 * queue's event stream, each on a connection of its own duplicated from the host's client, which is
 * never blocked), made when the first watcher comes and closed when the last one goes, following the
 * queues as they are listed again. Every watcher of the engine shares the same readers.
 */
export function watchBullMQChanges(options: ChangeEventsOptions): (watcher: ChangeWatcher) => () => void {
  const watchers = new Set<ChangeWatcher>();
  const readers = new Map<string, Reader>();
  let follower: ReturnType<typeof setInterval> | undefined;
  // Bumped when watching stops, so that a listing under way then opens nothing.
  let generation = 0;
  let lastReport = -Infinity;

  const tell = (queues: readonly string[]) => {
    for (const watcher of watchers) {
      try {
        watcher.changed(queues);
      } catch (error) {
        report(error);
      }
    }
  };

  function report(error: unknown): void {
    const now = Date.now();
    if (now - lastReport < FAILURE_REPORT_INTERVAL_MS) return;
    lastReport = now;
    for (const watcher of watchers) {
      try {
        watcher.failed(error);
      } catch {
        // A watcher that cannot log has nowhere else to say it.
      }
    }
  }

  /**
   * Where each queue's stream ends now (its last entry's id; `0` for a stream not written yet), one
   * XREVRANGE COUNT 1 each in one round trip: a reader started from there misses no event written
   * while its connection is being made, and replays none from before.
   */
  async function streamEnds(names: readonly string[]): Promise<string[]> {
    const replies = await pipelinedLeniently(options.client, names.map((name) => ['xrevrange', queueKeys(options.prefix, name).of('events'), '+', '-', 'COUNT', 1] as const));
    return replies.map((reply) => {
      const last = (reply as [string, unknown][] | undefined)?.[0]?.[0];
      return typeof last === 'string' ? last : reply === undefined ? '$' : '0';
    });
  }

  function open(name: string, lastEventId: string): void {
    const connection = options.client.duplicate({
      // BullMQ connects its own copy of this one; this one never connects.
      lazyConnect: true,
      // Required by BullMQ for a blocking reader; and whatever the host's client does, keep trying
      // to reconnect, at most every 20 s, so that the feed comes back after Redis does.
      maxRetriesPerRequest: null,
      retryStrategy: (times: number) => Math.min(1000 * times, 20_000),
    });
    const events = new QueueEvents(name, {
      connection,
      prefix: options.prefix,
      skipVersionCheck: true,
      lastEventId,
    });
    events.on('error', report);
    const changed = () => tell([name]);
    for (const event of COUNT_EVENTS) events.on(event, changed);
    readers.set(name, { events, connection });
  }

  function close(name: string): void {
    const reader = readers.get(name);
    if (!reader) return;
    readers.delete(name);
    reader.events.removeAllListeners();
    // Closing errors too once the listeners are gone; a reader being closed has nothing left to say.
    reader.events.on('error', () => {});
    reader.events.close().catch(() => {}).finally(() => reader.connection.disconnect());
  }

  /** Lists the queues and reads the streams of those to follow; `announce`: name the queues newly followed as changed. */
  async function follow(announce: boolean): Promise<void> {
    const mine = generation;
    let names: readonly string[];
    try {
      names = await options.directory.names();
    } catch (error) {
      report(error);
      return;
    }
    if (mine !== generation || watchers.size === 0) return;
    const followed = names.slice(0, options.maxConnections);
    const wanted = new Set(followed);
    for (const name of [...readers.keys()]) if (!wanted.has(name)) close(name);
    const fresh = followed.filter((name) => !readers.has(name));
    let ends: string[];
    try {
      ends = await streamEnds(fresh);
    } catch (error) {
      report(error);
      return;
    }
    if (mine !== generation || watchers.size === 0) return;
    const opened: string[] = [];
    fresh.forEach((name, index) => {
      if (readers.has(name)) return;
      try {
        open(name, ends[index]!);
        opened.push(name);
      } catch (error) {
        report(error);
      }
    });
    // A queue followed from now on may have changed before; past the limit, queues are named at
    // every listing, so that their counts are read at this pace rather than the safety net's.
    const named = [...(announce ? opened : []), ...names.slice(options.maxConnections)];
    if (named.length > 0) tell(named);
  }

  function start(): void {
    generation += 1;
    // The console reads every queue when it starts watching: nothing to announce the first time.
    void follow(false);
    follower = setInterval(() => void follow(true), options.followIntervalMs);
    (follower as { unref?: () => void }).unref?.();
  }

  function stop(): void {
    generation += 1;
    clearInterval(follower);
    follower = undefined;
    for (const name of [...readers.keys()]) close(name);
  }

  return (watcher) => {
    const entry: ChangeWatcher = { changed: (queues) => watcher.changed(queues), failed: (error) => watcher.failed(error) };
    watchers.add(entry);
    if (watchers.size === 1) start();
    return () => {
      if (!watchers.delete(entry)) return;
      if (watchers.size === 0) stop();
    };
  };
}
