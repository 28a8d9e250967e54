// 100,000 jobs in one state of one queue (and 100,000 more in another): every page, count, detail
// and preview of the BullMQ engine answers with a bounded number of Redis commands, none of which
// reads a whole list or set (no LRANGE or ZRANGE from 0 to -1, no KEYS, no SMEMBERS).
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { fromBullMQ } from '../../../../adapters/bullmq/index.ts';
import type { JobEngine } from '../../../../core/index.ts';
import { connectRedis, deletePrefix, uniquePrefix } from '../../support/redis.ts';
import { watchCommands, type CommandLog, type SeenCommand } from '../../support/redis-monitor.ts';

const JOBS = 100_000;
const PAGE = 50;
/** Jobs that failed within one millisecond share a score: the listing must step over such ties. */
const SAME_MILLISECOND = 40;

/** The widest range any single command may read: a page, plus the cursor's search windows. */
const MAX_RANGE = 400;

/** Refuses any command that reads a whole structure or the keyspace, or a range wider than `maxRange`. */
function assertBounded(commands: readonly SeenCommand[], what: string, maxRange = MAX_RANGE): void {
  const MAX_RANGE = maxRange;
  for (const { name, args } of commands) {
    assert.ok(!['keys', 'smembers', 'hkeys', 'hvals', 'zrangebylex', 'sort'].includes(name), `${what}: ${name} reads a whole structure`);
    if (['lrange', 'zrange', 'zrevrange'].includes(name)) {
      const start = Number(args[1]);
      const end = Number(args[2]);
      assert.ok(!(start >= 0 && end < 0), `${what}: ${name} ${args.slice(0, 3).join(' ')} reads to the end`);
      if (start >= 0) assert.ok(end - start + 1 <= MAX_RANGE, `${what}: ${name} reads ${end - start + 1} elements`);
      else assert.ok(end < 0 && end - start + 1 <= MAX_RANGE, `${what}: ${name} reads ${args.slice(1, 3).join('..')}`);
    }
    if (['zrangebyscore', 'zrevrangebyscore'].includes(name)) {
      const limit = args.findIndex((arg) => arg.toUpperCase() === 'LIMIT');
      assert.ok(limit > 0 && Number(args[limit + 2]) <= MAX_RANGE, `${what}: ${name} without a small LIMIT`);
    }
    if (name === 'scan') assert.ok(Number(args[args.findIndex((arg) => arg.toUpperCase() === 'COUNT') + 1]) <= 1000, `${what}: SCAN with a large COUNT`);
  }
}

function kinds(commands: readonly SeenCommand[]): Record<string, number> {
  const counted: Record<string, number> = {};
  for (const { name } of commands) counted[name] = (counted[name] ?? 0) + 1;
  return counted;
}

