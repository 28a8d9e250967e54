import type { Actor } from '../contracts/auth.ts';
import type { Logger } from '../options.ts';
import type { ServiceContext } from '../services/context.ts';
import { visibleQueues } from '../services/visible-queues.ts';
import type { LiveActionEvent, LiveHeartbeatEvent, LiveQueuesEvent, LiveReadyEvent } from '../vocabulary/wire.ts';
import type { ChangeFeed } from './change-feed.ts';
import type { SequencedEvent } from './live-event.ts';

export type StreamEnd = 'client' | 'server' | 'dropped' | 'signed_out';

/** The events a live stream sends, by name. */
export type LiveEventName = 'ready' | 'queues' | 'action' | 'heartbeat' | 'signed-out' | 'reset';

/** One message of a live stream, before a transport frames it. */
export interface LiveMessage {
  readonly event: LiveEventName;
  readonly data: unknown;
  /** Its place in the change feed, for resuming after it; only on feed events. */
  readonly id?: string;
}

/** Where a live stream's messages go: the transport (core/http's event stream) frames and delivers them. */
export interface LiveOutlet {
  /** Queues a message; false, without queueing it, when the client has too much unread to take more. */
  send(message: LiveMessage): boolean;
  /** Ends the transport's side; the stream sends nothing after. */
  close(): void;
}

/** A running live stream, as its transport drives it. */
export interface LiveStream {
  /** The client went away: stop and report it. */
  cancel(): void;
}

/** Starts one operator's live stream on a transport's outlet. */
export type StartLiveStream = (outlet: LiveOutlet) => LiveStream;

export interface LiveStreamOptions {
  readonly feed: ChangeFeed;
  readonly services: ServiceContext;
  readonly logger: Logger;
  readonly heartbeatSeconds: number;
  readonly pollIntervalMs: number;
  /** Told once when the stream ends: the client left, the server closed it, it was too slow, or its operator signed out. */
  readonly onEnd?: (why: StreamEnd) => void;
  /** Whether the stream's operator is still signed in, asked of the host again. */
  readonly stillSignedIn: () => Promise<boolean>;
  /** Seconds between those questions; asked also before each event that names an operator or jobs. */
  readonly reauthenticateSeconds: number;
  /** Seconds after which the stream ends, so that the console reconnects and signs in afresh. */
  readonly maxStreamSeconds: number;
  /** Registers the stream's way to end, for `OpsJobs.disconnect`; returns how to unregister it. */
  readonly register?: (end: () => void) => () => void;
}

/** Turns a feed event into what this operator may see of it, or null when nothing. */
async function forReceiver(services: ServiceContext, actor: Actor, entry: SequencedEvent): Promise<LiveMessage | null> {
  const { event } = entry;
  if (event.kind === 'queues') {
    const queues = (await visibleQueues(services, actor, event.queues)).map((queue) => services.presenter.queue(queue));
    if (queues.length === 0) return null;
    const data: LiveQueuesEvent = { at: entry.at, queues };
    return { event: 'queues', data, id: entry.id };
  }
  const verdict = await services.access.check(actor, 'jobs.view', { type: 'queue', queue: event.queue });
  if (!verdict.allowed) return null;
  const data: LiveActionEvent = {
    at: entry.at,
    action: event.action,
    queue: event.queue,
    affected: event.affected,
    auditId: event.auditId,
    actor: services.presenter.actorLabel(event.principalLabel, actor),
    jobIds: [...event.jobIds],
  };
  return { event: 'action', data, id: entry.id };
}

/**
 * One operator's live stream. Every event is authorized and passed through the display policy for
 * this operator when it is sent. Heartbeats keep proxies from closing an idle stream and let the
 * console notice when nothing arrives. A client that cannot keep up is dropped rather than
 * buffered without bound; it reconnects and resumes with `Last-Event-ID`.
 */
export function startLiveStream(actor: Actor, lastEventId: string | null, outlet: LiveOutlet, options: LiveStreamOptions): LiveStream {
  const { feed, services } = options;
  let unsubscribe: (() => void) | undefined;
  let unregister: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let recheck: ReturnType<typeof setInterval> | undefined;
  let lifetime: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  // Events are turned into messages one at a time, in feed order.
  let chain: Promise<void> = Promise.resolve();

  const end = (why: StreamEnd) => {
    if (ended) return;
    ended = true;
    unsubscribe?.();
    unregister?.();
    clearInterval(heartbeat);
    clearInterval(recheck);
    clearTimeout(lifetime);
    options.onEnd?.(why);
    outlet.close();
  };
  const send = (message: LiveMessage) => {
    if (ended) return;
    if (!outlet.send(message)) end('dropped');
  };
  // The operator is asked for again before anything that names an operator or jobs goes out.
  const signedIn = async (): Promise<boolean> => {
    if (await options.stillSignedIn().catch(() => false)) return true;
    send({ event: 'signed-out', data: { reason: 'Your session ended; sign in again to see live changes.' } });
    end('signed_out');
    return false;
  };
  const deliver = (entry: SequencedEvent) => {
    chain = chain.then(async () => {
      if (ended) return;
      if (entry.event.kind === 'action' && !(await signedIn())) return;
      if (ended) return;
      const message = await forReceiver(services, actor, entry);
      if (message) send(message);
    }).catch((error: unknown) => options.logger.error('ops-jobs: a live event could not be prepared', error));
  };

  const ready: LiveReadyEvent = { heartbeatSeconds: options.heartbeatSeconds, pollIntervalMs: options.pollIntervalMs };
  send({ event: 'ready', data: ready });
  if (lastEventId !== null) {
    const resumed = feed.since(lastEventId);
    if ('gap' in resumed) send({ event: 'reset', data: { reason: 'Some changes were missed; reload the current view.' } });
    else for (const entry of resumed.events) deliver(entry);
  }
  const stream: LiveStream = { cancel: () => end('client') };
  if (ended) return stream;
  unsubscribe = feed.subscribe(deliver, () => end('server'));
  heartbeat = setInterval(() => {
    const data: LiveHeartbeatEvent = { at: services.clock().toISOString() };
    send({ event: 'heartbeat', data });
  }, options.heartbeatSeconds * 1000);
  recheck = setInterval(() => {
    chain = chain.then(async () => {
      if (!ended) await signedIn();
    });
  }, options.reauthenticateSeconds * 1000);
  lifetime = setTimeout(() => end('server'), options.maxStreamSeconds * 1000);
  unregister = options.register?.(() => {
    send({ event: 'signed-out', data: { reason: 'Your session was ended; sign in again to see live changes.' } });
    end('signed_out');
  });
  for (const timer of [heartbeat, recheck, lifetime]) (timer as { unref?: () => void }).unref?.();
  return stream;
}
