import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidInputError } from '../../../../core/errors.ts';
import { fromCursorPosition, toCursorPosition } from '../../../../adapters/pg-boss/cursor.ts';

const ID = '0b9f6c1e-3a5d-4c7e-9f10-2d3c4b5a6978';

test('a position survives the round trip through a cursor position', () => {
  const position = { createdOn: '2026-11-27T11:50:21.575123Z', id: ID };
  assert.deepEqual(fromCursorPosition(toCursorPosition(position)), position);
});

test('keeps microseconds, which a Date would lose', () => {
  const [createdOn] = toCursorPosition({ createdOn: '2026-11-27T11:50:21.000001Z', id: ID });
  assert.equal(fromCursorPosition([createdOn!, ID]).createdOn, '2026-11-27T11:50:21.000001Z');
});

test('refuses every other shape as an invalid cursor', () => {
  const refused: unknown[] = [
    null,
    {},
    [],
    [ID],
    ['2026-11-27T11:50:21.575123Z', ID, 0],
    [1764244221575, ID],
    ['2026-11-27T11:50:21.575123Z', null],
    ['2026-11-27T11:50:21.575Z', ID],
    ['2026-11-27 11:50:21.575123+00', ID],
    ['2026-11-31T11:50:21.575123Z', ID],
    ['2026-11-27T24:50:21.575123Z', ID],
    ['2026-11-27T11:50:21.575123Z', '0b9f6c1e3a5d4c7e9f102d3c4b5a6978'],
    ['2026-11-27T11:50:21.575123Z', `{${ID}}`],
    ['2026-11-27T11:50:21.575123Z', `${ID}'--`],
  ];
  for (const after of refused) {
    assert.throws(
      () => fromCursorPosition(after as never),
      (error: unknown) => error instanceof InvalidInputError && error.status === 400 && error.extensions.parameter === 'cursor',
      JSON.stringify(after),
    );
  }
});
