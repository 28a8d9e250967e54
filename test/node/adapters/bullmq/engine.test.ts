// The BullMQ engine against real Redis and jobs BullMQ itself wrote: the engine conformance suite,
// then what is BullMQ's own: discovery, cursors while jobs move in lists and sorted sets, a job's
// logs, progress and flow, keys that are no jobs, and the actions through BullMQ's commands.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Job, Queue, Worker } from 'bullmq';
import { fromBullMQ } from '../../../../adapters/bullmq/index.ts';
import { FAILED_BY_OPERATOR } from '../../../../adapters/bullmq/fail-abandoned.ts';
import type { JobEngine } from '../../../../core/index.ts';
import { InvalidInputError, OptionsError, PartlyAppliedError } from '../../../../core/errors.ts';
import { conformanceSuite } from '../../engines/conformance/suite.ts';
import { uniquePrefix, useRedis } from '../../support/redis.ts';
import { bullmqHarness } from './harness.ts';
import { PLANTED_SECRET, seedEveryState, type SeededQueue } from './seed.ts';

conformanceSuite(bullmqHarness);

/** Every id a listing gives, page by page of `limit`, following its cursors. */
async function walk(engine: JobEngine, queue: string, state: Parameters<JobEngine['listJobs']>[0]['state'], limit: number): Promise<string[]> {
  const ids: string[] = [];
  let after: readonly (string | number)[] | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await engine.listJobs({ queue, ...(state ? { state } : {}), limit, ...(after ? { after } : {}) });
    assert.ok(page.jobs.length <= limit);
    ids.push(...page.jobs.map((job) => job.id));
    if (page.next === null) return ids;
    after = page.next;
  }
  throw new Error('the listing did not end');
}

test('fromBullMQ refuses a missing connection and an ioredis keyPrefix, naming the fix', () => {
  assert.throws(() => fromBullMQ({} as never), (error: unknown) => error instanceof OptionsError && /ioredis client/.test(error.message));
  const prefixed = { pipeline() {}, scan() {}, duplicate() {}, disconnect() {}, options: { keyPrefix: 'app:' } };
  assert.throws(() => fromBullMQ({ connection: prefixed as never }), (error: unknown) => error instanceof OptionsError && /keyPrefix/.test(error.message));
  const connection = { pipeline() {}, scan() {}, duplicate() {}, disconnect() {}, options: {} };
  assert.throws(() => fromBullMQ({ connection: connection as never, queues: ['a:b'] }), OptionsError);
  assert.deepEqual(fromBullMQ({ connection: connection as never }).capabilities, {
    states: ['queued', 'scheduled', 'blocked', 'active', 'completed', 'failed'],
    actions: { retry: ['failed'], promote: ['scheduled'], delete: ['queued', 'scheduled', 'blocked', 'completed', 'failed'], fail: ['active'] },
    queueActions: ['pause', 'resume'],
    queueSettings: [
      { name: 'globalConcurrency', type: 'integer', min: 1, nullable: true },
      { name: 'rateLimitMax', type: 'integer', min: 1, nullable: true, pairedWith: 'rateLimitDurationMs' },
      { name: 'rateLimitDurationMs', type: 'integer', min: 1, unit: 'milliseconds', nullable: true, pairedWith: 'rateLimitMax' },
    ],
    scheduleActions: ['run', 'remove'],
    sharedTransactions: false,
    dataFilters: false,
  });
});

