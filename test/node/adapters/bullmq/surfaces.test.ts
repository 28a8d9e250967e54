// The BullMQ engine's reads for the console's other views, against real Redis and what BullMQ
// itself wrote: a job found by its whole id in every queue, the workers Redis sees connected, and
// the job schedulers page by page with their next runs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Queue, Worker } from 'bullmq';
import { fromBullMQ } from '../../../../adapters/bullmq/index.ts';
import type { JobEngine } from '../../../../core/index.ts';
import { InvalidInputError } from '../../../../core/errors.ts';
import { uniquePrefix, useRedis } from '../../support/redis.ts';

describe('BullMQ: finding a job by its id', () => {
  const redis = useRedis();
  let engine: JobEngine;
  before(async () => {
    const prefix = uniquePrefix('find');
    redis.prefixes.push(prefix);
    const connection = { connection: redis.client(), prefix };
    for (const name of ['orders', 'refunds', 'audits']) {
      const queue = new Queue(name, connection);
      if (name !== 'audits') await queue.add('order', { n: 1 }, { jobId: 'order-77', ...(name === 'refunds' ? { delay: 3_600_000 } : {}) });
      await queue.add('plain', { n: 2 });
      await queue.close();
    }
    engine = fromBullMQ({ connection: redis.client(), prefix, queues: ['orders', 'refunds', 'audits'] });
  });

  test('finds a whole id in every queue that holds it, with its state', async () => {
    const found = await engine.findJobs!('order-77', 10);
    assert.deepEqual(found.map((job) => [job.queue, job.id, job.state]), [['orders', 'order-77', 'queued'], ['refunds', 'order-77', 'scheduled']]);
    assert.ok(found[1]!.runAfter !== null && Date.parse(found[1]!.runAfter) > Date.now() + 3_000_000, 'the delayed job says when it is due');
    assert.deepEqual((await engine.findJobs!('1', 10)).map((job) => job.queue), ['audits'], "BullMQ's counter ids repeat across queues; here only audits counted from 1");
    assert.equal((await engine.findJobs!('order-77', 1)).length, 1, 'at most the limit');
  });

  test('finds only whole ids, and never one of a queue\'s own keys', async () => {
    assert.deepEqual(await engine.findJobs!('order-7', 10), [], 'a prefix finds nothing: BullMQ has no index of ids');
    assert.deepEqual(await engine.findJobs!('wait', 10), []);
    assert.deepEqual(await engine.findJobs!('meta', 10), []);
    await assert.rejects(engine.findJobs!('bad\u0000id', 10), (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'id');
  });
});

describe('BullMQ: workers', () => {
  const redis = useRedis();
  let prefix: string;
  const workers: Worker[] = [];
  before(async () => {
    prefix = uniquePrefix('workers');
    redis.prefixes.push(prefix, `${prefix}-other`);
    const options = { connection: redis.client(), prefix };
    workers.push(new Worker('thumbnails', async () => {}, { ...options, name: 'resizer-1', concurrency: 4 }));
    workers.push(new Worker('emails', async () => {}, options));
    // Under another prefix: not this engine's.
    workers.push(new Worker('thumbnails', async () => {}, { connection: redis.client(), prefix: `${prefix}-other` }));
    await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  });
  after(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
  });

  test("lists each connected worker of the engine's queues, with what Redis can tell of it", async () => {
    const engine = fromBullMQ({ connection: redis.client(), prefix, queues: ['emails', 'thumbnails'] });
    const before = Date.now();
    const page = await engine.listInstances!(10);
    assert.equal(page.more, false);
    const byQueue = new Map(page.instances.map((instance) => [instance.workers[0]!.queue, instance]));
    assert.deepEqual([...byQueue.keys()].sort(), ['emails', 'thumbnails']);
    assert.equal(page.instances.length, 2);
    const named = byQueue.get('thumbnails')!;
    assert.equal(named.name, 'resizer-1');
    assert.equal(byQueue.get('emails')!.name, null);
    for (const instance of page.instances) {
      assert.match(instance.host, /^127\.0\.0\.1:\d+$/);
      assert.ok(Date.parse(instance.startedAt) <= before + 1000 && Date.parse(instance.startedAt) > before - 120_000);
      assert.ok(Date.parse(instance.lastSeenAt) >= Date.parse(instance.startedAt));
      assert.equal(instance.stoppedAt, null);
      assert.equal(instance.heartbeatSeconds, null);
      assert.equal(instance.pid, null, "BullMQ cannot tell a worker's process id");
      assert.deepEqual(instance.workers, [{ queue: instance.workers[0]!.queue, concurrency: null, active: null, lastFetchedAt: null, lastFinishedAt: null, lastErrorAt: null }]);
    }
    assert.equal(new Set(page.instances.map((instance) => instance.id)).size, 2);

    const one = await engine.listInstances!(1);
    assert.equal(one.instances.length, 1);
    assert.equal(one.more, true);
    const onlyEmails = await fromBullMQ({ connection: redis.client(), prefix, queues: ['emails'] }).listInstances!(10);
    assert.deepEqual(onlyEmails.instances.map((instance) => instance.workers[0]!.queue), ['emails'], 'only the queues the engine shows');
  });

  test('a worker that stopped is gone from the list', async () => {
    const engine = fromBullMQ({ connection: redis.client(), prefix, queues: ['emails', 'thumbnails'] });
    await workers[1]!.close();
    const page = await engine.listInstances!(10);
    assert.deepEqual(page.instances.map((instance) => instance.workers[0]!.queue), ['thumbnails']);
  });
});

