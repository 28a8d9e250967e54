import type { LiveReadyEvent } from '../../../core/vocabulary/wire.ts';
import type { Check } from '../context.ts';
import { readEvents, type EventReader } from '../event-frames.ts';
import { failure, messageOf, passed, type Finding } from '../finding.ts';
import { bodySnippet, NoAnswerError, openStream, underConsole, type OpenResponse } from '../probe.ts';

/** How soon the stream's first event must arrive: the console sends it as the stream opens. */
const READY_WITHIN_MS = 5_000;

/** How long past one heartbeat interval the first heartbeat may take: half an interval, plus 2 s for the network. */
function heartbeatDeadlineMs(heartbeatSeconds: number): number {
  return heartbeatSeconds * 1500 + 2_000;
}

const BUFFERED_FIX = "Pass the stream on as it arrives: turn response buffering off for the console's path (nginx does so by itself for this stream unless `proxy_ignore_headers X-Accel-Buffering` is set; otherwise `proxy_buffering off;`), and use no load balancer, gateway or CDN setting that buffers whole responses. See docs/guides/reverse-proxies.md.";
const COMPRESSED_FIX = "Do not compress text/event-stream: in nginx keep it out of `gzip_types` or set `gzip off;` in the console's location; check any CDN or load balancer compression. Caddy's `encode` leaves event streams alone.";

function cutFix(heartbeatSeconds: number): string {
  return `Raise the idle (read) timeout between the proxy and the application, and on any load balancer in front, to at least ${2 * heartbeatSeconds} s (twice live.heartbeatSeconds): nginx \`proxy_read_timeout\`, Caddy \`transport http { read_timeout }\`, a load balancer's idle timeout. Or lower live.heartbeatSeconds below the timeout you cannot raise.`;
}

function heartbeatOf(data: string): number {
  try {
    const ready = JSON.parse(data) as Partial<LiveReadyEvent>;
    return typeof ready.heartbeatSeconds === 'number' && ready.heartbeatSeconds > 0 ? ready.heartbeatSeconds : 15;
  } catch {
    return 15;
  }
}

async function awaitEvent(events: EventReader, name: string, deadline: number) {
  for (;;) {
    const next = await events.next(deadline);
    if (typeof next === 'string' || next.event === name) return next;
  }
}

async function followStream(events: EventReader, opened: number): Promise<Finding> {
  const ready = await awaitEvent(events, 'ready', opened + READY_WITHIN_MS);
  if (ready === 'ended') {
    return failure('url.stream', 'The live stream closed before its first event', 'The console sends a `ready` event as soon as the stream opens; the connection ended before it arrived.', BUFFERED_FIX);
  }
  if (ready === 'timeout') {
    return failure('url.stream', `No live event arrived within ${READY_WITHIN_MS / 1000} s`,
      'The console sends a `ready` event as soon as the stream opens; something between here and the application holds it back (buffers the response).', BUFFERED_FIX);
  }
  const heartbeatSeconds = heartbeatOf(ready.data);
  const readyAt = Date.now();
  const heartbeat = await awaitEvent(events, 'heartbeat', readyAt + heartbeatDeadlineMs(heartbeatSeconds));
  const waited = ((Date.now() - readyAt) / 1000).toFixed(1);
  if (heartbeat === 'ended') {
    return failure('url.stream', `The live stream was closed ${waited} s after its first event, before its first heartbeat (every ${heartbeatSeconds} s)`,
      'Something between here and the application closes a stream that is quiet for less than the heartbeat interval: every open console would reconnect over and over.', cutFix(heartbeatSeconds));
  }
  if (heartbeat === 'timeout') {
    return failure('url.stream', `No heartbeat arrived within ${waited} s (the console sends one every ${heartbeatSeconds} s)`,
      'The stream stayed open, but its heartbeats were held back: something between here and the application buffers it.', BUFFERED_FIX);
  }
  return passed('url.stream', `The live stream works through this URL: its first heartbeat arrived ${waited} s after its first event`, `The console sends one every ${heartbeatSeconds} s.`);
}

/** `api/events` answers as an event stream, uncompressed, and its first heartbeat arrives in time. */
export const checkLiveStream: Check = async ({ url, headers, timeoutMs }) => {
  if (url === null || headers.length === 0) return [];
  const opened = Date.now();
  let opening: OpenResponse;
  try {
    // As a browser asks: a proxy that compresses the stream shows it by answering with an encoding.
    opening = await openStream(underConsole(url, 'api/events'), headers, timeoutMs, { accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' });
  } catch (error) {
    if (error instanceof NoAnswerError) {
      return [failure('url.stream', `The live stream did not answer within ${timeoutMs / 1000} s`,
        'Not even its response headers arrived: something between here and the application holds the stream back (buffers it) with its events.', BUFFERED_FIX)];
    }
    return [failure('url.stream', 'The live stream could not be reached', messageOf(error), "Check that the proxy sends the console's api/events path to the application, as it does the rest.")];
  }
  try {
    return await examine(opening.response, opened);
  } finally {
    opening.close();
  }
};

async function examine(response: Response, opened: number): Promise<Finding[]> {
  // Signed out, redirected or not found: url.session reports those for the same headers.
  if ([401, 404].includes(response.status) || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel();
    return [];
  }
  if (response.status === 403) {
    return [failure('url.stream', 'The operator may not open the live stream (403)', await bodySnippet(response),
      'Sign in (--header) as an operator whom authorize allows queues.view on the console; the live stream needs it.')];
  }
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !type.startsWith('text/event-stream') || !response.body) {
    return [failure('url.stream', `The live stream answered ${response.status} ${type || 'without a content type'}`, await bodySnippet(response), BUFFERED_FIX)];
  }
  const findings: Finding[] = [];
  const encoding = response.headers.get('content-encoding');
  if (encoding) {
    findings.push(failure('url.stream-compressed', `The live stream arrives compressed (Content-Encoding: ${encoding})`,
      'ops-jobs never compresses it and says no-transform; something in between compressed it anyway, and a compressor can hold events back until its buffer fills.', COMPRESSED_FIX));
  }
  const events = readEvents(response.body);
  try {
    findings.unshift(await followStream(events, opened));
  } finally {
    events.cancel();
  }
  return findings;
}
