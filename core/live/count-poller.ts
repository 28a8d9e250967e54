import type { JobEngine } from '../contracts/engine.ts';
import type { QueueDescription, QueueInfo } from '../contracts/jobs.ts';
import type { Logger } from '../options.ts';
import { listQueuesWithCounts, withCounts } from '../services/queue-info.ts';

/**
 * How long the notices of an engine that tells of its changes are gathered before the counts of
 * the queues they named are read: after a quiet spell, a console sees a change within about this.
 */
export const NOTICE_WINDOW_MS = 250;

/**
 * The least time between the starts of two such reads, as a multiple of the window: while queues
 * change without pause, their counts are read once a second (with the default window), whatever
 * the number of events: at most twice what the default 2 s poll of every queue costs, and only for
 * the queues that change.
 */
export const NOTICE_SPACING_WINDOWS = 4;

/**
 * The slowest the full poll runs with an engine that tells of its changes. It is then only a safety
 * net, for changes whose notice was lost (the engine's connection dropped, a queue appeared between
 * two discovery passes): it bounds how long a console can show such a stale count, at a fifteenth of
 * the reads of the default 2 s poll. A slower `live.pollIntervalMs` is kept.
 */
export const SAFETY_NET_INTERVAL_MS = 30_000;

/**
 * How long the full poll keeps the normal pace after the engine said it could not report its
 * changes: its reports of continuing trouble come less often than this, so the normal pace lasts
 * as long as the trouble does.
 */
export const FALLBACK_MS = 120_000;

export interface CountPollerOptions {
  readonly engine: JobEngine;
  readonly logger: Logger;
  /** The poll's interval; with an engine that tells of its changes, at least `SAFETY_NET_INTERVAL_MS`. */
  readonly intervalMs: number;
  /** Asked before every poll and notice: whether anyone needs counts now. */
  readonly wanted: () => boolean;
  /** Told the queues whose counts differ from those last read. */
  readonly changed: (queues: readonly QueueInfo[]) => void;
  /**
   * How long notices are gathered before one read; `NOTICE_WINDOW_MS` by default. Reads start at
   * least `NOTICE_SPACING_WINDOWS` windows apart.
   */
  readonly noticeWindowMs?: number;
}

/**
 * Reads queue counts from the engine for as long as they are wanted: every queue at an interval and,
 * with an engine that tells of its changes, the queues it names as it names them, a window at a time.
 */
export interface CountPoller {
  /** Polls now and then at the interval, unless a poll is already under way or due; watches the engine's changes. */
  wake(): void;
  /** Stops the interval and the watching; a later `wake` starts them again. */
  sleep(): void;
  stop(): void;
}

function countsKey(queue: QueueInfo): string {
  return JSON.stringify([queue.total, queue.counts]);
}

