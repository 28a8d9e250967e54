import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { attachParsedBody } from '../../core/http/parsed-body.ts';

const BODYLESS = new Set(['GET', 'HEAD']);
const HOST_PATTERN = /^[A-Za-z0-9.\-_~]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export interface FetchRequestInput {
  /** The Node request. */
  readonly incoming: IncomingMessage;
  /** The path and query as the host received them, before any router stripped a prefix. */
  readonly originalUrl: string;
  /** A body the host's middleware already parsed (Express `req.body`, Koa `ctx.request.body`). */
  readonly parsedBody?: unknown;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
}

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index] ?? '';
    // HTTP/2 pseudo-headers are not headers for the Fetch API.
    if (!name.startsWith(':')) headers.append(name, raw[index + 1] ?? '');
  }
  return headers;
}

/** Whether the host's middleware parsed the body into a value (rather than leaving text or bytes). */
function isParsedValue(parsedBody: unknown): boolean {
  return parsedBody !== undefined && parsedBody !== null && typeof parsedBody !== 'string' && !(parsedBody instanceof Uint8Array);
}

function bodyOf(incoming: IncomingMessage, parsedBody: unknown): RequestInit['body'] {
  if (BODYLESS.has(incoming.method ?? 'GET')) return null;
  if (typeof parsedBody === 'string') return parsedBody;
  if (parsedBody instanceof Uint8Array) return new Uint8Array(parsedBody);
  // A parsed value travels beside the request (attachParsedBody), never serialized again.
  if (isParsedValue(parsedBody) || incoming.readableEnded) return null;
  return Readable.toWeb(incoming) as ReadableStream<Uint8Array>;
}

/**
 * Builds a Fetch `Request` from a Node request. The host header is checked so that a malformed one
 * cannot make an invalid URL; the console never builds absolute links from it.
 */
export function toFetchRequest({ incoming, originalUrl, parsedBody, signal }: FetchRequestInput): Request {
  const hostHeader = incoming.headers.host ?? '';
  const host = HOST_PATTERN.test(hostHeader) ? hostHeader : 'localhost';
  const scheme = 'encrypted' in incoming.socket && incoming.socket.encrypted ? 'https' : 'http';
  const path = originalUrl.startsWith('/') ? originalUrl : `/${originalUrl}`;
  const body = bodyOf(incoming, parsedBody);
  const init: RequestInit & { duplex?: 'half' } = { method: incoming.method ?? 'GET', headers: headersOf(incoming), body, signal };
  if (body instanceof ReadableStream) init.duplex = 'half';
  const request = new Request(new URL(path, `${scheme}://${host}`), init);
  return isParsedValue(parsedBody) && !BODYLESS.has(init.method!) ? attachParsedBody(request, parsedBody) : request;
}
