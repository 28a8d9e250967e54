// Promote, pause, resume and a capped clean of finished jobs on BullMQ, end to end on Express and
// Koa hosts: the console over BullMQ on Redis, the audit store on PostgreSQL. Each action is
// previewed, executed with a reason and audited (intent, then outcome), and refused when what it
// was previewed on changed in between.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { OpsJobs } from '../../../core/index.ts';
import { fromBullMQ } from '../../../adapters/bullmq/index.ts';
import { startBullMQStack, type BullMQStack } from '../support/bullmq-stack.ts';
import { dropSchemas, uniqueSchema } from '../support/database.ts';
import { HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.ts';
import { seedEveryState, type SeededQueue } from '../adapters/bullmq/seed.ts';

/** `count` completed jobs in `queue`, finished by a worker. */
async function seedCompleted(connection: Redis, prefix: string, queue: string, count: number): Promise<void> {
  const producer = new Queue(queue, { connection, prefix });
  const worker = new Worker(queue, null, { connection, prefix, autorun: false });
  try {
    await producer.addBulk(Array.from({ length: count }, (_, index) => ({ name: 'receipt', data: { index } })));
    for (let index = 0; index < count; index += 1) {
      const job = await worker.getNextJob('seed-token', { block: false });
      if (!job) throw new Error('seed: BullMQ handed out no job');
      await job.moveToCompleted({ sent: true }, 'seed-token', false);
    }
  } finally {
    await worker.close(true);
    await producer.close();
  }
}

const REASON = 'Provider maintenance window, change CHG-8812';
const CAP = 4;

for (const hostName of HOSTS) {
  describe(`BullMQ promote, pause, resume and clean through a ${hostName} host`, () => {
    const prefix = uniquePrefix(`qa-${hostName}`);
    const storeSchema = uniqueSchema('ops_bullmq_queue');
    let stack: BullMQStack;
    let host: RunningHost;
    let seeded: SeededQueue;
    let payments: Queue;
    before(async () => {
      const redis = await connectRedis();
      try {
        seeded = await seedEveryState(redis, prefix);
        await seedCompleted(redis, prefix, 'receipts', CAP + 2);
      } finally {
        redis.disconnect();
      }
      stack = await startBullMQStack({ prefix, storeSchema, cap: CAP });
      payments = new Queue('payments', { connection: stack.redis, prefix });
      host = await startHost(hostName, stack.opsJobs as unknown as OpsJobs<never>, { sessionFromHeader: true });
    });
    after(async () => {
      await payments?.close();
      await host?.close();
      if (stack) {
        await deletePrefix(stack.redis, prefix);
        await dropSchemas((text) => stack.pool.query(text), [storeSchema]);
        await stack.stop();
      }
    });

    const call = (user: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => fetch(`${host.url}/ops/jobs${path}`, {
      method,
      headers: {
        ...headers,
        ...(user ? { 'x-test-user': user } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json', origin: host.url, 'sec-fetch-site': 'same-origin' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = async (response: Response) => ({ status: response.status, body: await response.json(), headers: response.headers });
    const preview = async (user: string, body: unknown) => json(await call(user, 'POST', '/api/actions/preview', body));
    const execute = async (user: string, token: string, headers: Record<string, string> = {}) =>
      json(await call(user, 'POST', '/api/actions/execute', { token, reason: REASON }, headers));
    const queueOf = async (name: string) => (await call('ada', 'GET', `/api/queues/${name}`)).json();
    const auditOf = async (id: string) => (await call('ada', 'GET', `/api/audit/${id}`)).json();

    test('the session declares promote and the queue actions; the queue says it is running', async () => {
      const session = await (await call('ada', 'GET', '/api/session')).json();
      assert.deepEqual(session.engine.actions['job.promote'], ['scheduled']);
      assert.deepEqual(session.engine.queueActions, ['queue.pause', 'queue.resume', 'queue.configure']);
      assert.equal(session.permissions['queue.pause'], true);
      const olga = await (await call('olga', 'GET', '/api/session')).json();
      assert.equal(olga.permissions['queue.pause'], false);
      assert.equal(olga.permissions['job.promote'], true);
      assert.equal((await queueOf('payments')).paused, false);
      const listed = await (await call('ada', 'GET', '/api/queues')).json();
      assert.equal(listed.queues.find((queue: { name: string }) => queue.name === 'payments').paused, false);
    });

    test('promote: a delayed job previewed and promoted is waiting, and the record says so', async () => {
      const [first] = seeded.ids.delayed;
      const before = await queueOf('payments');
      const previewed = await preview('olga', { action: 'job.promote', target: { queue: 'payments', ids: [first] } });
      assert.equal(previewed.status, 200, JSON.stringify(previewed.body));
      assert.equal(previewed.body.count, 1);
      assert.equal(previewed.body.sample[0].state, 'scheduled');
      assert.equal(await payments.getJobState(first!), 'delayed', 'a preview changes nothing');

      const executed = await execute('olga', previewed.body.token);
      assert.equal(executed.status, 200, JSON.stringify(executed.body));
      assert.equal(executed.body.affected, 1);
      assert.equal(await payments.getJobState(first!), 'waiting');
      const after = await queueOf('payments');
      assert.equal(after.counts.scheduled, before.counts.scheduled - 1);
      assert.equal(after.counts.queued, before.counts.queued + 1);

      const record = await auditOf(executed.body.auditId);
      assert.deepEqual([record.action, record.outcome, record.requested, record.affected], ['job.promote', 'succeeded', 1, 1]);
      assert.deepEqual(record.resource, { queue: 'payments', selection: { ids: [first] }, ids: [first] });
    });

    test('promote: a job that left the delayed set between preview and execute is refused, and the rest stay delayed', async () => {
      const id = (await payments.add('charge', { amount: 9 }, { delay: 3_600_000 })).id!;
      const other = (await payments.add('charge', { amount: 10 }, { delay: 3_600_000 })).id!;
      const previewed = await preview('olga', { action: 'job.promote', target: { queue: 'payments', ids: [id, other] } });
      assert.equal(previewed.body.count, 2);
      // Its time came (or someone else promoted it) before the operator confirmed.
      await (await Job.fromId(payments, id))!.promote();
      const executed = await execute('olga', previewed.body.token);
      assert.equal(executed.status, 409);
      assert.match(executed.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal(await payments.getJobState(other), 'delayed', 'nothing was promoted');
    });

    test('promote: BullMQ itself leaves a job that is no longer delayed alone', async () => {
      const engine = fromBullMQ({ connection: stack.redis, prefix, queues: ['payments'] });
      const waiting = seeded.ids.waiting[0]!;
      assert.equal(await engine.apply('promote', 'payments', [waiting]), 0);
      assert.equal(await payments.getJobState(waiting), 'waiting');
      // A job a worker took between the console's read and BullMQ's command: BullMQ refuses it.
      const id = (await payments.add('charge', { amount: 11 }, { delay: 3_600_000 })).id!;
      const states = await engine.statesOf('payments', [id]);
      assert.equal(states.get(id), 'scheduled');
      await (await Job.fromId(payments, id))!.promote();
      assert.equal(await engine.apply('promote', 'payments', [id]), 0);
    });

    test('pause: the preview says what will change, the execute pauses the queue and audits it, jobs stay where they are', async () => {
      const before = await queueOf('payments');
      const previewed = await preview('ada', { action: 'queue.pause', target: { queue: 'payments' } });
      assert.equal(previewed.status, 200, JSON.stringify(previewed.body));
      assert.equal(previewed.body.count, 1);
      assert.deepEqual(previewed.body.sample, []);
      assert.deepEqual(previewed.body.queueJobs, { queued: before.counts.queued, active: before.counts.active });
      assert.equal(await payments.isPaused(), false, 'a preview changes nothing');

      const key = `pause-${hostName}`;
      const executed = await execute('ada', previewed.body.token, { 'idempotency-key': key });
      assert.equal(executed.status, 200, JSON.stringify(executed.body));
      assert.equal(executed.body.affected, 1);
      assert.equal(await payments.isPaused(), true);
      const after = await queueOf('payments');
      assert.equal(after.paused, true);
      assert.deepEqual(after.counts, before.counts, 'no job moved');

      const record = await auditOf(executed.body.auditId);
      assert.deepEqual([record.action, record.outcome, record.requested, record.affected], ['queue.pause', 'succeeded', 1, 1]);
      assert.deepEqual(record.resource, { queue: 'payments', selection: { whole: 'queue' }, ids: [] });
      assert.equal(record.reason, REASON);
      assert.ok(record.completedAt >= record.occurredAt, 'the intent was completed');

      const replayed = await execute('ada', previewed.body.token, { 'idempotency-key': key });
      assert.equal(replayed.status, 200);
      assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(replayed.body, executed.body);
      const log = await (await call('ada', 'GET', '/api/audit?action=queue.pause&queue=payments')).json();
      assert.equal(log.records.filter((entry: { outcome: string }) => entry.outcome === 'succeeded').length, 1, 'replay did not act or audit again');

      const again = await preview('ada', { action: 'queue.pause', target: { queue: 'payments' } });
      assert.equal(again.status, 400);
      assert.match(again.body.detail, /already paused/);
    });

    test('resume: refused as drift when the queue was resumed since the preview; then previewed again and resumed', async () => {
      const previewed = await preview('ada', { action: 'queue.resume', target: { queue: 'payments' } });
      assert.equal(previewed.status, 200, JSON.stringify(previewed.body));
      await payments.resume();
      await payments.pause();
      await payments.resume();
      const drifted = await execute('ada', previewed.body.token);
      assert.equal(drifted.status, 409);
      assert.match(drifted.body.detail, /paused, resumed or removed since the preview/);
      const log = await (await call('ada', 'GET', '/api/audit?action=queue.resume&outcome=drifted')).json();
      assert.equal(log.records.length, 1);
      assert.deepEqual(log.records[0].resource.selection, { whole: 'queue' });

      await payments.pause();
      const fresh = await preview('ada', { action: 'queue.resume', target: { queue: 'payments' } });
      const executed = await execute('ada', fresh.body.token);
      assert.equal(executed.status, 200, JSON.stringify(executed.body));
      assert.equal(await payments.isPaused(), false);
      assert.equal((await queueOf('payments')).paused, false);
      const record = await auditOf(executed.body.auditId);
      assert.deepEqual([record.action, record.outcome, record.affected], ['queue.resume', 'succeeded', 1]);
    });

    test('queue actions: no actor 401, a viewer or an operator without the permission 403, nothing changes', async () => {
      const body = { action: 'queue.pause', target: { queue: 'payments' } };
      for (const [user, status] of [[null, 401], ['vera', 403], ['olga', 403]] as const) {
        const response = await call(user, 'POST', '/api/actions/preview', body);
        assert.equal(response.status, status, `${user} preview`);
        assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
      }
      const previewed = await preview('ada', body);
      for (const [user, status] of [[null, 401], ['vera', 403], ['olga', 403]] as const) {
        const response = await call(user, 'POST', '/api/actions/execute', { token: previewed.body.token, reason: REASON });
        assert.equal(response.status, status, `${user} execute`);
      }
      assert.equal(await payments.isPaused(), false);
    });

    test('queue actions: bad input is a problem and changes nothing', async () => {
      const bodies: unknown[] = [
        { action: 'queue.pause', target: { queue: 'payments', ids: [seeded.ids.waiting[0]] } },
        { action: 'queue.pause', target: { queue: 'payments', filter: { state: 'queued' } } },
        { action: 'queue.pause', target: { queue: 42 } },
        { action: 'queue.pause', target: { queue: 'pay\u0000ments' } },
        { action: 'queue.pause', target: 'payments' },
        { action: 'queue.drain', target: { queue: 'payments' } },
        { action: 'queue.pause' },
      ];
      for (const body of bodies) {
        const response = await call('ada', 'POST', '/api/actions/preview', body);
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
      }
      assert.equal((await call('ada', 'POST', '/api/actions/preview', { action: 'queue.pause', target: { queue: 'no-such-queue' } })).status, 404);
      assert.equal(await payments.isPaused(), false);
      assert.equal((await stack.redis.exists(`${prefix}:no-such-queue:meta`)), 0, 'no queue was made');
    });

    test('clean: deleting the completed jobs by state removes at most the cap, audited, and says the rest are left', async () => {
      const receipts = new Queue('receipts', { connection: stack.redis, prefix });
      try {
        assert.equal((await queueOf('receipts')).counts.completed, CAP + 2);

        const previewed = await preview('olga', { action: 'job.delete', target: { queue: 'receipts', filter: { state: 'completed' } } });
        assert.equal(previewed.status, 200, JSON.stringify(previewed.body));
        assert.equal(previewed.body.count, CAP);
        assert.ok(previewed.body.warnings.some((warning: string) => warning.includes(`capped at ${CAP}`)), previewed.body.warnings.join(' | '));
        const executed = await execute('olga', previewed.body.token);
        assert.equal(executed.status, 200, JSON.stringify(executed.body));
        assert.equal(executed.body.affected, CAP);
        assert.equal((await queueOf('receipts')).counts.completed, 2);
        assert.equal(await receipts.getCompletedCount(), 2);

        const record = await auditOf(executed.body.auditId);
        assert.deepEqual([record.action, record.outcome, record.requested, record.affected], ['job.delete', 'succeeded', CAP, CAP]);
        assert.deepEqual(record.resource.selection, { filter: { state: 'completed' } });
        assert.equal(record.resource.ids.length, CAP);
      } finally {
        await receipts.close();
      }
    });
  });
}
