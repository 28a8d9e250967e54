import type { JobEngine } from '../contracts/engine.ts';
import type { LiveRole } from '../contracts/live-channel.ts';
import type { OpsStore, StoreTransaction } from '../contracts/store.ts';
import type { Logger } from '../options.ts';
import { linkToChannel, type ChannelLink } from './channel-link.ts';
import { createCountPoller } from './count-poller.ts';
import type { FeedEvent, SequencedEvent } from './live-event.ts';

export interface ChangeFeedOptions {
  readonly engine: JobEngine;
  readonly logger: Logger;
  readonly clock: () => Date;
  /**
   * How often the one shared poller reads the engine while anyone listens. With an engine that tells
   * of its changes (`JobEngine.watchChanges`), at least `SAFETY_NET_INTERVAL_MS`: the counts of the
   * queues it names are read as it names them.
   */
  readonly pollIntervalMs: number;
  /** How long an engine's change notices are gathered before one read; `NOTICE_WINDOW_MS` by default. */
  readonly noticeWindowMs?: number;
  /** How many recent events are kept for `Last-Event-ID` resumption. */
  readonly bufferSize: number;
  /**
   * The console's store. When it offers a live channel, the feeds of every host process on its
   * database work as one: one of them polls, and actions reach every process's consoles.
   */
  readonly store?: Pick<OpsStore, 'getAudit' | 'createLiveChannel'>;
}

export type FeedListener = (event: SequencedEvent) => void;

/** What `since` answers: the events after an id, or `gap` when they are no longer all known. */
export type Resumption = { readonly events: readonly SequencedEvent[] } | { readonly gap: true };

/**
 * One change feed per console instance, shared by every open stream, so the database work does
 * not grow with the number of open consoles. Queue counts come from one poller that reads the
 * engine while anyone listens; executed actions are published into it directly. An engine that
 * tells of its own changes is watched once, by that poller, while anyone listens: the queues it
 * names are read a short window at a time, and the full poll becomes a slow safety net.
 *
 * With a store that offers a live channel, the poller is one per database rather than one per
 * process: the process holding the channel's poller role polls while consoles are open on it or
 * on any other process (followers say so at intervals), and shares the queues that changed; every
 * process turns the notices it hears into events of its own feed, and actions executed anywhere
 * reach every process's consoles. Event ids and resumption stay per process.
 */
export interface ChangeFeed {
  readonly epoch: string;
  /** Listens until the returned function is called; `onClose` runs if the feed closes first. */
  subscribe(listener: FeedListener, onClose?: () => void): () => void;
  /** Publishes an event to this process's streams. */
  publish(event: FeedEvent): void;
  /**
   * Tells the other processes' feeds that an action committed. Within `tx`, the notice is sent when
   * that transaction commits and never if it rolls back. Does nothing without a live channel.
   */
  shareAction(auditId: string, tx?: StoreTransaction): Promise<void>;
  /** The buffered events after `lastEventId`, for a stream that reconnects. */
  since(lastEventId: string): Resumption;
  /** How many streams listen now. */
  readonly listeners: number;
  /** This process's place among those sharing the store's database; `offline` without a channel. */
  readonly role: LiveRole;
  /** Stops the poller, ends every listener's stream and leaves the live channel. */
  close(): Promise<void>;
}

export function createChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  const epoch = crypto.randomUUID().slice(0, 8);
  const listeners = new Set<FeedListener>();
  const closers = new Map<FeedListener, () => void>();
  const buffer: SequencedEvent[] = [];
  let sequence = 0;
  let closed = false;

  function publish(event: FeedEvent): void {
    sequence += 1;
    const sequenced: SequencedEvent = { id: `${epoch}-${sequence}`, sequence, at: options.clock().toISOString(), event };
    buffer.push(sequenced);
    if (buffer.length > options.bufferSize) buffer.shift();
    for (const listener of listeners) listener(sequenced);
  }

  const countsWanted = (): boolean => {
    const role = link?.role ?? 'offline';
    if (closed || role === 'follower') return false;
    return listeners.size > 0 || (role === 'poller' && link?.othersWatching === true);
  };

  const poller = createCountPoller({
    engine: options.engine,
    logger: options.logger,
    intervalMs: options.pollIntervalMs,
    ...(options.noticeWindowMs === undefined ? {} : { noticeWindowMs: options.noticeWindowMs }),
    wanted: countsWanted,
    changed(queues) {
      publish({ kind: 'queues', queues });
      link?.shareCounts(queues);
    },
  });

  const { store } = options;
  const channel = store?.createLiveChannel?.();
  const link: ChannelLink | undefined = store && channel
    ? linkToChannel({
      channel,
      engine: options.engine,
      logger: options.logger,
      readAudit: (id) => store.getAudit(id),
      hasListeners: () => listeners.size > 0,
      publish,
      wake: () => poller.wake(),
    })
    : undefined;

  const wake = () => poller.wake();

  return {
    epoch,
    get listeners() {
      return listeners.size;
    },
    get role() {
      return link?.role ?? 'offline';
    },
    subscribe(listener, onClose) {
      if (closed) {
        onClose?.();
        return () => {};
      }
      listeners.add(listener);
      if (onClose) closers.set(listener, onClose);
      if (listeners.size === 1) {
        // The first poll after a quiet spell compares with the counts seen before it, so that a
        // change made while nobody listened is published, not absorbed.
        if (link) {
          void link.watch().then(wake, (error: unknown) => {
            options.logger.error('ops-jobs: the live channel could not be joined', error);
            wake();
          });
        }
        else wake();
      }
      return () => {
        if (!listeners.delete(listener)) return;
        closers.delete(listener);
        if (listeners.size > 0) return;
        link?.unwatch();
        if (!countsWanted()) poller.sleep();
      };
    },
    publish,
    shareAction: async (auditId, tx) => await link?.shareAction(auditId, tx),
    since(lastEventId) {
      const match = /^([0-9a-f]{8})-(\d{1,15})$/.exec(lastEventId);
      if (!match || match[1] !== epoch) return { gap: true };
      const after = Number(match[2]);
      if (after > sequence) return { gap: true };
      const oldest = buffer[0]?.sequence ?? sequence + 1;
      if (after < oldest - 1) return { gap: true };
      return { events: buffer.filter((entry) => entry.sequence > after) };
    },
    async close() {
      closed = true;
      poller.stop();
      const ending = [...closers.values()];
      listeners.clear();
      closers.clear();
      for (const onClose of ending) onClose();
      await link?.leave();
    },
  };
}
