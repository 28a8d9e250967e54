// GET api/workers on real Express and Koa servers over pg-boss on PGlite, with real pg-boss processes
// registered: one working, one stopped cleanly, and one that went silent (its heartbeat set back,
// as a process that died mid-job leaves it). Each is classed by the heartbeats it missed, trouble
// first, and the queues it works are shown only where the operator may see them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { PgBoss, fromPglite } from 'pg-boss';
import { createOpsJobs, OptionsError, type Action, type OpsJobs, type Resource } from '../../../core/index.ts';
import type { WorkerListResponse } from '../../../core/vocabulary/wire.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { headerUserAuth, HOSTS, startHost, type HostName, type RunningHost } from '../support/http-hosts.ts';
import { waitUntil } from '../support/wait.ts';

const HEARTBEAT = 2;

let pglite: PGlite;
const bosses: PgBoss[] = [];
const hosts = new Map<HostName, RunningHost>();
let opsJobs: OpsJobs;

function boss(instanceName: string): PgBoss {
  const started = new PgBoss({
    db: fromPglite(pglite), backend: 'pglite', supervise: false, schedule: false,
    registerInstance: true, instanceName, instanceHeartbeatSeconds: HEARTBEAT,
  });
  started.on('error', (error) => console.error('pg-boss error in the workers test', error));
  bosses.push(started);
  return started;
}

/** `scoped` may not see the `payroll` queue. */
function allow(user: string, action: Action, resource: Resource): boolean {
  if (user === 'scoped' && resource.type === 'queue' && resource.queue === 'payroll') return false;
  return user !== 'blind' && action.endsWith('.view');
}

before(async () => {
  pglite = await PGlite.create();
  const api = boss('api');
  await api.start();
  await api.createQueue('emails');
  await api.createQueue('payroll');
  await api.work('emails', async () => {});
  await api.work('payroll', async () => {});
  // A process writes its workers into its row at its next heartbeat.
  const recorded = (name: string, count: number) => async () => (await api.getInstances()).find((row) => row.name === name)?.workers.length === count;
  await waitUntil(recorded('api', 2), "the api process's two workers in its row", { timeoutMs: HEARTBEAT * 5000 });
  const batch = boss('batch');
  await batch.start();
  await batch.stop({ graceful: true });
  const crashed = boss('crashed');
  await crashed.start();
  await crashed.work('emails', async () => {});
  await waitUntil(recorded('crashed', 1), "the crashed process's worker in its row", { timeoutMs: HEARTBEAT * 5000 });
  // A process that died: its row stays, unstopped, its heartbeat an hour old.
  await crashed.stop({ graceful: false });
  await pglite.query(`UPDATE pgboss.instance SET stopped_on = NULL, heartbeat_on = now() - interval '1 hour' WHERE name = 'crashed'`);
  opsJobs = createOpsJobs({
    engine: fromPgBoss(api),
    store: createPostgresStore({ pglite }),
    auth: headerUserAuth(allow),
    displayPolicy: { display: () => ({ hide: true }) },
  });
  for (const name of HOSTS) hosts.set(name, await startHost(name, opsJobs as never));
});
after(async () => {
  opsJobs?.close();
  for (const host of hosts.values()) await host.close();
  for (const started of bosses) await started.stop({ graceful: false }).catch(() => {});
  await pglite?.close();
});

for (const hostName of HOSTS) {
  const workers = async (user: string) => {
    const response = await fetch(`${hosts.get(hostName)!.url}/ops/jobs/api/workers`, { headers: { 'x-test-user': user } });
    assert.equal(response.status, 200);
    return (await response.json()) as WorkerListResponse;
  };

  describe(`GET api/workers on ${hostName}`, () => {
    test('classes each process by the heartbeats it missed, trouble first', async () => {
      const list = await workers('viewer');
      assert.deepEqual(list.instances.map((instance) => [instance.name, instance.status]), [['crashed', 'missing'], ['api', 'healthy'], ['batch', 'stopped']]);
      assert.deepEqual(list.thresholds, { lateAfterHeartbeats: 2, missingAfterHeartbeats: 5 });
      const api = list.instances[1]!;
      assert.equal(api.heartbeatSeconds, HEARTBEAT);
      assert.equal(api.pid, process.pid);
      assert.match(api.version ?? '', /^12\./);
      assert.deepEqual(api.workers.map((worker) => worker.queue).sort(), ['emails', 'payroll']);
      assert.equal(api.otherQueues, 0);
      assert.ok(Date.parse(list.asOf) - Date.parse(api.lastSeenAt) < HEARTBEAT * 2 * 1000);
    });

    test("shows a process's queues only where the operator may see them, and never hides the process", async () => {
      const list = await workers('scoped');
      const api = list.instances.find((instance) => instance.name === 'api')!;
      assert.deepEqual(api.workers.map((worker) => worker.queue), ['emails']);
      assert.equal(api.otherQueues, 1);
      assert.equal(list.instances.length, 3);
      assert.ok(!JSON.stringify(list).includes('payroll'));
    });

    test('needs workers.view', async () => {
      assert.equal((await fetch(`${hosts.get(hostName)!.url}/ops/jobs/api/workers`)).status, 401);
      const refused = await fetch(`${hosts.get(hostName)!.url}/ops/jobs/api/workers`, { headers: { 'x-test-user': 'blind' } });
      assert.equal(refused.status, 403);
      assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
    });
  });
}

describe("the workers' thresholds", () => {
  test('refuses thresholds that make no sense', () => {
    const base = { engine: fromPgBoss(bosses[0]!), store: createPostgresStore({ pglite }), auth: { currentActor: () => null, authorize: () => false, auditPrincipal: () => ({ id: 'x', type: 'user', label: 'x' }) }, displayPolicy: { display: () => undefined } };
    assert.throws(() => createOpsJobs({ ...base, workers: { lateAfterHeartbeats: 5, missingAfterHeartbeats: 3 } }), OptionsError);
    assert.throws(() => createOpsJobs({ ...base, workers: { lateAfterHeartbeats: 0 } }), OptionsError);
  });
});
