// The checker between the console's code and the channels: whatever is outside the contract is
// dropped, reported once in development, and never reported with its value.
import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { checkEvent } from '../../../core/telemetry/check.ts';
import { emitTelemetry } from '../../../core/telemetry/emit.ts';
import { engineKindOf, methodOf, statusClassOf } from '../../../core/telemetry/measure.ts';

type Loose = Parameters<typeof emitTelemetry>;

let warnings: string[];
beforeEach(() => {
  warnings = [];
  mock.method(process, 'emitWarning', (message: string) => void warnings.push(message));
});
afterEach(() => mock.restoreAll());

describe('checkEvent', () => {
  test('passes an event inside the contract, frozen, with count 1 by default', () => {
    const message = checkEvent('operator_action', 'executed', { action: 'job.retry', selection: 'ids' }, { duration_ms: 3.5, jobs: 2 });
    assert.deepEqual(message, {
      family: 'operator_action', event: 'executed',
      tags: { action: 'job.retry', selection: 'ids' },
      measurements: { count: 1, duration_ms: 3.5, jobs: 2 },
    });
    assert.ok(Object.isFrozen(message) && Object.isFrozen(message?.tags) && Object.isFrozen(message?.measurements));
    assert.deepEqual(warnings, []);
  });

  test('drops a tag key the event does not have, keeps the event, and warns once', () => {
    for (let index = 0; index < 3; index += 1) {
      const message = checkEvent('auth', 'unauthenticated', { reason: 'no_actor', user_id: 'user-olga' }, {});
      assert.deepEqual(message?.tags, { reason: 'no_actor' });
    }
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /auth\.unauthenticated has no tag "user_id"; the tag was dropped/);
  });

  test('drops a value outside the list, warns once per (family, key, value), and never prints the value', () => {
    const planted = 'tok_live_PLANTED_CHECK';
    for (let index = 0; index < 3; index += 1) {
      const message = checkEvent('operator_action', 'denied', { action: planted, phase: 'execute', reason: 'token_used' }, {});
      assert.deepEqual(message?.tags, { phase: 'execute', reason: 'token_used' });
    }
    checkEvent('operator_action', 'denied', { action: 'job.frobnicate', phase: 'preview', reason: 'denied' }, {});
    assert.equal(warnings.length, 2, 'a second bad value is reported once too');
    assert.match(warnings[0]!, /operator_action\.denied got a value for tag "action" that is not in its list; the tag was dropped/);
    assert.ok(warnings.every((warning) => !warning.includes(planted) && !warning.includes('frobnicate')));
  });

  test('a value that is not a string is outside every list', () => {
    const message = checkEvent('http', 'request', { route: '/api/queues', method: 'GET', status_class: 200 }, {});
    assert.deepEqual(message?.tags, { route: '/api/queues', method: 'GET' });
    assert.equal(warnings.length, 1);
  });

  test('drops an unknown event or family whole', () => {
    assert.equal(checkEvent('operator_action', 'exploded', {}, {}), null);
    assert.equal(checkEvent('payments', 'charged', {}, {}), null);
    assert.equal(checkEvent('toString', 'call', {}, {}), null, 'inherited names are not families');
    assert.equal(warnings.length, 3);
  });

  test('drops measurements the event does not have, and numbers that are not finite or are negative', () => {
    const message = checkEvent('auth', 'denied', { action: 'audit.view', resource: 'audit', phase: 'none', reason: 'denied' }, { duration_ms: 1, count: 2 });
    assert.deepEqual(message?.measurements, { count: 2 });
    const invalid = checkEvent('http', 'request', { route: '/api/session', method: 'GET', status_class: '2xx' }, { duration_ms: Number.NaN, count: -1 });
    assert.deepEqual(invalid?.measurements, { count: 1 });
    assert.equal(warnings.length, 3);
  });

  test('reports a tag the event was emitted without', () => {
    const message = checkEvent('store', 'migration', { outcome: 'applied' }, {});
    assert.deepEqual(message?.tags, { outcome: 'applied' });
    assert.match(warnings[0]!, /store\.migration was emitted without its tag "driver"/);
  });

  test('stays silent under NODE_ENV=production, and still drops', (t) => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    t.after(() => (previous === undefined ? delete process.env.NODE_ENV : (process.env.NODE_ENV = previous)));
    const message = checkEvent('auth', 'unauthenticated', { reason: 'no_actor', secret_in_prod: 'x' }, {});
    assert.deepEqual(message?.tags, { reason: 'no_actor' });
    assert.deepEqual(warnings, []);
  });
});

describe('emitTelemetry', () => {
  test('publishes checked events on ops-jobs:<family> and checks nothing while nobody listens', () => {
    const bad = ['auth', 'unauthenticated', { reason: 'no_actor', unheard_key: 'x' }] as unknown as Loose;
    emitTelemetry(...bad);
    assert.deepEqual(warnings, [], 'no subscriber: not even checked');

    const received: unknown[] = [];
    const listener = (message: unknown) => void received.push(message);
    subscribe('ops-jobs:auth', listener);
    try {
      emitTelemetry(...bad);
      emitTelemetry('auth', 'denied', { action: 'job.retry', resource: 'jobs', phase: 'execute', reason: 'policy_error' });
      emitTelemetry(...(['auth', 'no_such_event', {}] as unknown as Loose));
    } finally {
      unsubscribe('ops-jobs:auth', listener);
    }
    assert.deepEqual(received, [
      { family: 'auth', event: 'unauthenticated', tags: { reason: 'no_actor' }, measurements: { count: 1 } },
      { family: 'auth', event: 'denied', tags: { action: 'job.retry', resource: 'jobs', phase: 'execute', reason: 'policy_error' }, measurements: { count: 1 } },
    ]);
    assert.equal(warnings.length, 2);
  });
});

test('conversions into closed value sets', () => {
  assert.deepEqual([101, 200, 204, 308, 404, 410, 500, 503].map(statusClassOf), ['1xx', '2xx', '2xx', '3xx', '4xx', '4xx', '5xx', '5xx']);
  assert.deepEqual(['GET', 'POST', 'BREW', 'get', 'PROPFIND'].map(methodOf), ['GET', 'POST', '_OTHER', '_OTHER', '_OTHER']);
  assert.deepEqual(['pg-boss 12.38.0', 'pg-boss', 'bullmq 5.1', 'memory'].map(engineKindOf), ['pg-boss', 'pg-boss', 'bullmq', 'other']);
});