describe('the BullMQ engine on real Redis', () => {
  const redis = useRedis();
  let prefix: string;
  let seeded: SeededQueue;
  let engine: JobEngine;
  before(async () => {
    prefix = uniquePrefix('engine');
    redis.prefixes.push(prefix);
    seeded = await seedEveryState(redis.client(), prefix);
    engine = fromBullMQ({ connection: redis.client(), prefix, discoveryIntervalMs: 0 });
  });

  test('discovers the queues under its prefix, and a queue created later', async () => {
    assert.deepEqual((await engine.listQueues()).map((queue) => queue.name), ['payments', 'payments-children']);
    const later = new Queue('refunds', { connection: redis.client(), prefix });
    await later.getVersion();
    await later.add('refund', {});
    assert.deepEqual((await engine.listQueues()).map((queue) => queue.name), ['payments', 'payments-children', 'refunds']);
    await later.obliterate({ force: true });
    await later.close();
    assert.equal(await engine.findQueue('no-such-queue'), null);
    assert.equal(await engine.findQueue('pay:ments'), null);
    const payments = await engine.findQueue('payments');
    assert.equal(payments?.paused, false);
  });

  test('describes its deployment for the doctor: the Redis version, which it supports', async () => {
    const description = await fromBullMQ({ connection: redis.client(), prefix, version: '6.7.6' }).describe!();
    assert.equal(description.engine, 'bullmq');
    assert.equal(description.version, '6.7.6');
    assert.deepEqual(description.problems, []);
    assert.match(description.supported, /Redis \d+\.\d+/);
  });

  test("discovery matches its prefix literally, even one with SCAN's pattern characters", async () => {
    const base = uniquePrefix('glob');
    const literal = `${base}[x]*`;
    const lookalike = `${base}xyz`;
    redis.prefixes.push(literal, lookalike);
    for (const [where, name] of [[literal, 'mine'], [lookalike, 'theirs']] as const) {
      const queue = new Queue(name, { connection: redis.client(), prefix: where });
      await queue.getVersion();
      await queue.close();
    }
    const discovering = fromBullMQ({ connection: redis.client(), prefix: literal });
    assert.deepEqual((await discovering.listQueues()).map((queue) => queue.name), ['mine']);
  });

  test("looks at each queue's health: the oldest ready job, and running jobs whose worker let go of their lock", async () => {
    const client = redis.client();
    const [oldestCreated] = await client.hmget(`${prefix}:payments:${seeded.ids.waiting[0]}`, 'timestamp');
    const [health, ...others] = await engine.inspectQueues!(['payments', 'no-such-queue']);
    assert.deepEqual(others, [], 'an unknown queue has no entry');
    assert.deepEqual(health, { queue: 'payments', oldestReadySince: new Date(Number(oldestCreated)).toISOString(), overdue: { count: 0, more: false, jobs: [] } });
    // The worker holding the running job dies: its lock expires, and nothing has taken the job back yet.
    const lock = `${prefix}:payments:${seeded.ids.active[0]}:lock`;
    const token = await client.get(lock);
    assert.ok(token, 'the seeded running job is locked by its worker');
    await client.del(lock);
    try {
      const [orphaned] = await engine.inspectQueues!(['payments']);
      assert.deepEqual(orphaned?.overdue, { count: 1, more: false, jobs: [seeded.ids.active[0]] });
    } finally {
      await client.set(lock, token, 'PX', 600_000);
    }
  });

  test("reads a job's flow up to its root and down to every child, the parent waiting on its children", async () => {
    const { parent, children } = seeded.ids;
    const fromChild = await engine.getFlow!('payments-children', children[1]!);
    assert.ok(fromChild);
    assert.equal(fromChild.steps[0]?.id, children[1], 'the job asked about first');
    assert.deepEqual(fromChild.steps.map((step) => `${step.queue}/${step.id}/${step.state}`).sort(), [
      `payments-children/${children[0]}/queued`, `payments-children/${children[1]}/queued`, `payments/${parent}/blocked`,
    ].sort());
    assert.deepEqual(fromChild.dependencies.map((edge) => `${edge.waiting.id} -> ${edge.on.id}`).sort(), children.map((child) => `${parent} -> ${child}`).sort());
    assert.equal(fromChild.more, false);
    assert.equal((await engine.getFlow!('payments', parent))?.steps.length, 3);
    assert.equal(await engine.getFlow!('payments', seeded.ids.failed[0]!), null, 'a job in no flow');
    assert.equal(await engine.getFlow!('payments', 'no-such-job'), null);
  });

  test('an explicit list of queues is exactly those', async () => {
    const listed = fromBullMQ({ connection: redis.client(), prefix, queues: ['payments'] });
    assert.deepEqual((await listed.listQueues()).map((queue) => queue.name), ['payments']);
    assert.equal(await listed.findQueue('payments-children'), null);
    assert.deepEqual((await listed.listJobs({ queue: 'payments-children', limit: 10 })).jobs, []);
  });

  test('counts every state exactly, from LLEN and ZCARD', async () => {
    const [counts] = await engine.countJobs(['payments', 'no-such-queue']);
    assert.deepEqual(counts, {
      queue: 'payments',
      counts: { queued: 3, scheduled: 2, blocked: 1, active: 1, completed: 2, failed: 3 },
      total: 12,
      stale: {},
    });
  });

  test('lists each state newest first, in pages whose cursors cover every job once', async () => {
    const { ids } = seeded;
    assert.deepEqual(await walk(engine, 'payments', 'failed', 2), [...ids.failed].reverse());
    assert.deepEqual(await walk(engine, 'payments', 'completed', 1), [...ids.completed].reverse());
    assert.deepEqual(await walk(engine, 'payments', 'queued', 1), [...ids.prioritized, ...[...ids.waiting].reverse()]);
    assert.deepEqual(await walk(engine, 'payments', 'scheduled', 5), [...ids.delayed].reverse());
    assert.deepEqual(await walk(engine, 'payments', 'blocked', 5), [ids.parent]);
    assert.deepEqual(await walk(engine, 'payments', 'active', 5), ids.active);
    // Every state, merged newest first by when each job was created, whatever page size.
    const created = [...ids.failed.slice(0, 3), ...ids.completed, ...ids.active, ...ids.waiting, ...ids.prioritized, ...ids.delayed, ids.parent];
    for (const limit of [1, 3, 5, 12, 13]) assert.deepEqual(await walk(engine, 'payments', undefined, limit), [...created].reverse(), `limit ${limit}`);
    const first = (await engine.listJobs({ queue: 'payments', state: 'failed', limit: 1 })).jobs[0]!;
    assert.equal(first.state, 'failed');
    assert.equal(first.errorMessage?.includes('card was declined'), true);
    assert.deepEqual(first.attempts, { made: 1, max: 1 });
    assert.ok(first.finishedAt && first.startedAt && first.createdAt <= first.finishedAt);
  });

  test('a cursor stays right while jobs enter and leave before it', async () => {
    const queue = new Queue('moving', { connection: redis.client(), prefix });
    try {
      const added = (await queue.addBulk(Array.from({ length: 6 }, (_, index) => ({ name: 'n', data: { index } })))).map((job) => job.id!);
      const newestFirst = [...added].reverse();
      const first = await engine.listJobs({ queue: 'moving', state: 'queued', limit: 2 });
      assert.deepEqual(first.jobs.map((job) => job.id), newestFirst.slice(0, 2));
      // New jobs enter at the head: indexes shift, the next page does not repeat.
      await queue.addBulk([{ name: 'n', data: {} }, { name: 'n', data: {} }]);
      const second = await engine.listJobs({ queue: 'moving', state: 'queued', limit: 2, after: first.next! });
      assert.deepEqual(second.jobs.map((job) => job.id), newestFirst.slice(2, 4));
      // The job at the cursor leaves while more arrive: the next page starts with the job after it.
      await queue.remove(newestFirst[3]!);
      await queue.addBulk([{ name: 'n', data: {} }, { name: 'n', data: {} }, { name: 'n', data: {} }]);
      const third = await engine.listJobs({ queue: 'moving', state: 'queued', limit: 2, after: second.next! });
      assert.deepEqual(third.jobs.map((job) => job.id), newestFirst.slice(4, 6));
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  test('a sorted-set cursor goes on by rank while its job stays, and by score once it has left', async () => {
    const queue = new Queue('later', { connection: redis.client(), prefix });
    try {
      const added = (await queue.addBulk([0, 1, 2, 3].map((index) => ({ name: 'n', data: {}, opts: { delay: 3_600_000 + index * 1000 } })))).map((job) => job.id!);
      const first = await engine.listJobs({ queue: 'later', state: 'scheduled', limit: 1 });
      assert.deepEqual(first.jobs.map((job) => job.id), [added[3]]);
      // A job due later is added before the cursor: ranks shift, the page does not repeat.
      await queue.add('n', {}, { delay: 7_200_000 });
      const second = await engine.listJobs({ queue: 'later', state: 'scheduled', limit: 1, after: first.next! });
      assert.deepEqual(second.jobs.map((job) => job.id), [added[2]]);
      // The job at the cursor is promoted out of the delayed set: the listing goes on below its score.
      await (await queue.getJob(added[2]!))!.promote();
      const third = await engine.listJobs({ queue: 'later', state: 'scheduled', limit: 5, after: second.next! });
      assert.deepEqual(third.jobs.map((job) => job.id), [added[1], added[0]]);
      assert.equal(third.next, null);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  test('many jobs sharing one score: the cursor steps over them in bounded reads, skipping none', async () => {
    // 300 jobs that failed in the same millisecond, written as BullMQ writes them.
    const client = redis.client();
    const finished = Date.now() - 1000;
    const ids = Array.from({ length: 300 }, (_, index) => `t${String(index).padStart(3, '0')}`);
    const pipeline = client.pipeline();
    for (const id of ids) {
      pipeline.hset(`${prefix}:ties:${id}`, { name: 'n', data: '{}', opts: '{}', timestamp: finished - 10, delay: 0, priority: 0, finishedOn: finished, processedOn: finished - 5, atm: 1, failedReason: 'x' });
      pipeline.zadd(`${prefix}:ties:failed`, finished, id);
    }
    pipeline.hset(`${prefix}:ties:meta`, 'opts.maxLenEvents', 10000);
    await pipeline.exec();
    const seen: string[] = [];
    let page = await engine.listJobs({ queue: 'ties', state: 'failed', limit: 50 });
    let removed: string | undefined;
    for (let pages = 1; pages < 20; pages += 1) {
      seen.push(...page.jobs.map((job) => job.id));
      if (!page.next) break;
      if (pages === 3) {
        // The cursor's job leaves: more than a window of jobs share its score above it.
        removed = String(page.next[2]);
        await client.zrem(`${prefix}:ties:failed`, removed);
      }
      page = await engine.listJobs({ queue: 'ties', state: 'failed', limit: 50, after: page.next });
    }
    assert.equal(removed, 't150');
    assert.deepEqual(seen, [...ids].reverse(), 'every job once, in order');
  });

  test('a job waiting out a retry backoff is scheduled, due when its backoff ends', async () => {
    const queue = new Queue('backoff', { connection: redis.client(), prefix });
    const worker = new Worker('backoff', null, { connection: redis.client(), prefix, autorun: false });
    try {
      const dayAgo = Date.now() - 86_400_000;
      await queue.add('n', {}, { attempts: 2, backoff: { type: 'fixed', delay: 3 * 3_600_000 }, timestamp: dayAgo });
      const job = await worker.getNextJob('token', { block: false });
      await job!.moveToFailed(new Error('try again later'), 'token', false);
      const [row] = (await engine.listJobs({ queue: 'backoff', state: 'scheduled', limit: 5 })).jobs;
      assert.equal(row?.id, job!.id);
      assert.deepEqual(row?.attempts, { made: 1, max: 2 });
      assert.equal(row?.errorMessage, 'try again later');
      // Due three hours after the failure, not three hours after it was created a day ago.
      assert.ok(Date.parse(row!.runAfter!) > Date.now() + 2 * 3_600_000, row?.runAfter ?? 'no runAfter');
      assert.equal((await engine.getJob('backoff', job!.id!))?.runAfter, row?.runAfter);
      const [selected] = (await engine.selectForAction('delete', 'backoff', { ids: [job!.id!] }, 5)).jobs;
      assert.equal(selected?.runAfter, row?.runAfter);
    } finally {
      await worker.close(true);
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  test('refuses a cursor it did not make, before it reaches Redis', async () => {
    for (const after of [['wait', -1, '1'], ['nope', 0, '1'], ['delayed', 'NaN; FLUSHALL', '1'], ['failed', '12', ''], ['wait', 0]]) {
      await assert.rejects(engine.listJobs({ queue: 'payments', state: 'failed', limit: 5, after: after as never }), InvalidInputError, JSON.stringify(after));
    }
    await assert.rejects(engine.listJobs({ queue: 'payments', state: 'cancelled', limit: 5 }), InvalidInputError);
    assert.deepEqual(await engine.listJobs({ queue: 'no-such-queue', state: 'failed', limit: 5 }), { jobs: [], next: null });
  });

  test("shows a job's data, output, failure with stack, log lines, progress and family", async () => {
    const failed = await engine.getJob('payments', seeded.ids.failed[0]!);
    assert.equal(failed?.state, 'failed');
    assert.equal((failed?.data as { cardToken: string }).cardToken, PLANTED_SECRET);
    assert.match(failed?.error?.message ?? '', /card was declined/);
    assert.match(failed?.error?.stack ?? '', /CardDeclined|Error/);
    assert.equal(failed?.options.name, 'charge');
    assert.equal(failed?.options.attempts, 1);

    const completed = await engine.getJob('payments', seeded.ids.completed[0]!);
    assert.equal(completed?.state, 'completed');
    assert.deepEqual(completed?.output, { receipt: 'r_3', token: PLANTED_SECRET });
    assert.deepEqual(completed?.logs, { lines: ['charging', 'charged'], total: 2 });
    assert.deepEqual(completed?.progress, { percent: 100, token: PLANTED_SECRET });
    const waiting = await engine.getJob('payments', seeded.ids.waiting[0]!);
    assert.equal(waiting?.progress, undefined, 'a job that never reported progress has none');
    assert.equal(completed?.error, null);

    const parent = await engine.getJob('payments', seeded.ids.parent);
    assert.equal(parent?.state, 'blocked');
    assert.equal(parent?.family?.children.pending, 2);
    assert.deepEqual(parent?.family?.children.sample.map((child) => child.id).sort(), [...seeded.ids.children].sort());
    const child = await engine.getJob('payments-children', seeded.ids.children[0]!);
    assert.deepEqual(child?.family?.parent, { queue: 'payments', id: seeded.ids.parent });

    const delayed = await engine.getJob('payments', seeded.ids.delayed[0]!);
    assert.equal(delayed?.state, 'scheduled');
    assert.ok(delayed?.runAfter && delayed.runAfter > delayed.createdAt);
    assert.equal((await engine.getJob('payments', seeded.ids.active[0]!))?.state, 'active');
    assert.equal((await engine.getJob('payments', seeded.ids.prioritized[0]!))?.priority, 5);
    assert.equal(await engine.getJob('payments', 'no-such-job'), null);
    assert.equal(await engine.getJob('no-such-queue', seeded.ids.failed[0]!), null);
  });

  test('reads the state of every job by key, and of none that is missing', async () => {
    const { ids } = seeded;
    const states = await engine.statesOf('payments', [...ids.failed, ...ids.completed, ...ids.active, ...ids.waiting, ...ids.prioritized, ...ids.delayed, ids.parent, 'missing']);
    const expected = new Map([
      ...ids.failed.map((id) => [id, 'failed'] as const), ...ids.completed.map((id) => [id, 'completed'] as const),
      ...ids.active.map((id) => [id, 'active'] as const), ...ids.waiting.map((id) => [id, 'queued'] as const),
      ...ids.prioritized.map((id) => [id, 'queued'] as const), ...ids.delayed.map((id) => [id, 'scheduled'] as const),
      [ids.parent, 'blocked'] as const,
    ]);
    assert.deepEqual(new Map(states), expected);
  });

  test('selects jobs for an action by ids and by state, saying which are missing or not eligible', async () => {
    const { ids } = seeded;
    const byIds = await engine.selectForAction('retry', 'payments', { ids: [...ids.failed, ids.completed[0]!, 'missing'] }, 2);
    assert.deepEqual(byIds.jobs.map((job) => job.state), ['failed', 'failed']);
    assert.equal(byIds.eligible, 3);
    assert.equal(byIds.ineligible, 1);
    assert.deepEqual(byIds.missing, ['missing']);
    const byState = await engine.selectForAction('retry', 'payments', { filter: { state: 'failed' } }, 2);
    assert.deepEqual(byState.jobs.map((job) => job.id), [ids.failed[2], ids.failed[1]]);
    assert.equal(byState.eligible, 3);
    const wrongState = await engine.selectForAction('retry', 'payments', { filter: { state: 'completed' } }, 2);
    assert.deepEqual([wrongState.jobs.length, wrongState.eligible], [0, 0]);
    await assert.rejects(engine.selectForAction('cancel', 'payments', { ids: ids.failed }, 2), InvalidInputError);
  });
});

describe('BullMQ engine actions on real Redis', () => {
  const redis = useRedis();
  let prefix: string;
  let seeded: SeededQueue;
  let engine: JobEngine;
  before(async () => {
    prefix = uniquePrefix('actions');
    redis.prefixes.push(prefix);
    seeded = await seedEveryState(redis.client(), prefix);
    engine = fromBullMQ({ connection: redis.client(), prefix, queues: ['payments', 'payments-children'] });
  });

  test('retry moves failed jobs back to wait, once, and leaves any other job alone', async () => {
    const { failed, completed } = seeded.ids;
    assert.equal(await engine.apply('retry', 'payments', [failed[0]!, failed[1]!, completed[0]!, 'missing']), 2);
    const states = await engine.statesOf('payments', [failed[0]!, failed[1]!, completed[0]!]);
    assert.deepEqual([...states.values()], ['queued', 'queued', 'completed']);
    assert.equal(await engine.apply('retry', 'payments', [failed[0]!]), 0, 'no longer failed');
    const queued = (await engine.listJobs({ queue: 'payments', state: 'queued', limit: 10 })).jobs.filter((job) => failed.includes(job.id));
    assert.deepEqual(queued.map((job) => job.id), [failed[1], failed[0]], 'listed by when they were created');
    assert.deepEqual(queued.map((job) => job.errorMessage), [null, null]);
  });

  test('delete removes jobs for good, and a job a worker holds is refused by BullMQ and not counted', async () => {
    const { completed, delayed, active } = seeded.ids;
    assert.equal(await engine.apply('delete', 'payments', [completed[1]!, delayed[0]!, active[0]!]), 2);
    assert.equal(await engine.getJob('payments', completed[1]!), null);
    assert.equal(await engine.getJob('payments', delayed[0]!), null);
    assert.equal((await engine.getJob('payments', active[0]!))?.state, 'active');
    const [counts] = await engine.countJobs(['payments']);
    assert.equal(counts?.counts.completed, 1);
    assert.equal(counts?.counts.scheduled, 1);
  });

  test("an id that names one of the queue's own keys is no job: not shown, not selected, never removed", async () => {
    const client = redis.client();
    const keysBefore = await client.exists(...['wait', 'meta', 'failed', 'events', 'id', 'prioritized'].map((part) => `${prefix}:payments:${part}`));
    const names = ['wait', 'meta', 'failed', 'events', 'id', 'prioritized', `${seeded.ids.parent}:dependencies`];
    for (const id of names) assert.equal(await engine.getJob('payments', id), null, id);
    assert.equal((await engine.statesOf('payments', names)).size, 0);
    const selected = await engine.selectForAction('delete', 'payments', { ids: names }, 50);
    assert.deepEqual([selected.jobs, [...selected.missing].sort()], [[], [...names].sort()]);
    assert.equal(await engine.apply('delete', 'payments', names), 0);
    assert.equal(await client.exists(...['wait', 'meta', 'failed', 'events', 'id', 'prioritized'].map((part) => `${prefix}:payments:${part}`)), keysBefore);
    assert.equal(await client.scard(`${prefix}:payments:${seeded.ids.parent}:dependencies`), 2);
  });

  test("fail moves a stuck job with BullMQ's retry rules: attempts left go back to run again, after their backoff", async () => {
    const connection = { connection: redis.client(), prefix };
    const queue = new Queue('stuck', connection);
    const worker = new Worker('stuck', null, { ...connection, autorun: false, lockDuration: 600_000 });
    const stuckEngine = fromBullMQ({ connection: redis.client(), prefix, queues: ['stuck'] });
    try {
      const backoff = await queue.add('n', { apiKey: PLANTED_SECRET }, { attempts: 3, backoff: { type: 'fixed', delay: 3_600_000 } });
      const again = await queue.add('n', {}, { attempts: 2 });
      const last = await queue.add('n', {}, { attempts: 1 });
      const taken: string[] = [];
      for (let index = 0; index < 3; index += 1) taken.push((await worker.getNextJob('live-token', { block: false }))!.id!);
      assert.deepEqual([...taken].sort(), [backoff.id, again.id, last.id].sort());
      // Their worker dies: every lock is gone.
      for (const id of taken) await redis.client().del(`${prefix}:stuck:${id}:lock`);

      const selected = await stuckEngine.selectForAction('fail', 'stuck', { filter: { state: 'active' } }, 10);
      assert.equal(selected.eligible, 3);
      const warnings = (selected.warnings ?? []).join(' ');
      assert.match(warnings, /2 of these jobs have attempts left, so BullMQ runs them again \(at once, or after their backoff\), and the other fails for good/);
      assert.ok(!warnings.includes(PLANTED_SECRET));

      assert.equal(await stuckEngine.apply('fail', 'stuck', taken), 3);
      const states = await stuckEngine.statesOf('stuck', taken);
      assert.deepEqual([states.get(backoff.id!), states.get(again.id!), states.get(last.id!)], ['scheduled', 'queued', 'failed']);
      for (const id of taken) {
        const job = await Job.fromId(queue, id);
        assert.equal(job?.failedReason, FAILED_BY_OPERATOR);
        assert.equal(job?.attemptsMade, 1);
        assert.equal(await redis.client().exists(`${prefix}:stuck:${id}:lock`), 0, 'no lock left behind');
      }
      // A worker that only hung comes back: BullMQ refuses what it reports.
      await assert.rejects((await Job.fromId(queue, last.id!))!.moveToCompleted('late', 'live-token', false));
      assert.equal((await stuckEngine.statesOf('stuck', [last.id!])).get(last.id!), 'failed');
    } finally {
      await worker.close(true);
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  test("fail refuses a stuck job whose retry delay only the host's worker can work out, and leaves it as it was", async () => {
    const connection = { connection: redis.client(), prefix };
    const queue = new Queue('custom', connection);
    const worker = new Worker('custom', null, { ...connection, autorun: false, lockDuration: 600_000 });
    const customEngine = fromBullMQ({ connection: redis.client(), prefix, queues: ['custom'] });
    try {
      const added = await queue.add('n', {}, { attempts: 3, backoff: { type: 'jittered-by-host' } });
      const plain = await queue.add('n', {});
      await worker.getNextJob('live-token', { block: false });
      await worker.getNextJob('live-token', { block: false });
      for (const id of [added.id!, plain.id!]) await redis.client().del(`${prefix}:custom:${id}:lock`);
      await assert.rejects(customEngine.apply('fail', 'custom', [added.id!, plain.id!]), (error: unknown) => {
        assert.ok(error instanceof PartlyAppliedError, 'the job failed beside it is counted');
        assert.equal(error.affected, 1);
        assert.match(error.message, /backoff strategy of the host's own/);
        return true;
      });
      assert.equal((await customEngine.statesOf('custom', [plain.id!])).get(plain.id!), 'failed');
      await assert.rejects(customEngine.apply('fail', 'custom', [added.id!]), (error: unknown) => !(error instanceof PartlyAppliedError) && /backoff strategy of the host's own/.test(String(error)));
      assert.equal((await customEngine.statesOf('custom', [added.id!])).get(added.id!), 'active');
      assert.equal((await Job.fromId(queue, added.id!))?.failedReason, undefined);
      assert.equal(await redis.client().exists(`${prefix}:custom:${added.id}:lock`), 0, 'the console let go of the lock it took');
    } finally {
      await worker.close(true);
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  test('fail leaves a job its live worker holds, and a job that is not running, untouched', async () => {
    const connection = { connection: redis.client(), prefix };
    const queue = new Queue('held', connection);
    const worker = new Worker('held', null, { ...connection, autorun: false, lockDuration: 600_000 });
    const heldEngine = fromBullMQ({ connection: redis.client(), prefix, queues: ['held'] });
    try {
      const running = await queue.add('n', {});
      await worker.getNextJob('live-token', { block: false });
      const waiting = await queue.add('n', {});
      const lock = `${prefix}:held:${running.id}:lock`;
      assert.equal(await redis.client().get(lock), 'live-token');
      const selected = await heldEngine.selectForAction('fail', 'held', { ids: [running.id!, waiting.id!] }, 10);
      assert.deepEqual([selected.jobs, selected.eligible, selected.ineligible, selected.held], [[], 0, 2, 1]);
      assert.equal(await heldEngine.apply('fail', 'held', [running.id!, waiting.id!]), 0);
      assert.equal(await redis.client().get(lock), 'live-token', 'the worker keeps its lock');
      assert.deepEqual([...(await heldEngine.statesOf('held', [running.id!, waiting.id!])).values()], ['active', 'queued']);
      assert.equal(await redis.client().exists(`${prefix}:held:${waiting.id}:lock`), 0, 'no lock left on the waiting job');
    } finally {
      await worker.close(true);
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  test('refuses an action BullMQ has no command for', async () => {
    await assert.rejects(engine.apply('resume', 'payments', [seeded.ids.failed[2]!]), InvalidInputError);
  });
});
