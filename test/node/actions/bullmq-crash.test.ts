// Redis cannot commit with the audit store, so an action on BullMQ is audited as an intent before
// the change and its outcome after. A host process killed between the steps must leave a visible
// pending record ("outcome unknown", with what is known), never a silent gap.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { startBullMQStack, type BullMQStack } from '../support/bullmq-stack.ts';
import { dropSchemas, uniqueSchema } from '../support/database.ts';
import { deletePrefix, uniquePrefix } from '../support/redis.ts';
import { seedEveryState, type SeededQueue } from '../adapters/bullmq/seed.ts';

const HOST = new URL('../support/bullmq-crash-host.ts', import.meta.url).pathname;

/** Runs the crash host until it reports `stopped <step>`, then kills it with SIGKILL. */
async function killAt(step: 'before-change' | 'after-change', env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [HOST], { env: { ...process.env, ...env, STOP_AT: step }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += String(chunk); });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  try {
    for await (const line of lines) {
      if (line === `stopped ${step}`) break;
    }
  } finally {
    lines.close();
  }
  assert.equal(child.exitCode, null, `the host ended before it stopped at ${step}: ${stderr}`);
  child.kill('SIGKILL');
  const [, signal] = await exited;
  assert.equal(signal, 'SIGKILL');
}

describe('a host process killed in the middle of a BullMQ action', () => {
  const prefix = uniquePrefix('crash');
  const storeSchema = uniqueSchema('ops_crash');
  let stack: BullMQStack;
  let seeded: SeededQueue;
  before(async () => {
    stack = await startBullMQStack({ prefix, storeSchema });
    seeded = await seedEveryState(stack.redis, prefix);
  });
  after(async () => {
    if (!stack) return;
    await deletePrefix(stack.redis, prefix);
    await dropSchemas((text) => stack.pool.query(text), [storeSchema]);
    await stack.stop();
  });

  async function pendingRecords(): Promise<Array<Record<string, unknown> & { resource: { ids: string[] } }>> {
    const response = await stack.request('ada', 'GET', '/api/audit?outcome=pending');
    assert.equal(response.status, 200);
    return (await response.json()).records;
  }

  test('killed after the intent and before the change: the record is pending, outcome unknown, and the jobs are untouched', async () => {
    const ids = [seeded.ids.failed[0]!];
    await killAt('before-change', { PREFIX: prefix, STORE_SCHEMA: storeSchema, ACTION: 'job.retry', QUEUE: 'payments', IDS: ids.join(',') });
    const records = await pendingRecords();
    assert.equal(records.length, 1);
    const [record] = records;
    assert.equal(record!.action, 'job.retry');
    assert.deepEqual(record!.resource.ids, ids);
    assert.equal(record!.completedAt, null);
    assert.equal(record!.affected, null);
    assert.equal(record!.requested, 1);
    assert.equal(record!.reason, 'Retrying after the processor outage, incident 77');
    assert.match(String(record!.outcomeNote), /^Outcome unknown/);
    assert.deepEqual(await statesOf(ids), ['failed']);
  });

  test('killed after the change and before its outcome: the record is pending, outcome unknown, and the jobs did change', async () => {
    const ids = [seeded.ids.failed[1]!, seeded.ids.failed[2]!];
    await killAt('after-change', { PREFIX: prefix, STORE_SCHEMA: storeSchema, ACTION: 'job.retry', QUEUE: 'payments', IDS: ids.join(',') });
    const records = await pendingRecords();
    assert.equal(records.length, 2, 'both open intents are listed');
    const record = records.find((candidate) => candidate.resource.ids.includes(ids[0]!));
    assert.deepEqual([...record!.resource.ids].sort(), [...ids].sort());
    assert.equal(record!.completedAt, null);
    assert.match(String(record!.outcomeNote), /check the jobs listed here/);
    assert.deepEqual(await statesOf(ids), ['queued', 'queued']);
  });

  test('a queue action killed after the pause and before its outcome: the record is pending, says to check the queue, and the queue is paused', async () => {
    await killAt('after-change', { PREFIX: prefix, STORE_SCHEMA: storeSchema, ACTION: 'queue.pause', QUEUE: 'payments', IDS: '' });
    const record = (await pendingRecords()).find((candidate) => candidate.action === 'queue.pause');
    assert.ok(record, 'the intent of the pause is pending');
    assert.deepEqual(record.resource, { queue: 'payments', selection: { whole: 'queue' }, ids: [] });
    assert.equal(record.requested, 1);
    assert.equal(record.affected, null);
    assert.match(String(record.outcomeNote), /check whether the queue is paused/);
    assert.equal((await (await stack.request('ada', 'GET', '/api/queues/payments')).json()).paused, true);
  });

  async function statesOf(ids: readonly string[]): Promise<string[]> {
    return Promise.all(ids.map(async (id) => (await (await stack.request('ada', 'GET', `/api/queues/payments/jobs/${id}`)).json()).state));
  }
});
