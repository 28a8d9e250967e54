import type { CursorPosition } from '../contracts/engine.ts';
import { InvalidInputError } from '../errors.ts';

/**
 * What a cursor is bound to, as a string key (the queue and state of a job listing, the filters of
 * an audit listing): a cursor from one listing is refused by any other.
 */
export type ListingKey = string;

interface CursorBody {
  readonly l: ListingKey;
  readonly p: CursorPosition;
}

const MAX_CURSOR_LENGTH = 2048;
const MALFORMED = 'The cursor is malformed. Use the nextCursor value of a previous page as it was given.';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The key of a listing made of these parts. */
export function listingKey(...parts: readonly unknown[]): ListingKey {
  return JSON.stringify(parts);
}

/** Wraps an engine or store position into an opaque cursor for `listing`. */
export function encodeCursor(listing: ListingKey, position: CursorPosition): string {
  const body: CursorBody = { l: listing, p: position };
  return toBase64Url(JSON.stringify(body));
}

/** Unwraps a cursor, refusing one that is malformed or was issued for another listing. */
export function decodeCursor(listing: ListingKey, cursor: string): CursorPosition {
  let body: unknown;
  try {
    if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    body = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new InvalidInputError('cursor', MALFORMED);
  }
  const candidate = body as Partial<CursorBody> | null;
  const positionOk = Array.isArray(candidate?.p) && candidate.p.every((part) => typeof part === 'string' || typeof part === 'number');
  if (!candidate || typeof candidate !== 'object' || typeof candidate.l !== 'string' || !positionOk) {
    throw new InvalidInputError('cursor', MALFORMED);
  }
  if (candidate.l !== listing) {
    throw new InvalidInputError('cursor', 'The cursor belongs to another listing (other filters). Start from the first page of this listing.');
  }
  return candidate.p as CursorPosition;
}
