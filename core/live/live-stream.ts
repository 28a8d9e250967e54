import type { Actor } from '../contracts/auth.ts';
import type { Logger } from '../options.ts';
import type { ServiceContext } from '../services/context.ts';
import type { LiveActionEvent, LiveQueuesEvent, LiveReadyEvent } from '../vocabulary/wire.ts';
import type { ChangeFeed } from './change-feed.ts';
import type { SequencedEvent } from './live-event.ts';

export type StreamEnd = 'client' | 'server' | 'dropped' | 'signed_out';

export interface LiveStreamOptions {
  readonly feed: ChangeFeed;
  readonly services: ServiceContext;
  readonly logger: Logger;
  readonly heartbeatSeconds: number;
  readonly pollIntervalMs: number;
  /** Bytes a stream may hold unsent before its client counts as unable to keep up. */
  readonly maxBufferedBytes: number;
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

const encoder = new TextEncoder();

function frame(name: string, data: unknown, id?: string): Uint8Array {
  return encoder.encode(`${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Turns a feed event into what this operator may see of it, or null when nothing. */
async function forReceiver(services: ServiceContext, actor: Actor, entry: SequencedEvent): Promise<Uint8Array | null> {
  const { event } = entry;
  if (event.kind === 'queues') {
    const visible = await Promise.all(event.queues.map((queue) => services.access.check(actor, 'queues.view', { type: 'queue', queue: queue.name })));
    const queues = event.queues.filter((_, index) => visible[index]?.allowed).map((queue) => services.presenter.queue(queue));
    if (queues.length === 0) return null;
    const data: LiveQueuesEvent = { at: entry.at, queues };
    return frame('queues', data, entry.id);
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
  return frame('action', data, entry.id);
}

/**
 * One operator's Server-Sent Events stream. Every event is authorized and passed through the
 * display policy for this operator when it is sent. Heartbeats keep proxies from closing an idle
 * stream and let the console notice when nothing arrives. A client that cannot keep up is
 * dropped rather than buffered without bound; it reconnects and resumes with `Last-Event-ID`.
 */
export function openLiveStream(actor: Actor, lastEventId: string | null, signal: AbortSignal, options: LiveStreamOptions): ReadableStream<Uint8Array> {
  const { feed, services } = options;
  let unsubscribe: (() => void) | undefined;
  let unregister: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let recheck: ReturnType<typeof setInterval> | undefined;
  let lifetime: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  const stopTimers = () => {
    unsubscribe?.();
    unregister?.();
    clearInterval(heartbeat);
    clearInterval(recheck);
    clearTimeout(lifetime);
  };
  // Events are turned into frames one at a time, in feed order.
  let chain: Promise<void> = Promise.resolve();

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const end = (why: StreamEnd) => {
        if (ended) return;
        ended = true;
        stopTimers();
        signal.removeEventListener('abort', onAbort);
        options.onEnd?.(why);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const send = (bytes: Uint8Array) => {
        if (ended) return;
        if ((controller.desiredSize ?? 0) <= 0) {
          end('dropped');
          return;
        }
        controller.enqueue(bytes);
      };
      // The operator is asked for again before anything that names an operator or jobs goes out.
      const signedIn = async (): Promise<boolean> => {
        if (await options.stillSignedIn().catch(() => false)) return true;
        send(frame('signed-out', { reason: 'Your session ended; sign in again to see live changes.' }));
        end('signed_out');
        return false;
      };
      const deliver = (entry: SequencedEvent) => {
        chain = chain.then(async () => {
          if (ended) return;
          if (entry.event.kind === 'action' && !(await signedIn())) return;
          if (ended) return;
          const bytes = await forReceiver(services, actor, entry);
          if (bytes) send(bytes);
        }).catch((error: unknown) => options.logger.error('ops-jobs: a live event could not be prepared', error));
      };
      const onAbort = () => end('client');
      signal.addEventListener('abort', onAbort);

      const ready: LiveReadyEvent = { heartbeatSeconds: options.heartbeatSeconds, pollIntervalMs: options.pollIntervalMs };
      // `retry` tells the browser how soon to reconnect after the stream is cut.
      controller.enqueue(encoder.encode('retry: 3000\n: connected\n\n'));
      send(frame('ready', ready));
      if (lastEventId !== null) {
        const resumed = feed.since(lastEventId);
        if ('gap' in resumed) send(frame('reset', { reason: 'Some changes were missed; reload the current view.' }));
        else for (const entry of resumed.events) deliver(entry);
      }
      unsubscribe = feed.subscribe(deliver, () => end('server'));
      heartbeat = setInterval(() => send(frame('heartbeat', { at: services.clock().toISOString() })), options.heartbeatSeconds * 1000);
      recheck = setInterval(() => {
        chain = chain.then(async () => {
          if (!ended) await signedIn();
        });
      }, options.reauthenticateSeconds * 1000);
      lifetime = setTimeout(() => end('server'), options.maxStreamSeconds * 1000);
      unregister = options.register?.(() => {
        send(frame('signed-out', { reason: 'Your session was ended; sign in again to see live changes.' }));
        end('signed_out');
      });
      for (const timer of [heartbeat, recheck, lifetime]) (timer as { unref?: () => void }).unref?.();
    },
    cancel() {
      if (ended) return;
      ended = true;
      stopTimers();
      options.onEnd?.('client');
    },
  }, new ByteLengthQueuingStrategy({ highWaterMark: options.maxBufferedBytes }));
}
