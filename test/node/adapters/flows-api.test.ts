// GET api/queues/{queue}/jobs/{id}/flow on real Express and Koa servers over pg-boss on PGlite:
// a flow made with pg-boss's own flow(), a diamond whose first step failed, read from any of its
// steps; a job in no flow has none; steps in queues the operator may not see are left out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { PgBoss, fromPglite } from 'pg-boss';
import { createOpsJobs, type Action, type OpsJobs, type Resource } from '../../../core/index.ts';
import type { JobFlowResponse } from '../../../core/vocabulary/wire.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { headerUserAuth, HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';

let pglite: PGlite;
let boss: PgBoss;
let flow: Record<string, string>;
let alone: string;

/** `scoped` may not see the `payroll` queue's jobs; `blind` sees nothing. */
function allow(user: string, action: Action, resource: Resource): boolean {
  if (user === 'scoped' && resource.type === 'queue' && resource.queue === 'payroll') return false;
  return user !== 'blind' && action.endsWith('.view');
}

before(async () => {
  pglite = await PGlite.create();
  boss = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', supervise: false, schedule: false });
  boss.on('error', (error) => console.error('pg-boss error in the flows test', error));
  await boss.start();
  for (const queue of ['orders', 'invoices', 'emails', 'payroll']) await boss.createQueue(queue, { retryLimit: 0 });
  // A diamond: the invoice and the email wait on the order; the payroll entry waits on both.
  flow = await boss.flow([
    { ref: 'order', name: 'orders', data: { order: 7 } },
    { ref: 'invoice', name: 'invoices', data: {}, dependsOn: ['order'] },
    { ref: 'email', name: 'emails', data: {}, dependsOn: ['order'] },
    { ref: 'payroll', name: 'payroll', data: {}, dependsOn: ['invoice', 'email'] },
  ]);
  const [order] = await boss.fetch('orders');
  assert.equal(order?.id, flow.order);
  await boss.fail('orders', flow.order!, new Error('card declined'));
  alone = (await boss.send('emails', { alone: true }))!;
});
after(async () => {
  await boss?.stop({ graceful: false }).catch(() => {});
  await pglite?.close();
});

for (const hostName of HOSTS) {
  describe(`GET api/queues/{queue}/jobs/{id}/flow on ${hostName}`, () => {
    let host: RunningHost;
    let opsJobs: OpsJobs;
    before(async () => {
      opsJobs = createOpsJobs({ engine: fromPgBoss(boss), store: createPostgresStore({ pglite }), auth: headerUserAuth(allow), displayPolicy: { display: (kind, value) => (kind === 'job_error' ? { show: value } : undefined) } });
      host = await startHost(hostName, opsJobs as never);
    });
    after(async () => {
      await opsJobs?.close();
      await host?.close();
    });
    const flowOf = async (user: string, queue: string, id: string) => {
      const response = await fetch(`${host.url}/ops/jobs/api/queues/${queue}/jobs/${id}/flow`, { headers: { 'x-test-user': user } });
      assert.equal(response.status, 200);
      return (await response.json()) as JobFlowResponse;
    };

    test('reads the whole diamond from its last step: every step with its state and error, and which waits on which', async () => {
      const read = await flowOf('viewer', 'payroll', flow.payroll!);
      assert.equal(read.steps[0]?.id, flow.payroll, 'the job asked about first');
      assert.deepEqual(Object.fromEntries(read.steps.map((step) => [step.queue, step.state])), { payroll: 'blocked', orders: 'failed', invoices: 'blocked', emails: 'blocked' });
      assert.equal(read.steps.find((step) => step.queue === 'orders')?.errorMessage, 'card declined');
      const edges = read.dependencies.map((edge) => `${edge.waiting.queue} -> ${edge.on.queue}`).sort();
      assert.deepEqual(edges, ['emails -> orders', 'invoices -> orders', 'payroll -> emails', 'payroll -> invoices']);
      assert.deepEqual([read.more, read.hidden], [false, 0]);
    });

    test('the same flow from its first step; a job in no flow has none', async () => {
      const read = await flowOf('viewer', 'orders', flow.order!);
      assert.equal(read.steps.length, 4);
      assert.equal(read.steps[0]?.id, flow.order);
      assert.deepEqual(await flowOf('viewer', 'emails', alone), { steps: [], dependencies: [], more: false, hidden: 0 });
      assert.deepEqual((await flowOf('viewer', 'emails', '00000000-0000-4000-8000-000000000000')).steps, []);
    });

    test("leaves out, and counts, the steps in queues the operator may not see", async () => {
      const read = await flowOf('scoped', 'orders', flow.order!);
      assert.equal(read.hidden, 1);
      assert.ok(!read.steps.some((step) => step.queue === 'payroll'));
      assert.ok(!read.dependencies.some((edge) => edge.waiting.queue === 'payroll' || edge.on.queue === 'payroll'));
      assert.ok(!JSON.stringify(read).includes(flow.payroll!));
      assert.equal((await fetch(`${host.url}/ops/jobs/api/queues/payroll/jobs/${flow.payroll}/flow`, { headers: { 'x-test-user': 'scoped' } })).status, 403);
      assert.equal((await fetch(`${host.url}/ops/jobs/api/queues/orders/jobs/${flow.order}/flow`)).status, 401);
    });
  });
}
