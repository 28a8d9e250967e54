import type { LiveMessage, LiveOutlet, LiveStream, StartLiveStream } from '../live/live-stream.ts';
import { BASE_HEADERS } from './responses.ts';

const encoder = new TextEncoder();

/** One message as a Server-Sent Events frame. */
function eventFrame(message: LiveMessage): Uint8Array {
  return encoder.encode(`${message.id ? `id: ${message.id}\n` : ''}event: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`);
}

/**
 * A live stream answered as Server-Sent Events. The body holds at most `maxBufferedBytes` the
 * client has not read; a message that finds it full is refused, and the stream then ends itself.
 * The stream is cancelled when the request is aborted or the body is cancelled.
 */
export function eventStreamResponse(start: StartLiveStream, signal: AbortSignal, maxBufferedBytes: number): Response {
  let stream: LiveStream | undefined;
  let closed = false;
  const onAbort = () => stream?.cancel();
  const finish = () => {
    closed = true;
    signal.removeEventListener('abort', onAbort);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // `retry` tells the browser how soon to reconnect after the stream is cut.
      controller.enqueue(encoder.encode('retry: 3000\n: connected\n\n'));
      const outlet: LiveOutlet = {
        send(message) {
          if (closed || (controller.desiredSize ?? 0) <= 0) return false;
          controller.enqueue(eventFrame(message));
          return true;
        },
        close() {
          if (closed) return;
          finish();
          try {
            controller.close();
          } catch {
            // Already cancelled by the client.
          }
        },
      };
      signal.addEventListener('abort', onAbort);
      stream = start(outlet);
    },
    cancel() {
      if (closed) return;
      finish();
      stream?.cancel();
    },
  }, new ByteLengthQueuingStrategy({ highWaterMark: maxBufferedBytes }));
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // Proxies must neither cache, transform (compress) nor buffer the stream.
      'cache-control': 'no-cache, no-store, no-transform',
      'x-accel-buffering': 'no',
      ...BASE_HEADERS,
    },
  });
}
