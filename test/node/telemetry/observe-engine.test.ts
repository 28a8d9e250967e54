// The one place engine calls are observed: failures report their capability; refusals of bad
// input do not; the port's shape is kept.
import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { test } from 'node:test';
import { InvalidInputError, type JobEngine } from '../../../core/index.ts';
import { isEngineError, observeEngine } from '../../../core/telemetry/observe-engine.ts';
import { memoryEngine } from '../support/memory-engine.ts';

function capture(run: () => Promise<void>): Promise<unknown[]> {
  const received: unknown[] = [];
  const listener = (message: unknown) => void received.push(message);
  subscribe('ops-jobs:engine', listener);
  return run().then(() => received, () => received).finally(() => unsubscribe('ops-jobs:engine', listener));
}

test('a failing engine call reports engine.error with its capability and rethrows the same error', async () => {
  const failure = new Error('connection reset by peer at 10.0.0.7 for job 42');
  const base = memoryEngine(['q'], []);
  const engine = observeEngine({ ...base, name: 'pg-boss 12.38.0', findQueue: async () => { throw failure; } });
  const received = await capture(async () => {
    await assert.rejects(engine.findQueue('q'), (error) => error === failure);
  });
  assert.deepEqual(received, [{ family: 'engine', event: 'error', tags: { engine: 'pg-boss', capability: 'find_queue' }, measurements: { count: 1 } }]);
  assert.ok(isEngineError(failure));
  assert.ok(!isEngineError(new Error('other')));
});

test('a refusal of bad input is not an engine error', async () => {
  const base = memoryEngine(['q'], []);
  const engine = observeEngine({ ...base, listJobs: async () => { throw new InvalidInputError('cursor', 'not ours'); } });
  const received = await capture(async () => {
    await assert.rejects(engine.listJobs({ queue: 'q', limit: 1 }), InvalidInputError);
  });
  assert.deepEqual(received, []);
});

test('the observed engine keeps name, capabilities, results, and which optional methods exist', async () => {
  const base: JobEngine = memoryEngine(['q'], []);
  const engine = observeEngine(base);
  assert.equal(engine.name, base.name);
  assert.equal(engine.capabilities, base.capabilities);
  assert.deepEqual(await engine.listQueues(), await base.listQueues());
  assert.equal('prepare' in engine, typeof base.prepare === 'function');
});
