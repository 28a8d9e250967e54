import type { JobEngine } from '../contracts/engine.ts';
import type { QueueInfo } from '../contracts/jobs.ts';
import type { Logger } from '../options.ts';
import { listQueuesWithCounts } from '../services/queue-info.ts';
import type { FeedEvent, SequencedEvent } from './live-event.ts';

export interface ChangeFeedOptions {
  readonly engine: JobEngine;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** How often the one shared poller reads the engine while anyone listens. */
  readonly pollIntervalMs: number;
  /** How many recent events are kept for `Last-Event-ID` resumption. */
  readonly bufferSize: number;
}

export type FeedListener = (event: SequencedEvent) => void;

/** What `since` answers: the events after an id, or `gap` when they are no longer all known. */
export type Resumption = { readonly events: readonly SequencedEvent[] } | { readonly gap: true };

/**
 * One change feed per console instance, shared by every open stream: a single poller reads queue
 * counts from the engine while at least one stream listens, so the database work does not grow
 * with the number of open consoles. Executed actions are published into it directly.
 */
export interface ChangeFeed {
  readonly epoch: string;
  /** Listens until the returned function is called; `onClose` runs if the feed closes first. */
  subscribe(listener: FeedListener, onClose?: () => void): () => void;
  publish(event: FeedEvent): void;
  /** The buffered events after `lastEventId`, for a stream that reconnects. */
  since(lastEventId: string): Resumption;
  /** How many streams listen now. */
  readonly listeners: number;
  /** Stops the poller and ends every listener's stream. */
  close(): void;
}

function countsKey(queue: QueueInfo): string {
  return JSON.stringify([queue.total, queue.counts]);
}

export function createChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  const epoch = crypto.randomUUID().slice(0, 8);
  const listeners = new Set<FeedListener>();
  const closers = new Map<FeedListener, () => void>();
  const buffer: SequencedEvent[] = [];
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let known: Map<string, string> | undefined;
  let closed = false;

  function publish(event: FeedEvent): void {
    sequence += 1;
    const sequenced: SequencedEvent = { id: `${epoch}-${sequence}`, sequence, at: options.clock().toISOString(), event };
    buffer.push(sequenced);
    if (buffer.length > options.bufferSize) buffer.shift();
    for (const listener of listeners) listener(sequenced);
  }

  async function poll(): Promise<void> {
    try {
      const queues = await listQueuesWithCounts(options.engine);
      const next = new Map(queues.map((queue) => [queue.name, countsKey(queue)]));
      if (known) {
        const changed = queues.filter((queue) => known?.get(queue.name) !== next.get(queue.name));
        if (changed.length > 0) publish({ kind: 'queues', queues: changed });
      }
      known = next;
    } catch (error) {
      options.logger.error('ops-jobs: the live change feed could not read the engine', error);
    }
  }

  function schedule(): void {
    if (closed || listeners.size === 0 || timer) return;
    const mine = setTimeout(async () => {
      await poll();
      // The feed went idle (or restarted) during this poll: leave any newer timer alone.
      if (timer !== mine) return;
      timer = undefined;
      schedule();
    }, options.pollIntervalMs);
    timer = mine;
    // The feed must never keep the host's process alive on its own.
    (mine as { unref?: () => void }).unref?.();
  }

  return {
    epoch,
    get listeners() {
      return listeners.size;
    },
    subscribe(listener, onClose) {
      if (closed) {
        onClose?.();
        return () => {};
      }
      listeners.add(listener);
      if (onClose) closers.set(listener, onClose);
      if (listeners.size === 1) {
        // Compared with the counts seen before the feed went idle, so that a change made while no
        // stream listened (a console cut by a proxy, reconnecting) is published, not absorbed.
        void poll().then(schedule);
      }
      return () => {
        listeners.delete(listener);
        closers.delete(listener);
        if (listeners.size === 0) {
          clearTimeout(timer);
          timer = undefined;
        }
      };
    },
    publish,
    since(lastEventId) {
      const match = /^([0-9a-f]{8})-(\d{1,15})$/.exec(lastEventId);
      if (!match || match[1] !== epoch) return { gap: true };
      const after = Number(match[2]);
      if (after > sequence) return { gap: true };
      const oldest = buffer[0]?.sequence ?? sequence + 1;
      if (after < oldest - 1) return { gap: true };
      return { events: buffer.filter((entry) => entry.sequence > after) };
    },
    close() {
      closed = true;
      clearTimeout(timer);
      const ending = [...closers.values()];
      listeners.clear();
      closers.clear();
      for (const onClose of ending) onClose();
    },
  };
}
