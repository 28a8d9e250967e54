// The BullMQ demo's workload on real Redis: within seconds its queues hold jobs in every state the
// console shows for BullMQ, and one of its queues is paused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Redis } from 'ioredis';
import { BULLMQ_STATES, fromBullMQ } from '../../../adapters/bullmq/index.ts';
import type { JobState } from '../../../core/index.ts';
import { BULLMQ_DEMO_QUEUES, startBullMQWorkload, type BullMQWorkload } from '../../../demo/bullmq-workload.ts';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.ts';
import { waitUntil } from '../support/wait.ts';

const prefix = uniquePrefix('demo');
let redis: Redis;
let workload: BullMQWorkload;

before(async () => {
  redis = await connectRedis();
  // Only the first batch and its workers: no rounds while the test runs.
  workload = await startBullMQWorkload(redis, { prefix, intervalSeconds: 3600 });
});

after(async () => {
  await workload?.stop();
  if (redis) {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  }
});

test('the workload reaches every BullMQ state, and pauses its nightly exports', { timeout: 60_000 }, async () => {
  const engine = fromBullMQ({ connection: redis, prefix, discoveryIntervalMs: 0 });
  assert.deepEqual((await engine.listQueues()).map((queue) => queue.name), [...BULLMQ_DEMO_QUEUES].sort());
  assert.equal((await engine.findQueue('exports-nightly'))?.paused, true);
  const seen = new Set<JobState>();
  // Workers move jobs on as the test reads: collect each state as it is seen, until all have been.
  await waitUntil(async () => {
    for (const { counts } of await engine.countJobs(BULLMQ_DEMO_QUEUES)) {
      for (const [state, count] of Object.entries(counts)) if (count > 0) seen.add(state as JobState);
    }
    return seen.size === BULLMQ_STATES.length;
  }, 'jobs in every state', { timeoutMs: 45_000, intervalMs: 200 }).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; seen ${[...seen].sort().join(', ')}`);
  });
  assert.deepEqual([...seen].sort(), [...BULLMQ_STATES].sort());
});

test('a delayed report waits for tomorrow, for the console to promote', async () => {
  const engine = fromBullMQ({ connection: redis, prefix, discoveryIntervalMs: 0 });
  const selected = await engine.selectForAction('promote', 'reports-build', { filter: { state: 'scheduled' } }, 10);
  assert.ok(selected.jobs.length >= 1, 'a delayed job to promote');
  const tomorrow = selected.jobs.find((job) => Date.parse(job.runAfter ?? '') > Date.now() + 12 * 3_600_000);
  assert.ok(tomorrow, 'one is due in a day');
  assert.equal(await engine.apply('promote', 'reports-build', [tomorrow.id]), 1);
  assert.notEqual((await engine.statesOf('reports-build', [tomorrow.id])).get(tomorrow.id), 'scheduled');
});

test('the workload keeps job schedulers, so the schedules view has something to show', async () => {
  const engine = fromBullMQ({ connection: redis, prefix, discoveryIntervalMs: 0 });
  const page = await engine.listSchedules!({ limit: 10 });
  assert.deepEqual(page.schedules.map((schedule) => [schedule.queue, schedule.key, schedule.kind]), [
    ['email-send', 'ops-digest', 'rrule'],
    ['exports-nightly', 'nightly-customers', 'cron'],
    ['exports-nightly', 'nightly-orders', 'cron'],
    ['reports-build', 'hourly-sales', 'cron'],
  ]);
  assert.ok(page.schedules.every((schedule) => schedule.nextRuns.length === 3));
});
