import type { CursorPosition } from '../contracts/engine.ts';
import { InvalidInputError } from '../errors.ts';

/** What a cursor is bound to: a cursor from one listing is refused by any other. */
export interface Listing {
  readonly queue: string;
  readonly state: string | null;
}

interface CursorBody {
  readonly q: string;
  readonly s: string | null;
  readonly p: CursorPosition;
}

const MAX_CURSOR_LENGTH = 2048;

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

/** Wraps an engine position into an opaque cursor for `listing`. */
export function encodeCursor(listing: Listing, position: CursorPosition): string {
  const body: CursorBody = { q: listing.queue, s: listing.state, p: position };
  return toBase64Url(JSON.stringify(body));
}

/** Unwraps a cursor, refusing one that is malformed or was issued for another listing. */
export function decodeCursor(listing: Listing, cursor: string): CursorPosition {
  let body: unknown;
  try {
    if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    body = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new InvalidInputError('cursor', 'The cursor is malformed. Use the nextCursor value of a previous page as it was given.');
  }
  const candidate = body as Partial<CursorBody> | null;
  const positionOk = Array.isArray(candidate?.p) && candidate.p.every((part) => typeof part === 'string' || typeof part === 'number');
  if (!candidate || typeof candidate !== 'object' || typeof candidate.q !== 'string' || !positionOk) {
    throw new InvalidInputError('cursor', 'The cursor is malformed. Use the nextCursor value of a previous page as it was given.');
  }
  if (candidate.q !== listing.queue || (candidate.s ?? null) !== listing.state) {
    throw new InvalidInputError('cursor', 'The cursor belongs to another listing (another queue or state). Start from the first page of this listing.');
  }
  return candidate.p as CursorPosition;
}
