import { ProblemError } from '../errors.ts';
import type { Logger } from '../options.ts';
import { internalError } from '../problems.ts';
import { problemTypeUri } from '../vocabulary/problem-types.ts';
import type { ProblemResponse } from '../vocabulary/wire.ts';

/** Headers every response of the console carries. */
const BASE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
});

/** A body serialized up front, with the length that lets compression and HEAD answer exactly. */
function serialized(value: unknown): { readonly bytes: Uint8Array<ArrayBuffer>; readonly length: string } {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return { bytes, length: String(bytes.byteLength) };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const { bytes, length } = serialized(body);
  return new Response(bytes, {
    status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': length, 'cache-control': 'no-store', ...headers },
  });
}

export function problemResponse(error: ProblemError, headers: Record<string, string> = {}): Response {
  const body: ProblemResponse = {
    type: problemTypeUri(error.type),
    title: error.title,
    status: error.status,
    detail: error.message,
    ...error.extensions,
  };
  const { bytes, length } = serialized(body);
  return new Response(bytes, {
    status: error.status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/problem+json; charset=utf-8', 'content-length': length, 'cache-control': 'no-store', ...headers },
  });
}

/** Turns anything thrown while serving into a response; unexpected errors are logged, never echoed. */
export function errorResponse(error: unknown, logger: Logger): Response {
  if (error instanceof ProblemError) return problemResponse(error);
  logger.error('ops-jobs: unexpected error while serving a request', error);
  return problemResponse(internalError());
}

export function htmlResponse(html: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: { ...BASE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export { BASE_HEADERS };