describe(`the BullMQ engine with ${JOBS.toLocaleString('en')} jobs in a state`, () => {
  const prefix = uniquePrefix('scale');
  let seeder: Redis;
  let client: Redis;
  let log: CommandLog;
  let engine: JobEngine;
  let failedIds: string[];
  const measured: string[] = [];

  /** Runs one request, checks its commands are bounded, and records what it cost. */
  async function measure<T>(what: string, work: () => Promise<T>, maxCommands: number, maxRange = MAX_RANGE): Promise<T> {
    let ms = 0;
    const { result, commands } = await log.during(async () => {
      const started = performance.now();
      const answer = await work();
      ms = performance.now() - started;
      return answer;
    });
    assertBounded(commands, what, maxRange);
    assert.ok(commands.length <= maxCommands, `${what}: ${commands.length} commands (${JSON.stringify(kinds(commands))}), at most ${maxCommands} expected`);
    measured.push(`${what}: ${commands.length} commands ${JSON.stringify(kinds(commands))}, ${ms.toFixed(1)} ms`);
    return result;
  }

  before(async () => {
    seeder = await connectRedis();
    // Waiting jobs through BullMQ itself.
    const queue = new Queue('big', { connection: seeder, prefix });
    for (let chunk = 0; chunk < JOBS / 5000; chunk += 1) {
      await queue.addBulk(Array.from({ length: 5000 }, (_, index) => ({ name: 'import', data: { row: chunk * 5000 + index }, opts: { attempts: 3 } })));
    }
    await queue.close();
    // Failed jobs as BullMQ writes them (a job hash, and its id in the failed set scored by when it
    // finished), with pipelines: through a worker this would take minutes.
    const base = Date.now() - JOBS;
    failedIds = Array.from({ length: JOBS }, (_, index) => `f${index}`);
    for (let from = 0; from < JOBS; from += 5000) {
      const pipeline = seeder.pipeline();
      for (let index = from; index < from + 5000; index += 1) {
        const finished = base + Math.floor(index / SAME_MILLISECOND);
        pipeline.hset(`${prefix}:big:f${index}`, {
          name: 'import', data: JSON.stringify({ row: index }), opts: JSON.stringify({ attempts: 3 }), timestamp: finished - 500, delay: 0, priority: 0,
          processedOn: finished - 100, finishedOn: finished, atm: 3, ats: 3, failedReason: 'row rejected', stacktrace: JSON.stringify(['Error: row rejected']),
        });
        pipeline.zadd(`${prefix}:big:failed`, finished, `f${index}`);
      }
      await pipeline.exec();
    }
    client = await connectRedis();
    log = await watchCommands(client);
    engine = fromBullMQ({ connection: client, prefix, discoveryIntervalMs: 60_000 });
    await engine.listQueues();
  });

  after(async () => {
    console.log(measured.map((line) => `# ${line}`).join('\n'));
    await log?.close();
    client?.disconnect();
    if (seeder) {
      await deletePrefix(seeder, prefix);
      seeder.disconnect();
    }
  });

  test('counts come from LLEN and ZCARD, eight commands for the queue', async () => {
    const [counts] = await measure('countJobs', () => engine.countJobs(['big']), 8);
    assert.equal(counts?.counts.queued, JOBS);
    assert.equal(counts?.counts.failed, JOBS);
    assert.equal(counts?.total, 2 * JOBS);
  });

  test('the queue list and one queue read the meta hash only', async () => {
    assert.deepEqual((await measure('listQueues (cached names)', () => engine.listQueues(), 1)).map((queue) => queue.name), ['big']);
    assert.equal((await measure('findQueue', () => engine.findQueue('big'), 2))?.name, 'big');
  });

  test('discovery walks the keyspace once with SCAN, then refreshes a bounded slice at a time', async () => {
    const discovering = fromBullMQ({ connection: client, prefix, discoveryIntervalMs: 0 });
    const keyspace = await seeder.dbsize();
    // The first pass is the one walk of the keyspace, made once per engine, never per request after.
    const first = await measure('listQueues, first discovery pass', () => discovering.listQueues(), Math.ceil(keyspace / 1000) * 2 + 10);
    assert.deepEqual(first.map((queue) => queue.name), ['big']);
    await measure('listQueues, a later refresh', () => discovering.listQueues(), 20 + 1);
  });

  test('pages of failed jobs, first and deep, read about a page', async () => {
    const first = await measure('failed, first page', () => engine.listJobs({ queue: 'big', state: 'failed', limit: PAGE }), PAGE + 3);
    assert.deepEqual(first.jobs.map((job) => job.id), failedIds.slice(-PAGE).reverse());
    let page = first;
    for (let index = 1; index < 5; index += 1) page = await engine.listJobs({ queue: 'big', state: 'failed', limit: PAGE, after: page.next! });
    const sixth = await measure('failed, sixth page', () => engine.listJobs({ queue: 'big', state: 'failed', limit: PAGE, after: page.next! }), PAGE + 5);
    assert.deepEqual(sixth.jobs.map((job) => job.id), failedIds.slice(-6 * PAGE, -5 * PAGE).reverse());
    // The cursor's job is retried away: the next page goes on by score, stepping over its ties.
    const [, , cursorId] = sixth.next!;
    await seeder.zrem(`${prefix}:big:failed`, String(cursorId));
    const seventh = await measure('failed, after the cursor job left', () => engine.listJobs({ queue: 'big', state: 'failed', limit: PAGE, after: sixth.next! }), PAGE + 5);
    assert.deepEqual(seventh.jobs.map((job) => job.id), failedIds.slice(-7 * PAGE, -6 * PAGE).reverse());
    await seeder.zadd(`${prefix}:big:failed`, Number(sixth.next![1]), String(cursorId));
  });

  test('pages of waiting jobs, first and deep, read one LRANGE window', async () => {
    const first = await measure('queued, first page', () => engine.listJobs({ queue: 'big', state: 'queued', limit: PAGE }), 3 * (PAGE + 1) + 6);
    assert.equal(first.jobs.length, PAGE);
    let page = first;
    for (let index = 1; index < 5; index += 1) page = await engine.listJobs({ queue: 'big', state: 'queued', limit: PAGE, after: page.next! });
    const sixth = await measure('queued, sixth page', () => engine.listJobs({ queue: 'big', state: 'queued', limit: PAGE, after: page.next! }), 3 * (PAGE + 1) + 6);
    assert.equal(sixth.jobs.length, PAGE);
    assert.equal(new Set([...first.jobs, ...sixth.jobs].map((job) => job.id)).size, 2 * PAGE);
  });

  test('a page of every state reads each structure at most once', async () => {
    // Eight structures, each read for a page and merged: bounded by eight pages' worth, whatever they hold.
    const all = await measure('all states, first page', () => engine.listJobs({ queue: 'big', limit: PAGE }), 8 * (PAGE + 1) + 16);
    assert.equal(all.jobs.length, PAGE);
    const second = await measure('all states, second page', () => engine.listJobs({ queue: 'big', limit: PAGE, after: all.next! }), 8 * (PAGE + 1) + 16);
    assert.equal(new Set([...all.jobs, ...second.jobs].map((job) => job.id)).size, 2 * PAGE);
    const created = [...all.jobs, ...second.jobs].map((job) => job.createdAt);
    assert.deepEqual(created, [...created].sort().reverse(), 'newest first by creation');
  });

  test("a job's detail, its state and a preview by state are key lookups", async () => {
    const job = await measure('getJob (failed)', () => engine.getJob('big', 'f12345'), 20);
    assert.equal(job?.state, 'failed');
    const waiting = (await engine.listJobs({ queue: 'big', state: 'queued', limit: 1 })).jobs[0]!;
    const detail = await measure('getJob (queued, found by elimination)', () => engine.getJob('big', waiting.id), 20);
    assert.equal(detail?.state, 'queued');
    const states = await measure('statesOf 100 jobs', () => engine.statesOf('big', failedIds.slice(0, 100)), 100 * 8 + 5);
    assert.equal(states.size, 100);
    // A preview reads the jobs it plans, up to the console's cap, and no more.
    const selection = await measure('selectForAction retry, by state, cap 1000', () => engine.selectForAction('retry', 'big', { filter: { state: 'failed' } }, 1000), 1000 + 16, 1001);
    assert.equal(selection.eligible, JOBS);
    assert.equal(selection.jobs.length, 1000);
  });

  test('a lookup by id and a page of schedules read about what they show', async () => {
    const found = await measure('findJobs by whole id', () => engine.findJobs!('f12345', 20), 12);
    assert.deepEqual(found.map((job) => [job.queue, job.id, job.state]), [['big', 'f12345', 'failed']]);
    // Schedulers under a prefix of their own, so the big queue's counts stay as they are.
    const timedPrefix = `${prefix}-timed`;
    const timed = new Queue('timed', { connection: seeder, prefix: timedPrefix });
    try {
      for (let index = 0; index < 120; index += 1) {
        await timed.upsertJobScheduler(`report-${String(index).padStart(3, '0')}`, { pattern: `${index % 60} * * * *`, tz: 'UTC' }, { name: 'report', data: { index } });
      }
      const scheduled = fromBullMQ({ connection: client, prefix: timedPrefix, queues: ['timed'] });
      // The queue's scheduler ids are read whole up to 1,000 (ids only), to list them by key.
      const page = await measure('listSchedules, a page of 50 of 120', () => scheduled.listSchedules!({ limit: 50 }), 2 + 50 * 2 + 50 * 8 + 5, 1000);
      assert.equal(page.schedules.length, 50);
      assert.deepEqual(page.next, ['timed', 'report-049']);
    } finally {
      await timed.close();
      await deletePrefix(seeder, timedPrefix);
    }
  });
});
