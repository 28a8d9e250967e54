// A queue's settings changed through the preview, reason and audit pipeline (`queue.configure`), end
// to end on Express and Koa hosts over pg-boss on PostgreSQL: who may, what input is refused
// (changing nothing), what the preview shows, what the execute changes and what the audit log keeps;
// and once on PGlite, where pg-boss and the store share one connection.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PgBoss } from 'pg-boss';
import type pg from 'pg';
import { createOpsJobs, hideKeysMatching, type OpsJobs } from '../../../core/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { connectPostgres, DATABASE_URL, dropSchemas, uniqueSchema } from '../support/database.ts';
import { HOSTS, headerUserAuth, startHost, type RunningHost } from '../support/http-hosts.ts';
import { startActionStack, type ActionStack } from '../support/action-stack.ts';

const REASON = 'Provider asks for slower retries, change CHG-9120';

/** ada may do everything; olga may see queues and act on jobs, not change settings; nobody else may do anything. */
function allow(user: string, action: string): boolean {
  if (user === 'ada') return true;
  if (user === 'olga') return action === 'queues.view' || action === 'jobs.view' || action.startsWith('job.') || action === 'audit.view';
  return false;
}

for (const hostName of HOSTS) {
  describe(`queue settings on pg-boss through a ${hostName} host`, () => {
    const bossSchema = uniqueSchema('pgboss_qs');
    const storeSchema = uniqueSchema('ops_qs');
    let pool: pg.Pool;
    let boss: PgBoss;
    let host: RunningHost;
    before(async () => {
      pool = await connectPostgres(6);
      boss = new PgBoss({ connectionString: DATABASE_URL, schema: bossSchema, supervise: false, schedule: false, max: 3 });
      boss.on('error', (error) => console.error('pg-boss error in queue settings test', error));
      await boss.start();
      await boss.createQueue('payments', { retryLimit: 2, retryDelay: 10, expireInSeconds: 600 });
      await boss.createQueue('payments-dlq');
      await boss.createQueue('emails', { deadLetter: 'payments-dlq', heartbeatSeconds: 60 });
      await boss.createQueue('drifting', { retryLimit: 1 });
      await boss.createQueue('secret-dlq');
      await boss.send('payments', { cardToken: 'tok_PLANTED_SECRET' });
      const opsJobs = createOpsJobs({
        engine: fromPgBoss(boss, { schema: bossSchema }),
        store: createPostgresStore({ pool, schema: storeSchema }),
        auth: headerUserAuth((user, action, resource) => allow(user, action) && !('queue' in resource && resource.queue === 'secret-dlq')),
        displayPolicy: hideKeysMatching(/token|card/i),
        logger: { error: () => {}, warn: () => {} },
      });
      await opsJobs.ready();
      host = await startHost(hostName, opsJobs as unknown as OpsJobs<never>);
    });
    after(async () => {
      await host?.close();
      await boss?.stop({ graceful: false });
      if (pool) {
        await dropSchemas((text) => pool.query(text), [bossSchema, storeSchema]);
        await pool.end();
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
    const json = async (response: Response) => ({ status: response.status, type: response.headers.get('content-type'), body: await response.json() });
    const preview = async (user: string | null, queue: string, settings: unknown) =>
      json(await call(user, 'POST', '/api/actions/preview', { action: 'queue.configure', target: { queue }, settings }));
    const execute = async (user: string, token: string, reason = REASON) => json(await call(user, 'POST', '/api/actions/execute', { token, reason }));
    const queueOf = async (name: string) => (await call('ada', 'GET', `/api/queues/${name}`)).json();

    test('the session offers queue.configure with what pg-boss can change, to those who may', async () => {
      const ada = (await json(await call('ada', 'GET', '/api/session'))).body;
      assert.ok(ada.engine.queueActions.includes('queue.configure'));
      assert.equal(ada.permissions['queue.configure'], true);
      const names = ada.engine.queueSettings.map((setting: { name: string }) => setting.name);
      assert.ok(names.includes('retryLimit') && names.includes('deadLetterQueue') && names.includes('heartbeatSeconds'));
      assert.ok(!names.includes('policy') && !names.includes('partition'), 'pg-boss cannot change a policy or partitioning');
      const olga = (await json(await call('olga', 'GET', '/api/session'))).body;
      assert.equal(olga.permissions['queue.configure'], false);
    });

    test('signed out is 401, without the permission 403, and neither changes anything', async () => {
      const signedOut = await preview(null, 'payments', { retryLimit: 5 });
      assert.equal(signedOut.status, 401);
      const denied = await preview('olga', 'payments', { retryLimit: 5 });
      assert.equal(denied.status, 403);
      assert.match(denied.type ?? '', /application\/problem\+json/);
      assert.equal((await queueOf('payments')).settings.retryLimit, 2);
    });

    test('bad input is a problem naming the setting at fault, and changes nothing', async () => {
      const before = await queueOf('payments');
      const cases: [unknown, string][] = [
        [undefined, 'settings'],
        [{}, 'settings'],
        [{ policy: 'singleton' }, 'settings'],
        [{ retryLimit: '5' }, 'settings.retryLimit'],
        [{ retryLimit: -1 }, 'settings.retryLimit'],
        [{ retryLimit: 1.5 }, 'settings.retryLimit'],
        [{ retryBackoff: 'yes' }, 'settings.retryBackoff'],
        [{ expireInSeconds: 0 }, 'settings.expireInSeconds'],
        [{ expireInSeconds: 90_000 }, 'settings.expireInSeconds'],
        [{ heartbeatSeconds: 5 }, 'settings.heartbeatSeconds'],
        [{ retryLimit: null }, 'settings.retryLimit'],
        [{ deadLetterQueue: 'no-such-queue' }, 'settings.deadLetterQueue'],
        [{ deadLetterQueue: 'payments' }, 'settings.deadLetterQueue'],
        [{ deadLetterQueue: 'secret-dlq' }, 'settings.deadLetterQueue'],
        [{ deadLetterQueue: 42 }, 'settings.deadLetterQueue'],
        [{ retryDelayMax: 300 }, 'settings.retryDelayMax'],
        [{ retryLimit: 2, retryDelay: 10 }, 'settings'],
      ];
      for (const [settings, parameter] of cases) {
        const answer = await preview('ada', 'payments', settings);
        assert.equal(answer.status, 400, `${JSON.stringify(settings)} is refused`);
        assert.match(answer.type ?? '', /application\/problem\+json/);
        assert.equal(answer.body.parameter, parameter, `${JSON.stringify(settings)} names ${parameter}`);
      }
      const wrongAction = await json(await call('ada', 'POST', '/api/actions/preview', { action: 'queue.pause', target: { queue: 'payments' }, settings: { retryLimit: 5 } }));
      assert.equal(wrongAction.status, 400);
      assert.deepEqual((await queueOf('payments')).settings, before.settings);
      const { records } = (await json(await call('ada', 'GET', '/api/audit?queue=payments'))).body;
      assert.equal(records.length, 0, 'refused input leaves no audit record');
    });

    test('preview shows exactly the changes; execute applies them and the audit record keeps before and after', async () => {
      const planned = await preview('ada', 'payments', { retryLimit: 5, retryDelay: 10, retryBackoff: true, retryDelayMax: 300, deadLetterQueue: 'payments-dlq' });
      assert.equal(planned.status, 200);
      assert.equal(planned.body.action, 'queue.configure');
      assert.deepEqual(planned.body.settingChanges, [
        { setting: 'retryLimit', before: 2, after: 5 },
        { setting: 'retryBackoff', before: false, after: true },
        { setting: 'retryDelayMax', before: null, after: 300 },
        { setting: 'deadLetterQueue', before: null, after: 'payments-dlq' },
      ], 'retryDelay is unchanged and left out');
      const unchanged = await queueOf('payments');
      assert.equal(unchanged.settings.retryLimit, 2, 'a preview changes nothing');
      assert.equal(unchanged.deadLetterQueue, null);

      const noReason = await execute('ada', planned.body.token, '');
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.parameter, 'reason');

      const done = await execute('ada', planned.body.token);
      assert.equal(done.status, 200);
      assert.deepEqual({ outcome: done.body.outcome, affected: done.body.affected }, { outcome: 'succeeded', affected: 1 });
      const changed = await queueOf('payments');
      assert.deepEqual(
        { retryLimit: changed.settings.retryLimit, retryBackoff: changed.settings.retryBackoff, retryDelayMax: changed.settings.retryDelayMax, retryDelay: changed.settings.retryDelay, deadLetterQueue: changed.deadLetterQueue },
        { retryLimit: 5, retryBackoff: true, retryDelayMax: 300, retryDelay: 10, deadLetterQueue: 'payments-dlq' },
      );

      const record = (await json(await call('ada', 'GET', `/api/audit/${done.body.auditId}`))).body;
      assert.equal(record.action, 'queue.configure');
      assert.equal(record.outcome, 'succeeded');
      assert.equal(record.reason, REASON);
      assert.equal(record.resource.queue, 'payments');
      assert.deepEqual(record.resource.selection, { whole: 'queue', settings: planned.body.settingChanges });
      assert.deepEqual(record.resource.ids, []);
      assert.ok(!JSON.stringify(record).includes('PLANTED'), 'no job data in the record');
      assert.ok(!JSON.stringify(record).includes(planned.body.token), 'no token in the record');

      const reused = await execute('ada', planned.body.token);
      assert.equal(reused.status, 409, 'a token is used once');
      assert.equal((await queueOf('payments')).settings.retryLimit, 5);
    });

    test('clearing a dead letter queue and heartbeat, with null', async () => {
      const planned = await preview('ada', 'emails', { deadLetterQueue: null, heartbeatSeconds: null });
      assert.equal(planned.status, 200);
      assert.deepEqual(planned.body.settingChanges, [
        { setting: 'heartbeatSeconds', before: 60, after: null },
        { setting: 'deadLetterQueue', before: 'payments-dlq', after: null },
      ]);
      assert.equal((await execute('ada', planned.body.token)).status, 200);
      const emails = await queueOf('emails');
      assert.equal(emails.deadLetterQueue, null);
      assert.equal(emails.settings.heartbeatSeconds, null);
    });

    test('settings changed since the preview refuse the execute, which is audited as drifted', async () => {
      const planned = await preview('ada', 'drifting', { retryLimit: 4 });
      assert.equal(planned.status, 200);
      await boss.updateQueue('drifting', { retryLimit: 3 });
      const refused = await execute('ada', planned.body.token);
      assert.equal(refused.status, 409);
      assert.deepEqual(refused.body.settings, ['retryLimit']);
      assert.equal((await queueOf('drifting')).settings.retryLimit, 3, 'the other change stands');
      const { records } = (await json(await call('ada', 'GET', '/api/audit?queue=drifting'))).body;
      assert.deepEqual(records.map((entry: { outcome: string }) => entry.outcome), ['drifted']);
    });

    test('another operator cannot execute a preview, and one without the permission is refused', async () => {
      const planned = await preview('ada', 'drifting', { retryDelay: 20 });
      const other = await execute('olga', planned.body.token);
      assert.equal(other.status, 403);
      assert.equal((await queueOf('drifting')).settings.retryDelay, 0);
      assert.equal((await execute('ada', planned.body.token)).status, 200);
      assert.equal((await queueOf('drifting')).settings.retryDelay, 20);
    });
  });
}

describe('queue settings on pg-boss on PGlite, where pg-boss and the store share one connection', () => {
  let stack: ActionStack;
  before(async () => {
    stack = await startActionStack('PGlite');
    await stack.boss.createQueue('reports', { retryLimit: 1 });
  });
  after(() => stack?.stop());

  test('a change is previewed, executed and audited without waiting on its own transaction', async () => {
    const planned = await (await stack.request('ada', 'POST', '/api/actions/preview', { action: 'queue.configure', target: { queue: 'reports' }, settings: { retryLimit: 4 } })).json();
    assert.deepEqual(planned.settingChanges, [{ setting: 'retryLimit', before: 1, after: 4 }]);
    const done = await stack.request('ada', 'POST', '/api/actions/execute', { token: planned.token, reason: REASON });
    assert.equal(done.status, 200);
    assert.equal((await stack.boss.getQueue('reports'))?.retryLimit, 4);
    const { records } = await (await stack.request('ada', 'GET', '/api/audit?queue=reports')).json();
    assert.deepEqual(records.map((record: { action: string; outcome: string }) => `${record.action} ${record.outcome}`), ['queue.configure succeeded']);
  });
});
