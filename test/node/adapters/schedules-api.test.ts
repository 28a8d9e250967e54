// GET api/schedules on real Express and Koa servers over pg-boss on PGlite: schedules of the
// queues an operator may see, their data through the display policy, and bad input refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createOpsJobs, hideKeysMatching, type Action, type OpsJobs, type Resource } from '../../../core/index.ts';
import type { SchedulePageResponse, SessionResponse } from '../../../core/vocabulary/wire.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { headerUserAuth, HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { PLANTED_SECRET, startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';

/** `scoped` may see every queue but `payments`; `blind` may see queues but not schedules. */
function allow(user: string, action: Action, resource: Resource): boolean {
  if (user === 'blind') return action !== 'schedules.view';
  if (user === 'scoped' && resource.type === 'queue' && resource.queue === 'payments') return false;
  return action.endsWith('.view');
}

let stack: SeededStack;
before(async () => {
  stack = await startSeededPgBoss();
  await stack.boss.schedule('payments', '0 3 * * *', { sweep: true, cardToken: PLANTED_SECRET }, { key: 'nightly-sweep', tz: 'Europe/Berlin' });
  await stack.boss.schedule('emails', '*/5 * * * *', { digest: 'hourly' });
});
after(() => stack?.stop());

for (const hostName of HOSTS) {
  describe(`GET api/schedules on ${hostName}`, () => {
    let host: RunningHost;
    let opsJobs: OpsJobs;
    before(async () => {
      opsJobs = createOpsJobs({
        engine: fromPgBoss(stack.boss),
        store: createPostgresStore({ pglite: stack.pglite, schema: `ops_schedules_${hostName}` }),
        auth: headerUserAuth(allow),
        displayPolicy: hideKeysMatching(/secret|token|card/i),
      });
      host = await startHost(hostName, opsJobs as never);
    });
    after(async () => {
      opsJobs?.close();
      await host?.close();
    });

    const get = (path: string, user?: string) => fetch(`${host.url}/ops/jobs/api${path}`, { headers: user ? { 'x-test-user': user } : {} });

    test('lists the schedules with their data as the display policy shows it', async () => {
      const response = await get('/schedules', 'viewer');
      assert.equal(response.status, 200);
      const text = await response.text();
      assert.ok(!text.includes(PLANTED_SECRET), 'the hidden card token never leaves the server');
      const page = JSON.parse(text) as SchedulePageResponse;
      assert.deepEqual(page.schedules.map((schedule) => [schedule.queue, schedule.key]), [['emails', ''], ['payments', 'nightly-sweep']]);
      const sweep = page.schedules[1]!;
      assert.deepEqual(sweep.data, { value: { sweep: true, cardToken: '[redacted]' } });
      assert.equal(sweep.timeZone, 'Europe/Berlin');
      assert.equal(sweep.nextRuns.length, 3);
      assert.equal(page.nextCursor, null);
    });

    test("shows only the schedules of queues the operator may see, and refuses a queue they may not", async () => {
      const page = (await (await get('/schedules', 'scoped')).json()) as SchedulePageResponse;
      assert.deepEqual(page.schedules.map((schedule) => schedule.queue), ['emails']);
      const refused = await get('/schedules?queue=payments', 'scoped');
      assert.equal(refused.status, 403);
      assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
    });

    test('needs schedules.view, and says in the session whether the engine has schedules', async () => {
      assert.equal((await get('/schedules')).status, 401);
      assert.equal((await get('/schedules', 'blind')).status, 403);
      const session = (await (await get('/session', 'viewer')).json()) as SessionResponse;
      assert.equal(session.engine.schedules, true);
      assert.equal(session.permissions['schedules.view'], true);
    });

    test('pages with a cursor bound to its listing, and refuses bad input with a problem', async () => {
      const first = (await (await get('/schedules?limit=1', 'viewer')).json()) as SchedulePageResponse;
      assert.equal(first.schedules.length, 1);
      assert.ok(first.nextCursor);
      const second = (await (await get(`/schedules?limit=1&cursor=${first.nextCursor}`, 'viewer')).json()) as SchedulePageResponse;
      assert.deepEqual(second.schedules.map((schedule) => schedule.queue), ['payments']);

      const elsewhere = await get(`/schedules?limit=1&queue=emails&cursor=${first.nextCursor}`, 'viewer');
      assert.equal(elsewhere.status, 400, 'a cursor of another listing');
      const jobCursor = ((await (await get('/queues/payments/jobs?limit=1', 'viewer')).json()) as { nextCursor: string }).nextCursor;
      for (const query of [`cursor=${jobCursor}`, 'cursor=%%%', 'limit=0', 'limit=abc', `queue=${'q'.repeat(600)}`]) {
        const response = await get(`/schedules?${query}`, 'viewer');
        assert.equal(response.status, 400, query.slice(0, 40));
        assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
        await response.arrayBuffer();
      }
    });
  });
}
