// An operator action end to end on BullMQ: a real Express host, the console over BullMQ on Redis,
// the audit store on PostgreSQL. Preview, execute with a reason, then the audit record and the jobs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpsJobs } from '../../../core/index.ts';
import { startBullMQStack, type BullMQStack } from '../support/bullmq-stack.ts';
import { dropSchemas, uniqueSchema } from '../support/database.ts';
import { startHost, type RunningHost } from '../support/http-hosts.ts';
import { deletePrefix, uniquePrefix } from '../support/redis.ts';
import { PLANTED_SECRET, seedEveryState, type SeededQueue } from '../adapters/bullmq/seed.ts';

const REASON = 'Card processor recovered, incident 5120';

describe('retrying failed BullMQ jobs through an Express host', () => {
  const prefix = uniquePrefix('e2e');
  const storeSchema = uniqueSchema('ops_bullmq');
  let stack: BullMQStack;
  let host: RunningHost;
  let seeded: SeededQueue;
  before(async () => {
    stack = await startBullMQStack({ prefix, storeSchema });
    seeded = await seedEveryState(stack.redis, prefix);
    host = await startHost('express', stack.opsJobs as unknown as OpsJobs<never>, { sessionFromHeader: true });
  });
  after(async () => {
    await host?.close();
    if (stack) {
      await deletePrefix(stack.redis, prefix);
      await dropSchemas((text) => stack.pool.query(text), [storeSchema]);
      await stack.stop();
    }
  });

  const call = (user: string | null, method: string, path: string, body?: unknown) => fetch(`${host.url}/ops/jobs${path}`, {
    method,
    headers: {
      ...(user ? { 'x-test-user': user } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json', origin: host.url, 'sec-fetch-site': 'same-origin' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

  test('preview, execute, audit: the failed jobs are back in wait and the record says succeeded', async () => {
    const session = await (await call('olga', 'GET', '/api/session')).json();
    assert.deepEqual(session.engine.actions, { 'job.retry': ['failed'], 'job.promote': ['scheduled'], 'job.delete': ['queued', 'scheduled', 'blocked', 'completed', 'failed'], 'job.fail': ['active'] });
    assert.equal(session.engine.name, 'BullMQ');

    const listed = await call('olga', 'GET', '/api/queues/payments/jobs?state=failed');
    const listText = await listed.text();
    assert.equal(listed.status, 200);
    assert.equal(listText.includes(PLANTED_SECRET), false, 'no secret in a listing');
    assert.deepEqual(JSON.parse(listText).jobs.map((job: { id: string }) => job.id), [...seeded.ids.failed].reverse());

    const previewResponse = await call('olga', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'payments', filter: { state: 'failed' } } });
    const previewText = await previewResponse.text();
    assert.equal(previewResponse.status, 200, previewText);
    assert.equal(previewText.includes(PLANTED_SECRET), false, 'no secret in a preview');
    const preview = JSON.parse(previewText);
    assert.equal(preview.count, 3);

    const executed = await call('olga', 'POST', '/api/actions/execute', { token: preview.token, reason: REASON });
    const result = await executed.json();
    assert.equal(executed.status, 200, JSON.stringify(result));
    assert.deepEqual([result.outcome, result.affected], ['succeeded', 3]);

    const record = await (await call('ada', 'GET', `/api/audit/${result.auditId}`)).json();
    assert.equal(record.outcome, 'succeeded');
    assert.equal(record.affected, 3);
    assert.equal(record.reason, REASON);
    assert.equal(record.principal.id, 'user-olga');
    assert.deepEqual([...record.resource.ids].sort(), [...seeded.ids.failed].sort());
    assert.ok(record.completedAt >= record.occurredAt);
    assert.equal(record.outcomeNote, undefined);

    const counts = await (await call('olga', 'GET', '/api/queues/payments')).json();
    assert.equal(counts.counts.failed, 0);
    assert.equal(counts.counts.queued, 6);
    const detail = await (await call('olga', 'GET', `/api/queues/payments/jobs/${seeded.ids.failed[0]}`)).json();
    assert.equal(detail.state, 'queued');
    assert.equal(JSON.stringify(detail).includes(PLANTED_SECRET), false, 'no secret in a job detail');
  });

  test('the job detail shows log lines, progress and a flow, through the display policy', async () => {
    const detail = await (await call('olga', 'GET', `/api/queues/payments/jobs/${seeded.ids.completed[0]}`)).json();
    assert.equal(JSON.stringify(detail).includes(PLANTED_SECRET), false);
    assert.deepEqual(detail.progress, { value: { percent: 100, token: '[redacted]' } });
    assert.deepEqual(detail.logs, { lines: { value: ['charging', 'charged'] }, total: 2 });
    assert.deepEqual(detail.output, { value: { receipt: 'r_3', token: '[redacted]' } });
    const parent = await (await call('olga', 'GET', `/api/queues/payments/jobs/${seeded.ids.parent}`)).json();
    assert.equal(parent.family.children.pending, 2);
  });

  test('a job BullMQ no longer has in the previewed state is refused as drift, and nothing runs', async () => {
    const target = seeded.ids.completed[1]!;
    const preview = await (await call('olga', 'POST', '/api/actions/preview', { action: 'job.delete', target: { queue: 'payments', ids: [target] } })).json();
    await stack.redis.zadd(`${prefix}:payments:failed`, Date.now(), target);
    await stack.redis.zrem(`${prefix}:payments:completed`, target);
    const executed = await call('olga', 'POST', '/api/actions/execute', { token: preview.token, reason: REASON });
    assert.equal(executed.status, 409);
    assert.ok(await stack.redis.exists(`${prefix}:payments:${target}`));
  });

  test('no actor is 401, and a viewer may not preview an action: 403', async () => {
    assert.equal((await call(null, 'GET', '/api/queues')).status, 401);
    assert.equal((await call('vera', 'POST', '/api/actions/preview', { action: 'job.delete', target: { queue: 'payments', ids: [seeded.ids.delayed[0]] } })).status, 403);
  });
});
