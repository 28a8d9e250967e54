import type { Actor } from '../contracts/auth.ts';
import { InvalidInputError } from '../errors.ts';
import { startLiveStream, type StartLiveStream } from '../live/live-stream.ts';
import { emitTelemetry } from '../telemetry/emit.ts';
import { millisecondsSince, startTimer } from '../telemetry/measure.ts';
import type { ServiceContext } from './context.ts';

const LAST_EVENT_ID = /^[\x21-\x7e]{1,64}$/;

/**
 * The live stream for one operator, ready to start on a transport: allowed to anyone who may see
 * the console; what each event carries is decided per event, for this operator, when it is sent.
 * It lasts only as long as the operator's session: `currentActor` asks the host again who is
 * signed in.
 */
export async function openEvents(
  context: ServiceContext,
  actor: Actor,
  currentActor: () => Promise<Actor | null>,
  lastEventId: string | null,
): Promise<StartLiveStream> {
  await context.access.require(actor, 'queues.view', { type: 'console' });
  const principalId = await principalIdOf(context, actor);
  const stillSignedIn = async () => {
    const now = await currentActor();
    return now !== null && (principalId === null || (await principalIdOf(context, now)) === principalId);
  };
  const resumeFrom = lastEventId !== null && LAST_EVENT_ID.test(lastEventId) ? lastEventId : null;
  const opened = startTimer();
  emitTelemetry('live', 'connected', { resumed: resumeFrom === null ? 'false' : 'true' });
  return (outlet) => startLiveStream(actor, resumeFrom, outlet, {
    feed: context.feed,
    services: context,
    logger: context.logger,
    ...context.live,
    stillSignedIn,
    ...(principalId === null ? {} : { register: (end: () => void) => context.streams.add(principalId, end) }),
    onEnd(why) {
      if (why === 'dropped') emitTelemetry('live', 'dropped', { reason: 'slow_client' });
      const reason = why === 'client' ? 'client_closed' : why === 'signed_out' ? 'signed_out' : 'server_closed';
      emitTelemetry('live', 'disconnected', { reason }, { duration_ms: millisecondsSince(opened) });
    },
  });
}

/** The audit identity's id of `actor`, or null when the host's `auditPrincipal` cannot say. */
async function principalIdOf(context: ServiceContext, actor: Actor): Promise<string | null> {
  try {
    const principal = await context.auth.auditPrincipal(actor);
    return typeof principal?.id === 'string' && principal.id.length > 0 ? principal.id : null;
  } catch {
    return null;
  }
}

const FALLBACK_REASONS = ['stream_error', 'stream_buffered'] as const;

/**
 * A console reports that it fell back to polling (the stream failed, or stayed silent as behind a
 * buffering proxy), so the host's telemetry sees what only the browser knows.
 */
export async function reportFallback(context: ServiceContext, actor: Actor, body: unknown): Promise<{ recorded: true }> {
  await context.access.require(actor, 'queues.view', { type: 'console' });
  const reason = (body as { reason?: unknown } | null)?.reason;
  if (!(FALLBACK_REASONS as readonly unknown[]).includes(reason)) {
    throw new InvalidInputError('reason', `reason must be one of ${FALLBACK_REASONS.join(', ')}.`);
  }
  emitTelemetry('live', 'fallback', { reason: reason as (typeof FALLBACK_REASONS)[number] });
  return { recorded: true };
}
