import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCursor, encodeCursor, listingKey } from '../../../core/services/cursor.ts';
import { InvalidInputError } from '../../../core/index.ts';

const listing = listingKey('jobs', 'payments.capture', 'failed');

test('a cursor round-trips for its own listing', () => {
  const position = ['2026-11-27 10:00:00.123456+00', 'a1b2', 7];
  assert.deepEqual(decodeCursor(listing, encodeCursor(listing, position)), position);
  const unicode = listingKey('jobs', 'émail/ñ', null);
  assert.deepEqual(decodeCursor(unicode, encodeCursor(unicode, ['x'])), ['x']);
});

test('a cursor from another listing is refused', () => {
  const cursor = encodeCursor(listing, ['a', 'b']);
  for (const other of [listingKey('jobs', 'other', 'failed'), listingKey('jobs', 'payments.capture', 'completed'), listingKey('jobs', 'payments.capture', null), listingKey('audit', 'payments.capture', 'failed')]) {
    assert.throws(() => decodeCursor(other, cursor), (error: unknown) => error instanceof InvalidInputError && /another listing/.test(error.message));
  }
});

test('malformed cursors are refused as invalid input naming the cursor', () => {
  const bad = ['', '!!!', 'x'.repeat(5000), btoa('not json'), btoa(JSON.stringify({ l: listing, p: [{}] })), btoa(JSON.stringify({ l: 1, p: [] })), btoa('null')];
  for (const cursor of bad) {
    assert.throws(() => decodeCursor(listing, cursor.replace(/=+$/, '')), (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'cursor', cursor.slice(0, 30));
  }
});
