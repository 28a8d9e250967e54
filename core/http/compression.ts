import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { chooseContentCoding } from './content-coding.ts';

/**
 * Media types the console compresses on the fly: its JSON answers, problem details, and the
 * audit export. The export is a long download consumed whole, so a compressor holding a few
 * kilobytes back costs nothing, while CSV and JSON Lines shrink several times over. The live
 * stream (`text/event-stream`) is deliberately absent: a compressor holds events back until its
 * buffer fills, so it always goes out as produced (and says `no-transform` to proxies).
 */
const COMPRESSIBLE = new Set(['application/json', 'application/problem+json', 'text/csv', 'application/jsonl']);

/**
 * Below this many bytes an answer goes out plain. A new connection's first flight is ten segments
 * (RFC 6928), about 14 KB: an answer that fits arrives in one round trip, compressed or not, so
 * compressing it would only cost both ends time. Pages of jobs and the audit log are above it.
 */
export const MIN_COMPRESSED_BYTES = 14 * 1024;

/**
 * Only gzip. Node's `CompressionStream` also speaks brotli (since 24), but at brotli's top
 * quality with no way to lower it: measured on this console's JSON, 30 ms for 20 KB and 120 ms for
 * 80 KB against about 1 ms for gzip. Brotli stays for the bundle, which is compressed at build time.
 */
const ON_THE_FLY: readonly string[] = ['gzip'];

const BODILESS_STATUSES = new Set([204, 205, 304]);

function mediaTypeOf(response: Response): string {
  return (response.headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

function addVary(headers: Headers, field: string): void {
  const vary = headers.get('vary');
  if (vary === null) headers.set('vary', field);
  else if (!vary.split(',').some((name) => ['*', field].includes(name.trim().toLowerCase()))) headers.set('vary', `${vary}, ${field}`);
}

/**
 * Compresses one answer of the console when the client accepts it and it pays: a compressible
 * media type, not already encoded, and either streamed (no `Content-Length`) or at least
 * {@link MIN_COMPRESSED_BYTES} long. Every answer of a compressible type says
 * `Vary: Accept-Encoding`, compressed or not. A buffered answer is compressed whole, so it keeps
 * an exact `Content-Length`; a streamed one is compressed as it flows and has none. A HEAD
 * request gets the headers its GET would, without compressing anything.
 */
export async function compressAnswer(request: Request, response: Response): Promise<Response> {
  if (!COMPRESSIBLE.has(mediaTypeOf(response)) || response.headers.has('content-encoding')) return response;
  const headers = new Headers(response.headers);
  addVary(headers, 'accept-encoding');
  const body = response.body;
  const declared = headers.get('content-length');
  const tooSmall = declared !== null && Number(declared) < MIN_COMPRESSED_BYTES;
  const coding = tooSmall || body === null || BODILESS_STATUSES.has(response.status) ? null : chooseContentCoding(request, ON_THE_FLY);
  const init = { status: response.status, statusText: response.statusText, headers };
  if (coding === null || body === null) return new Response(body, init);
  headers.set('content-encoding', coding);
  headers.delete('content-length');
  if (request.method === 'HEAD') {
    await body.cancel();
    return new Response(null, init);
  }
  if (declared === null) return new Response(body.pipeThrough(new CompressionStream(coding as ConstructorParameters<typeof CompressionStream>[0])), init);
  const bytes = await gzipWhole(new Uint8Array(await new Response(body).arrayBuffer()));
  headers.set('content-length', String(bytes.byteLength));
  return new Response(bytes, init);
}

const gzipOffThread = promisify(gzip);

/** Bodies up to this size are compressed at once; bigger ones on libuv's pool, not holding the event loop. */
const AT_ONCE_BYTES = 64 * 1024;

/**
 * A buffered answer compressed whole. zlib directly, not a `CompressionStream`: measured on a page of
 * jobs, the stream's chunk-by-chunk promises cost ten times the compression itself.
 */
async function gzipWhole(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const packed = bytes.byteLength <= AT_ONCE_BYTES ? gzipSync(bytes) : await gzipOffThread(bytes);
  return new Uint8Array(packed.buffer as ArrayBuffer, packed.byteOffset, packed.byteLength);
}
