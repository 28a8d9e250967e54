// A BullMQ queue's global concurrency and rate limit changed through `queue.configure`, end to end
// on Express and Koa hosts: BullMQ on Redis, the audit store on PostgreSQL. Read back through
// BullMQ's own getters, so the console writes what BullMQ's workers read.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Queue } from 'bullmq';
import type { OpsJobs } from '../../../core/index.ts';
import { startBullMQStack, type BullMQStack } from '../support/bullmq-stack.ts';
import { dropSchemas, uniqueSchema } from '../support/database.ts';
import { HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { deletePrefix, uniquePrefix } from '../support/redis.ts';

const REASON = 'Partner API allows 50 calls a second, ticket OPS-311';

for (const hostName of HOSTS) {
  describe(`BullMQ queue settings through a ${hostName} host`, () => {
    const prefix = uniquePrefix(`qs-${hostName}`);
    const storeSchema = uniqueSchema('ops_bullmq_qs');
    let stack: BullMQStack;
    let host: RunningHost;
    let partner: Queue;
    before(async () => {
      stack = await startBullMQStack({ prefix, storeSchema, queues: ['partner'] });
      partner = new Queue('partner', { connection: stack.redis, prefix });
      await partner.add('call', { apiKey: 'key_PLANTED' });
      await partner.setGlobalConcurrency(4);
      host = await startHost(hostName, stack.opsJobs as unknown as OpsJobs<never>, { sessionFromHeader: true });
    });
    after(async () => {
      await partner?.close();
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
    const json = async (response: Response) => ({ status: response.status, body: await response.json() });
    const preview = (user: string | null, settings: unknown) => call(user, 'POST', '/api/actions/preview', { action: 'queue.configure', target: { queue: 'partner' }, settings }).then(json);
    const execute = (user: string, token: string) => call(user, 'POST', '/api/actions/execute', { token, reason: REASON }).then(json);

    test('the session lists the settings BullMQ keeps server-side', async () => {
      const session = (await json(await call('ada', 'GET', '/api/session'))).body;
      assert.deepEqual(session.engine.queueSettings.map((setting: { name: string }) => setting.name), ['globalConcurrency', 'rateLimitMax', 'rateLimitDurationMs']);
      assert.ok(session.engine.queueActions.includes('queue.configure'));
    });

    test('401 signed out, 403 without the permission, 400 for bad input; nothing changes', async () => {
      assert.equal((await preview(null, { globalConcurrency: 2 })).status, 401);
      assert.equal((await preview('olga', { globalConcurrency: 2 })).status, 403);
      for (const [settings, parameter] of [
        [{ globalConcurrency: 0 }, 'settings.globalConcurrency'],
        [{ globalConcurrency: 'two' }, 'settings.globalConcurrency'],
        [{ rateLimitMax: 50 }, 'settings.rateLimitMax'],
        [{ retryLimit: 3 }, 'settings'],
        [{ deadLetterQueue: 'partner-dlq' }, 'settings'],
      ] as const) {
        const answer = await preview('ada', settings);
        assert.equal(answer.status, 400, JSON.stringify(settings));
        assert.equal(answer.body.parameter, parameter, JSON.stringify(settings));
      }
      assert.equal(await partner.getGlobalConcurrency(), 4);
      assert.equal(await partner.getGlobalRateLimit(), null);
    });

    test('a preview shows the change; the execute writes it where BullMQ reads it, audited', async () => {
      const planned = await preview('ada', { globalConcurrency: 8, rateLimitMax: 50, rateLimitDurationMs: 1000 });
      assert.equal(planned.status, 200);
      assert.deepEqual(planned.body.settingChanges, [
        { setting: 'globalConcurrency', before: 4, after: 8 },
        { setting: 'rateLimitMax', before: null, after: 50 },
        { setting: 'rateLimitDurationMs', before: null, after: 1000 },
      ]);
      assert.equal(await partner.getGlobalConcurrency(), 4, 'a preview changes nothing');
      const done = await execute('ada', planned.body.token);
      assert.equal(done.status, 200);
      assert.equal(await partner.getGlobalConcurrency(), 8);
      assert.deepEqual(await partner.getGlobalRateLimit(), { max: 50, duration: 1000 });
      const record = (await json(await call('ada', 'GET', `/api/audit/${done.body.auditId}`))).body;
      assert.equal(record.outcome, 'succeeded');
      assert.deepEqual(record.resource.selection.settings, planned.body.settingChanges);
      assert.ok(!JSON.stringify(record).includes('PLANTED'));
      assert.equal((await execute('ada', planned.body.token)).status, 409, 'a token is used once');
    });

    test('one value of the rate limit changes with the other kept; clearing removes both', async () => {
      const faster = await preview('ada', { rateLimitMax: 80 });
      assert.equal(faster.status, 200);
      assert.equal((await execute('ada', faster.body.token)).status, 200);
      assert.deepEqual(await partner.getGlobalRateLimit(), { max: 80, duration: 1000 });
      const cleared = await preview('ada', { rateLimitMax: null, rateLimitDurationMs: null, globalConcurrency: null });
      assert.equal(cleared.status, 200);
      assert.equal((await execute('ada', cleared.body.token)).status, 200);
      assert.equal(await partner.getGlobalRateLimit(), null);
      assert.equal(await partner.getGlobalConcurrency(), null);
    });

    test('a concurrency changed by someone else since the preview refuses the execute', async () => {
      const planned = await preview('ada', { globalConcurrency: 3 });
      await partner.setGlobalConcurrency(6);
      const refused = await execute('ada', planned.body.token);
      assert.equal(refused.status, 409);
      assert.equal(await partner.getGlobalConcurrency(), 6);
    });
  });
}
