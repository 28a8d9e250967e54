// The read-only bull-board bridge on real Express and Koa servers, over BullMQ on a real Redis:
// behind the console's sign-in and bridge.view on every path, every change refused by the mount
// itself (bull-board's queue adapter here is writable), each opening of its page audited, and
// refused in production until the host acknowledges that it shows unredacted data.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Queue, QueueEvents, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { createOpsJobs, OptionsError, type OpsJobs } from '../../../core/index.ts';
import type { AuditPageResponse } from '../../../core/vocabulary/wire.ts';
import { bullBoardBridge } from '../../../adapters/bull-board/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { demoAuth, demoDisplayPolicy } from '../../../demo/policies.ts';
import { launchChromium, openPage } from '../../elements/support/browser.ts';
import { settled } from '../../elements/support/console-page.ts';
import { HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';
import { connectRedis, deletePrefix, REDIS_URL, uniquePrefix } from '../support/redis.ts';

const SECRET = 'sk_live_BRIDGE_7781';
const QUEUE = 'invoices';

let stack: SeededStack;
let redis: Redis;
let queue: Queue;
let failedJobId = '';
const prefix = uniquePrefix('bridge');

before(async () => {
  redis = await connectRedis();
  stack = await startSeededPgBoss();
  const connection = { url: REDIS_URL };
  queue = new Queue(QUEUE, { connection, prefix });
  const events = new QueueEvents(QUEUE, { connection, prefix });
  await events.waitUntilReady();
  const failed = new Promise<string>((resolve) => events.once('failed', ({ jobId }) => resolve(jobId)));
  const worker = new Worker(QUEUE, async () => {
    throw new Error('card declined');
  }, { connection, prefix });
  await queue.add('charge', { invoice: 'inv_1', apiKey: SECRET }, { attempts: 1 });
  failedJobId = await failed;
  await worker.close();
  await events.close();
});
after(async () => {
  await queue?.close();
  if (redis) {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  }
  await stack?.stop();
});

for (const hostName of HOSTS) {
  describe(`the bull-board bridge on ${hostName}`, () => {
    let host: RunningHost;
    let opsJobs: OpsJobs;
    before(async () => {
      opsJobs = createOpsJobs({
        engine: fromPgBoss(stack.boss),
        store: createPostgresStore({ pglite: stack.pglite, schema: `ops_bridge_${hostName}` }),
        auth: demoAuth,
        displayPolicy: demoDisplayPolicy,
        bridge: await bullBoardBridge({ queues: [new BullMQAdapter(queue)] }),
      });
      host = await startHost(hostName, opsJobs as never, { sessionFromHeader: true });
    });
    after(async () => {
      opsJobs?.close();
      await host?.close();
    });

    const call = (path: string, user: string | null, init: RequestInit = {}) =>
      fetch(`${host.url}/ops/jobs/bridge${path}`, { redirect: 'manual', ...init, headers: { ...(user ? { 'x-test-user': user } : {}), ...init.headers } });

    const auditOfBridge = async () => {
      const response = await fetch(`${host.url}/ops/jobs/api/audit?action=bridge.view`, { headers: { 'x-test-user': 'admin' } });
      assert.equal(response.status, 200);
      return ((await response.json()) as AuditPageResponse).records;
    };

    test('answers 401 without an operator and 403 without bridge.view, on every path and method', async () => {
      for (const [path, method] of [['/', 'GET'], ['/api/queues', 'GET'], ['/static/js/main.js', 'GET'], [`/api/queues/${QUEUE}/retry/failed`, 'PUT']] as const) {
        const anonymous = await call(path, null, { method });
        assert.equal(anonymous.status, 401, `${method} ${path} signed out`);
        assert.match(anonymous.headers.get('content-type') ?? '', /problem\+json/);
        await anonymous.arrayBuffer();
        for (const user of ['viewer', 'operator', 'guest']) {
          const refused = await call(path, user, { method });
          assert.equal(refused.status, 403, `${method} ${path} as ${user}`);
          await refused.arrayBuffer();
        }
      }
      assert.deepEqual(await auditOfBridge(), [], 'a refused request opens nothing');
    });

    test("serves bull-board's page, API and files to an operator with bridge.view, and audits each opening", async () => {
      const bare = await call('', 'admin');
      assert.equal(bare.status, 308);
      assert.equal(bare.headers.get('location'), 'bridge/');

      const page = await call('/', 'admin');
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<base href="\/ops\/jobs\/bridge\/"/);
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
      assert.equal(page.headers.get('cache-control'), 'no-store');
      const records = await auditOfBridge();
      assert.equal(records.length, 1);
      assert.deepEqual([records[0]!.action, records[0]!.resource, records[0]!.outcome, records[0]!.principal.id], ['bridge.view', null, 'succeeded', 'u_1003']);

      const api = await call(`/api/queues?activeQueue=${QUEUE}&status=failed&page=1&jobsPerPage=10`, 'admin');
      assert.equal(api.status, 200);
      const body = (await api.json()) as { queues: Array<{ name: string; jobs: Array<{ id: string }> }> };
      const shown = body.queues.find((candidate) => candidate.name === QUEUE);
      assert.ok(shown, 'bull-board lists the queue');
      assert.deepEqual(shown.jobs.map((job) => job.id), [failedJobId]);

      const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(html)?.[1];
      assert.ok(script, 'the page loads its script');
      const file = await call(`/${script}`, 'admin');
      assert.equal(file.status, 200);
      assert.match(file.headers.get('content-type') ?? '', /javascript/);
      await file.arrayBuffer();
      const escape = await call('/static/..%2f..%2fpackage.json', 'admin');
      assert.equal(escape.status, 404, 'nothing outside its files');
      await escape.arrayBuffer();

      await (await call(`/queue/${QUEUE}`, 'admin')).arrayBuffer();
      assert.equal((await auditOfBridge()).length, 2, 'each page opened is recorded');
    });

    if (hostName === 'express') {
      test("is linked from the console's header and renders the queue in Chromium", async () => {
        const browser = await launchChromium();
        try {
          const { page, errors } = await openPage(browser);
          await page.context().setExtraHTTPHeaders({ 'x-test-user': 'admin' });
          await page.goto(`${host.url}/ops/jobs/`);
          await settled(page);
          await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'bull-board' }).click();
          await page.waitForURL(`${host.url}/ops/jobs/bridge/`);
          await page.getByText(QUEUE, { exact: true }).first().waitFor();
          // Its web fonts are blocked by the bridge's policy; nothing else may fail.
          assert.deepEqual(errors.filter((error) => !error.includes('fonts.googleapis.com')), []);
        } finally {
          await browser.close();
        }
      });
    }

    test('refuses every change at the mount, whatever bull-board would allow', async () => {
      const changes: Array<[string, string]> = [
        ['PUT', `/api/queues/${QUEUE}/retry/failed`],
        ['PUT', `/api/queues/${QUEUE}/${failedJobId}/retry/failed`],
        ['PUT', `/api/queues/${QUEUE}/pause`],
        ['PUT', `/api/queues/${QUEUE}/clean/failed`],
        ['DELETE', `/api/queues/${QUEUE}/obliterate`],
        ['POST', `/api/queues/${QUEUE}/add`],
        ['PATCH', `/api/queues/${QUEUE}/${failedJobId}`],
      ];
      for (const [method, path] of changes) {
        const response = await call(path, 'admin', { method, headers: { 'content-type': 'application/json', origin: host.url }, body: '{}' });
        assert.equal(response.status, 405, `${method} ${path}`);
        assert.equal(response.headers.get('allow'), 'GET, HEAD');
        assert.match(((await response.json()) as { title: string }).title, /read-only/);
      }
      assert.equal(await (await queue.getJob(failedJobId))?.getState(), 'failed', 'the failed job was not retried or removed');
      assert.equal(await queue.isPaused(), false);
      assert.equal((await queue.getJobCounts('failed')).failed, 1);
    });
  });
}

describe('the bridge in production', () => {
  const previous = process.env.NODE_ENV;
  after(() => {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  });

  test('is refused until the host acknowledges that it shows unredacted job data', async () => {
    process.env.NODE_ENV = 'production';
    const options = (bridge: Awaited<ReturnType<typeof bullBoardBridge>>) => ({
      engine: fromPgBoss(stack.boss),
      store: createPostgresStore({ pglite: stack.pglite, schema: 'ops_bridge_production' }),
      auth: demoAuth,
      displayPolicy: demoDisplayPolicy,
      bridge,
    });
    const unacknowledged = await bullBoardBridge({ queues: [new BullMQAdapter(queue)] });
    assert.throws(() => createOpsJobs(options(unacknowledged)), (error: unknown) => error instanceof OptionsError && /acknowledgeUnredactedData/.test(error.message));
    const acknowledged = await bullBoardBridge({ queues: [new BullMQAdapter(queue)], acknowledgeUnredactedData: true });
    await createOpsJobs(options(acknowledged)).close();
  });
});
