import type { Actor } from '../contracts/auth.ts';
import { openLiveStream } from '../live/live-stream.ts';
import { emitTelemetry } from '../telemetry/emit.ts';
import { millisecondsSince, startTimer } from '../telemetry/measure.ts';
import type { ServiceContext } from './context.ts';

const LAST_EVENT_ID = /^[\x21-\x7e]{1,64}$/;

/**
 * The live stream for one operator: allowed to anyone who may see the console; what each event
 * carries is decided per event, for this operator, when it is sent.
 */
export async function openEvents(context: ServiceContext, actor: Actor, lastEventId: string | null, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  await context.access.require(actor, 'queues.view', { type: 'console' });
  const resumeFrom = lastEventId !== null && LAST_EVENT_ID.test(lastEventId) ? lastEventId : null;
  const opened = startTimer();
  emitTelemetry('live', 'connected', { resumed: resumeFrom === null ? 'false' : 'true' });
  return openLiveStream(actor, resumeFrom, signal, {
    feed: context.feed,
    services: context,
    logger: context.logger,
    ...context.live,
    onEnd(why) {
      if (why === 'dropped') emitTelemetry('live', 'dropped', { reason: 'slow_client' });
      emitTelemetry('live', 'disconnected', { reason: why === 'client' ? 'client_closed' : 'server_closed' }, { duration_ms: millisecondsSince(opened) });
    },
  });
}