export function createCountPoller(options: CountPollerOptions): CountPoller {
  const { engine, logger } = options;
  const safetyNetMs = Math.max(options.intervalMs, SAFETY_NET_INTERVAL_MS);
  // Until then the engine's notices cannot be relied on, and counts are polled at the normal pace.
  let fallbackUntil = 0;
  // Set when the engine could not start watching: not asked again until counts stop being wanted.
  let watchRefused = false;
  const intervalMs = () => (engine.watchChanges && unwatch && Date.now() >= fallbackUntil ? safetyNetMs : options.intervalMs);
  const windowMs = options.noticeWindowMs ?? NOTICE_WINDOW_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let stopped = false;
  // Kept while nobody listens, so that a change made meanwhile is published once polling resumes
  // (a console cut by a proxy and reconnecting), not absorbed into a fresh baseline.
  let known: Map<string, string> | undefined;
  // Reads one after another, so that an older read never lands after a newer one.
  let reads: Promise<void> = Promise.resolve();
  let unwatch: (() => void) | undefined;
  const pending = new Set<string>();
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshing = false;
  let lastReadAt = -Infinity;

  const watching = () => unwatch !== undefined;

  function inTurn(read: () => Promise<void>): Promise<void> {
    const turn = reads.then(read);
    reads = turn.catch(() => {});
    return turn;
  }

  async function poll(): Promise<void> {
    try {
      const queues = await listQueuesWithCounts(engine);
      const next = new Map(queues.map((queue) => [queue.name, countsKey(queue)]));
      const previous = known;
      known = next;
      if (!previous) return;
      const changed = queues.filter((queue) => previous.get(queue.name) !== next.get(queue.name));
      if (changed.length > 0) options.changed(changed);
    } catch (error) {
      logger.error('ops-jobs: the live change feed could not read the engine', error);
    }
  }

  /** Reads the counts of just these queues and publishes those that changed. */
  async function refresh(names: readonly string[]): Promise<void> {
    try {
      const found = await Promise.all(names.map((name) => engine.findQueue(name)));
      const queues = await withCounts(engine, found.filter((queue): queue is QueueDescription => queue !== null));
      // Before the first poll has read every queue, a notice is news in itself.
      const changed = known ? queues.filter((queue) => known!.get(queue.name) !== countsKey(queue)) : queues;
      for (const queue of queues) known?.set(queue.name, countsKey(queue));
      if (changed.length > 0) options.changed(changed);
    } catch (error) {
      logger.error('ops-jobs: the live change feed could not read the queues the engine said changed', error);
    }
  }

  function startWindow(): void {
    const spaced = lastReadAt + NOTICE_SPACING_WINDOWS * windowMs - Date.now();
    const mine = setTimeout(() => {
      if (noticeTimer !== mine) return;
      noticeTimer = undefined;
      void flush();
    }, Math.max(windowMs, spaced));
    noticeTimer = mine;
    (mine as { unref?: () => void }).unref?.();
  }

  async function flush(): Promise<void> {
    if (!unwatch || pending.size === 0) return;
    const names = [...pending];
    pending.clear();
    refreshing = true;
    lastReadAt = Date.now();
    try {
      await inTurn(() => refresh(names));
    } finally {
      refreshing = false;
      // Notices that came during the read wait for a window of their own.
      if (watching() && pending.size > 0 && !noticeTimer) startWindow();
    }
  }

  function noticed(queues: readonly string[]): void {
    if (!unwatch) return;
    if (stopped || !options.wanted()) {
      stopWatching();
      return;
    }
    for (const queue of queues) if (typeof queue === 'string') pending.add(queue);
    if (pending.size > 0 && !noticeTimer && !refreshing) startWindow();
  }

  function stopWatching(): void {
    clearTimeout(noticeTimer);
    noticeTimer = undefined;
    pending.clear();
    const end = unwatch;
    unwatch = undefined;
    try {
      end?.();
    } catch (error) {
      logger.error('ops-jobs: the engine could not stop watching its changes', error);
    }
  }

  /** Watches the engine's changes while counts are wanted, and only then. */
  function follow(): void {
    const wanted = !stopped && options.wanted();
    if (!wanted) {
      if (unwatch) stopWatching();
      return;
    }
    const watch = engine.watchChanges?.bind(engine);
    if (unwatch || !watch || watchRefused) return;
    // Set before the engine is asked, so that a notice it sends at once is not dropped.
    let ended = false;
    unwatch = () => { ended = true; };
    try {
      const end = watch({
        changed: (queues) => noticed(queues),
        failed: (error) => {
          logger.error('ops-jobs: the engine could not report its changes for a while; its counts are polled meanwhile', error);
          fallbackUntil = Date.now() + FALLBACK_MS;
          hurry();
        },
      });
      if (ended) end();
      else unwatch = end;
    } catch (error) {
      unwatch = undefined;
      watchRefused = true;
      logger.error('ops-jobs: the engine could not start watching its changes; its counts are polled', error);
    }
  }

  /** Brings a poll due at the safety net's pace forward to the normal pace. */
  function hurry(): void {
    if (!timer || stopped) return;
    clearTimeout(timer);
    timer = undefined;
    if (!running && options.wanted()) void loop();
  }

  async function loop(): Promise<void> {
    running = true;
    try {
      await inTurn(poll);
    } finally {
      running = false;
    }
    follow();
    if (stopped || timer || !options.wanted()) return;
    const mine = setTimeout(() => {
      if (timer !== mine) return;
      timer = undefined;
      if (!stopped && options.wanted()) void loop();
      else follow();
    }, intervalMs());
    timer = mine;
    // The feed must never keep the host's process alive on its own.
    (mine as { unref?: () => void }).unref?.();
  }

  return {
    wake() {
      follow();
      if (stopped || running || timer || !options.wanted()) return;
      void loop();
    },
    sleep() {
      clearTimeout(timer);
      timer = undefined;
      stopWatching();
      watchRefused = false;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      stopWatching();
    },
  };
}
