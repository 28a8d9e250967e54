import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toJobError } from '../../../../adapters/pg-boss/job-error.ts';

test('nothing stored is no error', () => {
  assert.equal(toJobError(null), null);
  assert.equal(toJobError(undefined), null);
});

test('a serialized Error keeps name, message and stack, and its own fields as details', () => {
  assert.deepEqual(toJobError({ name: 'TypeError', message: 'bad', stack: 'TypeError: bad\n    at x', code: 'E1' }), {
    name: 'TypeError',
    message: 'bad',
    stack: 'TypeError: bad\n    at x',
    details: { code: 'E1' },
  });
  assert.deepEqual(toJobError({ message: 'only a message' }), { message: 'only a message' });
});

test('a value pg-boss wrapped is unwrapped', () => {
  assert.deepEqual(toJobError({ value: 'a string' }), { message: 'a string' });
  assert.deepEqual(toJobError({ value: { message: 'job timed out' } }), { message: 'job timed out' });
  assert.deepEqual(toJobError({ value: 5 }), { details: 5 });
  assert.deepEqual(toJobError({ value: [1, 2] }), { details: [1, 2] });
});

test('an object that merely has a value field among others is not a wrapper', () => {
  assert.deepEqual(toJobError({ value: 'x', code: 'E2' }), { details: { value: 'x', code: 'E2' } });
});

test('fields of the wrong type stay visible in details instead of posing as the message', () => {
  assert.deepEqual(toJobError({ message: 42, name: ['x'] }), { details: { message: 42, name: ['x'] } });
});

test('anything else is kept whole as details', () => {
  assert.deepEqual(toJobError({ reason: 'quota' }), { details: { reason: 'quota' } });
  assert.deepEqual(toJobError('text'), { details: 'text' });
  assert.deepEqual(toJobError([1]), { details: [1] });
});
