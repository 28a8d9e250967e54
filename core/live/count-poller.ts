import type { JobEngine } from '../contracts/engine.ts';
import type { QueueInfo } from '../contracts/jobs.ts';
import type { Logger } from '../options.ts';
import { listQueuesWithCounts } from '../services/queue-info.ts';

export interface CountPollerOptions {
  readonly engine: JobEngine;
  readonly logger: Logger;
  readonly intervalMs: number;
  /** Asked before every poll: whether anyone needs counts now. */
  readonly wanted: () => boolean;
  /** Told the queues whose counts differ from the previous poll's. */
  readonly changed: (queues: readonly QueueInfo[]) => void;
}

/** Reads queue counts from the engine at an interval, for as long as they are wanted. */
export interface CountPoller {
  /** Polls now and then at the interval, unless a poll is already under way or due. */
  wake(): void;
  /** Stops the interval; a later `wake` starts it again. */
  sleep(): void;
  stop(): void;
}

function countsKey(queue: QueueInfo): string {
  return JSON.stringify([queue.total, queue.counts]);
}

export function createCountPoller(options: CountPollerOptions): CountPoller {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let stopped = false;
  // Kept while nobody listens, so that a change made meanwhile is published once polling resumes
  // (a console cut by a proxy and reconnecting), not absorbed into a fresh baseline.
  let known: Map<string, string> | undefined;

  async function poll(): Promise<void> {
    try {
      const queues = await listQueuesWithCounts(options.engine);
      const next = new Map(queues.map((queue) => [queue.name, countsKey(queue)]));
      const previous = known;
      known = next;
      if (!previous) return;
      const changed = queues.filter((queue) => previous.get(queue.name) !== next.get(queue.name));
      if (changed.length > 0) options.changed(changed);
    } catch (error) {
      options.logger.error('ops-jobs: the live change feed could not read the engine', error);
    }
  }

  async function loop(): Promise<void> {
    running = true;
    try {
      await poll();
    } finally {
      running = false;
    }
    if (stopped || timer || !options.wanted()) return;
    const mine = setTimeout(() => {
      if (timer !== mine) return;
      timer = undefined;
      if (!stopped && options.wanted()) void loop();
    }, options.intervalMs);
    timer = mine;
    // The feed must never keep the host's process alive on its own.
    (mine as { unref?: () => void }).unref?.();
  }

  return {
    wake() {
      if (stopped || running || timer || !options.wanted()) return;
      void loop();
    },
    sleep() {
      clearTimeout(timer);
      timer = undefined;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
