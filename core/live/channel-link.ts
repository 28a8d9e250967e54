import type { AuditRecord, AuditResource } from '../contracts/audit.ts';
import { isOperatorAction, type OperatorAction } from '../vocabulary/actions.ts';
import type { JobEngine } from '../contracts/engine.ts';
import type { QueueInfo } from '../contracts/jobs.ts';
import type { ChangeNotice, LiveChannel, LiveRole } from '../contracts/live-channel.ts';
import type { StoreTransaction } from '../contracts/store.ts';
import type { Logger } from '../options.ts';
import { withCounts } from '../services/queue-info.ts';
import { emitTelemetry } from '../telemetry/emit.ts';
import type { FeedEvent } from './live-event.ts';

/** How often a follower with open consoles tells the poller that it still needs counts. */
const WATCHING_INTERVAL_MS = 5_000;
/**
 * How long the poller keeps polling for other processes after their last such notice: a few
 * intervals, so that one lost notice does not pause their consoles' counts.
 */
const WATCHING_WINDOW_MS = 3 * WATCHING_INTERVAL_MS;

export interface ChannelLinkOptions {
  readonly channel: LiveChannel;
  readonly engine: JobEngine;
  readonly logger: Logger;
  readonly readAudit: (id: string) => Promise<AuditRecord | null>;
  /** Whether this process has consoles open. */
  readonly hasListeners: () => boolean;
  /** Where events from other processes go, to this process's consoles. */
  readonly publish: (event: FeedEvent) => void;
  /** Told when counts may be wanted again: the role changed, or another process watches. */
  readonly wake: () => void;
}

/**
 * A process's change feed joined to the other processes' through the store's live channel:
 * notices in, turned into this feed's events; this process's changes and interest out.
 */
export interface ChannelLink {
  readonly role: LiveRole;
  /** Whether consoles on other processes have asked, recently, for counts. */
  readonly othersWatching: boolean;
  /**
   * Joins the channel the first time a console opens here, and from then on tells the poller at
   * intervals while consoles are open. Resolves once joined (or once the first attempt failed).
   */
  watch(): Promise<void>;
  /** The last console here closed. */
  unwatch(): void;
  /** Tells the other processes which queues' counts changed. */
  shareCounts(queues: readonly QueueInfo[]): void;
  /** Tells the other processes about a committed action; within `tx`, when it commits. */
  shareAction(auditId: string, tx?: StoreTransaction): Promise<void>;
  leave(): Promise<void>;
}

/** The action event other processes' consoles get, rebuilt from the audit record of an operator action. */
function actionEvent(record: AuditRecord & { readonly action: OperatorAction; readonly resource: AuditResource }): FeedEvent {
  return {
    kind: 'action',
    action: record.action,
    queue: record.resource.queue,
    affected: record.affected ?? 0,
    auditId: record.id,
    principalLabel: record.principal.label,
    jobIds: record.resource.ids,
  };
}

export function linkToChannel(options: ChannelLinkOptions): ChannelLink {
  const { channel, logger } = options;
  let joined: Promise<void> | undefined;
  let othersWatchingUntil = 0;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let left = false;

  const sendQuietly = (notice: ChangeNotice) => {
    channel.publish(notice).catch((error: unknown) => logger.error('ops-jobs: the live channel could not send a notice', error));
  };
  const tellWatching = () => {
    if (channel.role === 'follower' && options.hasListeners()) sendQuietly({ kind: 'watching' });
  };

  async function receive(notice: ChangeNotice): Promise<void> {
    if (notice.kind === 'watching') {
      othersWatchingUntil = Date.now() + WATCHING_WINDOW_MS;
      options.wake();
      return;
    }
    // Nothing to tell, and nothing worth a read, while no console is open here; one that opens
    // later reloads its view.
    if (!options.hasListeners()) return;
    if (notice.kind === 'action') {
      const record = await options.readAudit(notice.auditId);
      if (record?.outcome === 'succeeded' && isOperatorAction(record.action) && record.resource) {
        options.publish(actionEvent({ ...record, action: record.action, resource: record.resource }));
      }
      return;
    }
    const queues = [...notice.queues];
    if (notice.reread.length > 0) {
      const wanted = new Set(notice.reread);
      const described = (await options.engine.listQueues()).filter((queue) => wanted.has(queue.name));
      queues.push(...(await withCounts(options.engine, described)));
    }
    if (queues.length > 0) options.publish({ kind: 'queues', queues });
  }

  function join(): Promise<void> {
    return channel.join({
      notice(notice) {
        receive(notice).catch((error: unknown) => logger.error('ops-jobs: a notice from another process could not be turned into a live event', error));
      },
      role(role) {
        emitTelemetry('live', 'role', { role });
        // Joined or back as a follower: the poller hears of this process's consoles now rather
        // than at the next interval.
        if (role === 'follower') tellWatching();
        options.wake();
      },
      error(error) {
        logger.error('ops-jobs: the live channel lost its connection to the database; retrying', error);
      },
    });
  }

  return {
    get role() {
      return channel.role;
    },
    get othersWatching() {
      return Date.now() < othersWatchingUntil;
    },
    async watch() {
      if (left) return;
      if (!heartbeat) {
        heartbeat = setInterval(tellWatching, WATCHING_INTERVAL_MS);
        (heartbeat as { unref?: () => void }).unref?.();
      }
      // Joining tells the poller through the role it reports; joined before, tell it here.
      const rejoining = joined !== undefined;
      joined ??= join();
      await joined;
      if (rejoining) tellWatching();
    },
    unwatch() {
      clearInterval(heartbeat);
      heartbeat = undefined;
    },
    shareCounts(queues) {
      if (channel.role === 'poller') sendQuietly({ kind: 'queues', queues, reread: [] });
    },
    async shareAction(auditId, tx) {
      await channel.publish({ kind: 'action', auditId }, tx);
    },
    async leave() {
      left = true;
      clearInterval(heartbeat);
      heartbeat = undefined;
      await channel.leave();
    },
  };
}