describe('BullMQ: job schedulers', () => {
  const redis = useRedis();
  let prefix: string;
  let engine: JobEngine;
  before(async () => {
    prefix = uniquePrefix('schedules');
    redis.prefixes.push(prefix);
    const connection = { connection: redis.client(), prefix };
    const reports = new Queue('reports', connection);
    await reports.upsertJobScheduler('nightly', { pattern: '0 3 * * *', tz: 'Europe/Paris' }, { name: 'report', data: { kind: 'daily', to: 'ops@example.test' } });
    await reports.upsertJobScheduler('every-10m', { every: 600_000 }, { name: 'sweep' });
    await reports.upsertJobScheduler('b-once', { pattern: '*/5 * * * *', limit: 1 }, { name: 'once' });
    await reports.close();
    const alerts = new Queue('alerts', connection);
    await alerts.upsertJobScheduler('zz', { pattern: '0 * * * *', tz: 'UTC' }, { name: 'ping', data: { n: 1 } });
    await alerts.close();
    const empty = new Queue('empty', connection);
    await empty.add('job', {});
    await empty.close();
    engine = fromBullMQ({ connection: redis.client(), prefix, discoveryIntervalMs: 0 });
  });

  test('pages through every queue\'s schedulers by queue, then key', async () => {
    const first = await engine.listSchedules!({ limit: 2 });
    assert.deepEqual(first.schedules.map((schedule) => [schedule.queue, schedule.key]), [['alerts', 'zz'], ['reports', 'b-once']]);
    assert.deepEqual(first.next, ['reports', 'b-once']);
    const second = await engine.listSchedules!({ limit: 2, after: first.next! });
    assert.deepEqual(second.schedules.map((schedule) => [schedule.queue, schedule.key]), [['reports', 'every-10m'], ['reports', 'nightly']]);
    assert.equal(second.next, null);
    const alerts = await engine.listSchedules!({ queue: 'alerts', limit: 10 });
    assert.deepEqual(alerts.schedules.map((schedule) => schedule.key), ['zz']);
    assert.deepEqual(await engine.listSchedules!({ queue: 'nowhere', limit: 10 }), { schedules: [], next: null });
    await assert.rejects(engine.listSchedules!({ limit: 2, after: [1] }), (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'cursor');
  });

  test('describes a cron scheduler: its zone, next runs as BullMQ works them out, data and the job it made', async () => {
    const [nightly] = (await engine.listSchedules!({ queue: 'reports', limit: 10 })).schedules.filter((schedule) => schedule.key === 'nightly');
    assert.ok(nightly);
    assert.equal(nightly.kind, 'cron');
    assert.equal(nightly.expression, '0 3 * * *');
    assert.equal(nightly.timeZone, 'Europe/Paris');
    assert.deepEqual(nightly.data, { kind: 'daily', to: 'ops@example.test' });
    assert.equal(nightly.nextRuns.length, 3);
    for (const run of nightly.nextRuns) {
      const parisHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(run));
      assert.equal(parisHour, '03:00');
    }
    assert.equal(Date.parse(nightly.nextRuns[1]!) - Date.parse(nightly.nextRuns[0]!), 86_400_000);
    assert.ok(Date.parse(nightly.nextRuns[0]!) > Date.now());
    assert.equal(nightly.lastJob?.id, `repeat:nightly:${Date.parse(nightly.nextRuns[0]!)}`);
    assert.equal(nightly.lastJob?.state, 'scheduled');
    assert.ok(nightly.lastJob?.createdAt && Date.parse(nightly.lastJob.createdAt) <= Date.now(), 'made before its run, when the scheduler was written');
    assert.equal(nightly.missedRunAt, null);
  });

  test('describes an interval as a recurrence rule, and stops the next runs at a limit', async () => {
    const schedules = (await engine.listSchedules!({ queue: 'reports', limit: 10 })).schedules;
    const sweep = schedules.find((schedule) => schedule.key === 'every-10m')!;
    assert.equal(sweep.kind, 'rrule');
    assert.equal(sweep.expression, 'FREQ=SECONDLY;INTERVAL=600');
    assert.equal(sweep.nextRuns.length, 3);
    assert.equal(Date.parse(sweep.nextRuns[1]!) - Date.parse(sweep.nextRuns[0]!), 600_000);
    assert.equal(sweep.data, null);
    assert.ok(sweep.lastJob?.state === 'queued' || sweep.lastJob?.state === 'scheduled');
    const once = schedules.find((schedule) => schedule.key === 'b-once')!;
    assert.equal(once.nextRuns.length, 1, 'a scheduler limited to one run has one left');
  });

  test('describes an interval of no whole number of seconds as an ISO 8601 duration, and finds a scheduler by key', async () => {
    const queue = new Queue('pulse', { connection: redis.client(), prefix });
    await queue.upsertJobScheduler('heartbeat', { every: 1500 }, { name: 'beat', data: { n: 1 } });
    await queue.upsertJobScheduler('whole', { every: 2000 }, { name: 'beat' });
    await queue.close();
    const schedules = (await engine.listSchedules!({ queue: 'pulse', limit: 10 })).schedules;
    const heartbeat = schedules.find((schedule) => schedule.key === 'heartbeat')!;
    assert.deepEqual([heartbeat.kind, heartbeat.expression], ['interval', 'PT1.5S']);
    assert.equal(Date.parse(heartbeat.nextRuns[1]!) - Date.parse(heartbeat.nextRuns[0]!), 1500);
    const whole = schedules.find((schedule) => schedule.key === 'whole')!;
    assert.deepEqual([whole.kind, whole.expression], ['rrule', 'FREQ=SECONDLY;INTERVAL=2']);
    const found = await engine.findSchedule!('pulse', 'heartbeat');
    assert.deepEqual([found?.queue, found?.key, found?.expression, found?.data], ['pulse', 'heartbeat', 'PT1.5S', { n: 1 }]);
    assert.equal(await engine.findSchedule!('pulse', 'nothing'), null);
    assert.equal(await engine.findSchedule!('nowhere', 'heartbeat'), null);
  });

  test('says when the last job was made, and a run missed because no worker took the job before it', async () => {
    const client = redis.client();
    const queue = new Queue('stalled', { connection: client, prefix });
    await queue.upsertJobScheduler('tick', { every: 60_000 }, { name: 'tick' });
    await queue.close();
    const fresh = (await engine.listSchedules!({ queue: 'stalled', limit: 10 })).schedules[0]!;
    assert.equal(fresh.missedRunAt, null, 'a run not yet due is not missed');
    assert.ok(fresh.lastJob?.createdAt && Math.abs(Date.parse(fresh.lastJob.createdAt) - Date.now()) < 60_000);

    // As Redis would hold it had the job been made ten minutes ago and no worker been running since.
    const key = (part: string) => `${prefix}:stalled:${part}`;
    const [, score] = (await client.zrange(key('repeat'), 0, 0, 'WITHSCORES')) as [string, string];
    const then = Number(score) - 600_000;
    await client.zadd(key('repeat'), then, 'tick');
    await client.rename(key(`repeat:tick:${score}`), key(`repeat:tick:${then}`));
    await client.hset(key(`repeat:tick:${then}`), 'timestamp', then);
    await client.lrem(key('wait'), 0, `repeat:tick:${score}`);
    await client.lpush(key('wait'), `repeat:tick:${then}`);

    const stalled = (await engine.listSchedules!({ queue: 'stalled', limit: 10 })).schedules[0]!;
    assert.deepEqual(stalled.lastJob, { id: `repeat:tick:${then}`, state: 'queued', createdAt: new Date(then).toISOString() });
    assert.equal(stalled.missedRunAt, new Date(then + 60_000).toISOString());
    assert.ok(Date.parse(stalled.nextRuns[0]!) >= Date.now() - 1000, 'the next runs are still to come');
    assert.equal((Date.parse(stalled.nextRuns[0]!) - then) % 60_000, 0, 'on the interval from the last run');
  });

  test('reads only: a scheduler whose hash is gone is skipped and left as it is', async () => {
    const client = redis.client();
    const queue = new Queue('broken', { connection: client, prefix });
    await queue.upsertJobScheduler('ghost', { every: 60_000 }, { name: 'ghost' });
    await queue.close();
    await client.del(`${prefix}:broken:repeat:ghost`);
    const page = await engine.listSchedules!({ queue: 'broken', limit: 10 });
    assert.deepEqual(page.schedules, []);
    assert.equal(await client.zcard(`${prefix}:broken:repeat`), 1);
  });
});
