// GET api/jobs?id=, api/workers and api/schedules on real Express and Koa hosts over the BullMQ engine on
// Redis (and the store on PostgreSQL): a job found by its whole id, the workers connected to
// Redis, and the job schedulers with their data as the display policy shows it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Queue, Worker } from 'bullmq';
import type { OpsJobs } from '../../../core/index.ts';
import type { JobSearchResponse, SchedulePageResponse, SessionResponse, WorkerListResponse } from '../../../core/vocabulary/wire.ts';
import { startBullMQStack, type BullMQStack } from '../support/bullmq-stack.ts';
import { dropSchemas, uniqueSchema } from '../support/database.ts';
import { HOSTS, startHost, type HostName, type RunningHost } from '../support/http-hosts.ts';
import { deletePrefix, uniquePrefix } from '../support/redis.ts';
import { PLANTED_SECRET, seedEveryState, type SeededQueue } from './bullmq/seed.ts';

describe('the console over BullMQ: lookup by id, workers and schedules', () => {
  const prefix = uniquePrefix('surfaces');
  const storeSchema = uniqueSchema('ops_bullmq_surfaces');
  let stack: BullMQStack;
  const hosts = new Map<HostName, RunningHost>();
  let seeded: SeededQueue;
  let worker: Worker;
  before(async () => {
    stack = await startBullMQStack({ prefix, storeSchema });
    seeded = await seedEveryState(stack.redis, prefix);
    const reports = new Queue('reports', { connection: stack.redis, prefix });
    await reports.upsertJobScheduler('nightly', { pattern: '30 2 * * *', tz: 'Europe/Berlin' }, { name: 'report', data: { report: 'daily', apiToken: PLANTED_SECRET } });
    await reports.upsertJobScheduler('hourly', { pattern: '0 * * * *', tz: 'UTC' }, { name: 'ping' });
    await reports.close();
    worker = new Worker('reports', async () => {}, { connection: stack.redis, prefix, name: 'notifier', autorun: false });
    await worker.waitUntilReady();
    // A worker names its connection when it starts waiting for jobs.
    void worker.run();
    for (const name of HOSTS) hosts.set(name, await startHost(name, stack.opsJobs as unknown as OpsJobs<never>, { sessionFromHeader: true }));
  });
  after(async () => {
    await worker?.close();
    for (const host of hosts.values()) await host.close();
    if (stack) {
      await deletePrefix(stack.redis, prefix);
      await dropSchemas((text) => stack.pool.query(text), [storeSchema]);
      await stack.stop();
    }
  });

  for (const hostName of HOSTS) {
    describe(`on ${hostName}`, () => {
      const get = (path: string, user?: string) => fetch(`${hosts.get(hostName)!.url}/ops/jobs/api${path}`, { headers: user ? { 'x-test-user': user } : {} });

      test('the session says the engine finds jobs by id, has workers and has schedules', async () => {
        const session = (await (await get('/session', 'ada')).json()) as SessionResponse;
        assert.equal(session.engine.jobLookup, true);
        // BullMQ finds whole ids only, and cannot filter on payloads: the console neither promises prefixes nor offers payload filters.
        assert.equal(session.engine.jobLookupByPrefix, false);
        assert.deepEqual(session.dataFields, []);
        assert.equal(session.engine.workers, true);
        assert.equal(session.engine.schedules, true);
      });

      test('finds a job by its whole id, without a secret, and refuses no id and no operator', async () => {
        const id = seeded.ids.failed[0]!;
        const response = await get(`/jobs?id=${encodeURIComponent(id)}`, 'vera');
        const text = await response.text();
        assert.equal(response.status, 200, text);
        assert.equal(text.includes(PLANTED_SECRET), false);
        const found = JSON.parse(text) as JobSearchResponse;
        assert.deepEqual(found.jobs.filter((job) => job.queue === 'payments').map((job) => [job.id, job.state]), [[id, 'failed']]);
        assert.equal(found.more, false);
        const parent = (await (await get(`/jobs?id=${encodeURIComponent(seeded.ids.parent)}`, 'vera')).json()) as JobSearchResponse;
        assert.deepEqual(parent.jobs.map((job) => [job.queue, job.state]), [['payments', 'blocked']]);
        const missing = await get('/jobs?id=', 'vera');
        assert.equal(missing.status, 400);
        assert.match(missing.headers.get('content-type') ?? '', /application\/problem\+json/);
        assert.equal((await get(`/jobs?id=${id}`)).status, 401);
      });

      test('lists the workers Redis has connected, for operators allowed to see them', async () => {
        let page: WorkerListResponse | undefined;
        for (let tries = 0; tries < 50; tries += 1) {
          const response = await get('/workers', 'ada');
          assert.equal(response.status, 200);
          page = (await response.json()) as WorkerListResponse;
          if (page.instances.length > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.deepEqual(page!.instances.map((instance) => [instance.name, instance.workers.map((one) => one.queue), instance.status]), [['notifier', ['reports'], 'healthy']]);
        assert.equal(page!.more, false);
        assert.equal((await get('/workers', 'vera')).status, 403);
        assert.equal((await get('/workers')).status, 401);
      });

      test('lists the job schedulers page by page, with data as the display policy shows it', async () => {
        const response = await get('/schedules', 'ada');
        const text = await response.text();
        assert.equal(response.status, 200, text);
        assert.equal(text.includes(PLANTED_SECRET), false, 'the hidden token never leaves the server');
        const page = JSON.parse(text) as SchedulePageResponse;
        assert.deepEqual(page.schedules.map((schedule) => [schedule.queue, schedule.key]), [['reports', 'hourly'], ['reports', 'nightly']]);
        const nightly = page.schedules[1]!;
        assert.deepEqual(nightly.data, { value: { report: 'daily', apiToken: '[redacted]' } });
        assert.equal(nightly.kind, 'cron');
        assert.equal(nightly.timeZone, 'Europe/Berlin');
        assert.equal(nightly.nextRuns.length, 3);
        assert.equal(nightly.lastJob?.state, 'scheduled');

        const first = (await (await get('/schedules?limit=1', 'ada')).json()) as SchedulePageResponse;
        assert.deepEqual(first.schedules.map((schedule) => schedule.key), ['hourly']);
        assert.ok(first.nextCursor);
        const second = (await (await get(`/schedules?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`, 'ada')).json()) as SchedulePageResponse;
        assert.deepEqual(second.schedules.map((schedule) => schedule.key), ['nightly']);
        assert.equal(second.nextCursor, null);
        assert.equal((await get('/schedules', 'vera')).status, 403);
        assert.equal((await get('/schedules?cursor=not-a-cursor', 'ada')).status, 400);
      });
    });
  }
});
