// GET api/attention on real Express and Koa servers over pg-boss on PGlite, with a real pg-boss
// process working two queues: a flow stuck behind a failed step, a schedule that missed its runs, a queue with ready jobs that nobody works and whose oldest has waited
// past the threshold, a running job past its expiry, and dead letters waiting. The answer comes
// from the background pass, filtered to the queues the operator may see.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { PgBoss, fromPglite } from 'pg-boss';
import { createOpsJobs, type Action, type OpsJobs, type Resource } from '../../../core/index.ts';
import type { AttentionResponse } from '../../../core/vocabulary/wire.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { headerUserAuth, HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { waitUntil } from '../support/wait.ts';

let pglite: PGlite;
let boss: PgBoss;

/** `scoped` may not see `payments`; `blind` sees nothing. */
function allow(user: string, action: Action, resource: Resource): boolean {
  if (user === 'scoped' && resource.type === 'queue' && resource.queue === 'payments') return false;
  return user !== 'blind' && action.endsWith('.view');
}

before(async () => {
  pglite = await PGlite.create();
  boss = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', supervise: false, schedule: false, registerInstance: true, instanceName: 'api', instanceHeartbeatSeconds: 2 });
  boss.on('error', (error) => console.error('pg-boss error in the attention test', error));
  await boss.start();
  await boss.createQueue('payments-dlq');
  await boss.createQueue('payments', { deadLetter: 'payments-dlq', retryLimit: 0 });
  await boss.createQueue('emails');
  await boss.createQueue('reports', { expireInSeconds: 60 });
  await boss.createQueue('invoices', { retryLimit: 0 });

  // Dead letters: a payment fails with no retries left and pg-boss copies it to payments-dlq.
  const payment = await boss.send('payments', { order: 7 });
  const [claimed] = await boss.fetch('payments');
  assert.equal(claimed?.id, payment);
  await boss.fail('payments', payment!, new Error('card declined'));

  // A running report past its expiry: claimed, then started well over its 60 seconds ago.
  const report = await boss.send('reports', { month: 11 });
  await boss.fetch('reports');
  await pglite.query(`UPDATE pgboss.job SET started_on = now() - interval '10 minutes' WHERE id = $1`, [report]);

  // A flow stuck behind a failed step: the invoice's summary waits on a render that failed for good.
  const flow = await boss.flow([
    { ref: 'render', name: 'invoices', data: { step: 'render' } },
    { ref: 'summary', name: 'invoices', data: { step: 'summary' }, dependsOn: ['render'] },
  ]);
  const [render] = await boss.fetch('invoices');
  assert.equal(render?.id, flow.render);
  await boss.fail('invoices', flow.render!, new Error('template missing'));

  // A schedule written two hours ago that has made no job since: nothing runs pg-boss's schedules here.
  await boss.schedule('reports', '*/5 * * * *', {}, { key: 'every-5' });
  await pglite.query(`UPDATE pgboss.schedule SET updated_on = now() - interval '2 hours' WHERE name = 'reports'`);

  // Ready emails that have waited ten minutes, in a queue no process works.
  for (let index = 0; index < 3; index++) await boss.send('emails', { index });
  await pglite.query(`UPDATE pgboss.job SET created_on = now() - interval '10 minutes', start_after = now() - interval '10 minutes' WHERE name = 'emails'`);

  // The process works reports and payments only; its row lists them at its next heartbeat.
  await boss.work('reports', { pollingIntervalSeconds: 30 }, async () => {});
  await boss.work('payments', { pollingIntervalSeconds: 30 }, async () => {});
  await waitUntil(async () => (await boss.getInstances()).some((row) => row.workers.length === 2), "the process's two workers in its row", { timeoutMs: 10_000 });
});
after(async () => {
  await boss?.stop({ graceful: false }).catch(() => {});
  await pglite?.close();
});

for (const hostName of HOSTS) {
  describe(`GET api/attention on ${hostName}`, () => {
    let host: RunningHost;
    let opsJobs: OpsJobs;
    before(async () => {
      opsJobs = createOpsJobs({
        engine: fromPgBoss(boss),
        store: createPostgresStore({ pglite }),
        auth: headerUserAuth(allow),
        displayPolicy: { display: () => ({ hide: true }) },
        diagnosis: { intervalSeconds: 1, backlogSeconds: 60 },
      });
      host = await startHost(hostName, opsJobs as never);
    });
    after(async () => {
      await opsJobs?.close();
      await host?.close();
    });

    const attention = async (user: string) => {
      const response = await fetch(`${host.url}/ops/jobs/api/attention`, { headers: { 'x-test-user': user } });
      assert.equal(response.status, 200);
      return (await response.json()) as AttentionResponse;
    };
    /** The answer once a pass checked after `after` (any pass when absent). */
    const checkedAfter = async (user: string, after = '') => {
      let answer: AttentionResponse | undefined;
      await waitUntil(async () => {
        answer = await attention(user);
        return answer.checkedAt !== null && answer.checkedAt > after;
      }, 'a finished pass', { timeoutMs: 10_000, intervalMs: 200 });
      return answer!;
    };

    test('the first request wakes the background pass; a later one reads what it found, most urgent first', async () => {
      const first = await attention('viewer');
      if (first.checkedAt === null) assert.deepEqual(first.findings, [], 'nothing is claimed before a pass has finished');
      const found = await checkedAfter('viewer');
      assert.deepEqual(found.unchecked, []);
      assert.deepEqual(found.findings.map(({ kind, queue, severity, count }) => ({ kind, queue, severity, count })), [
        { kind: 'overdue', queue: 'reports', severity: 'critical', count: 1 },
        { kind: 'stuck-flows', queue: 'invoices', severity: 'critical', count: 1 },
        { kind: 'no-workers', queue: 'emails', severity: 'critical', count: 3 },
        { kind: 'missed-schedules', queue: 'reports', severity: 'critical', count: 1 },
        { kind: 'backlog', queue: 'emails', severity: 'critical', count: 3 },
        { kind: 'dead-letters', queue: 'payments-dlq', severity: 'warning', count: 1 },
      ]);
      const backlog = found.findings.find((finding) => finding.kind === 'backlog')!;
      assert.ok(Date.now() - Date.parse(backlog.since!) >= 9 * 60_000, `waiting since ${backlog.since}`);
      assert.deepEqual(found.findings.find((finding) => finding.kind === 'dead-letters')?.from, ['payments']);
      assert.equal(found.findings.find((finding) => finding.kind === 'overdue')?.more, false);
    });

    test('shows only the queues the operator may see, and of the senders of dead letters only those', async () => {
      const found = await checkedAfter('scoped');
      const deadLetters = found.findings.find((finding) => finding.kind === 'dead-letters');
      assert.deepEqual(deadLetters?.from, []);
      assert.ok(!JSON.stringify(found).includes('"payments"'), JSON.stringify(found));
    });

    test('a fixed backlog leaves the list at the next pass', async () => {
      const before = (await attention('viewer')).checkedAt!;
      await pglite.query(`UPDATE pgboss.job SET start_after = now() WHERE name = 'emails'`);
      const after = await checkedAfter('viewer', before);
      assert.ok(!after.findings.some((finding) => finding.kind === 'backlog'), JSON.stringify(after.findings));
      assert.ok(after.findings.some((finding) => finding.kind === 'no-workers'), 'still nobody works it');
      await pglite.query(`UPDATE pgboss.job SET start_after = now() - interval '10 minutes' WHERE name = 'emails'`);
    });

    test('needs queues.view', async () => {
      assert.equal((await fetch(`${host.url}/ops/jobs/api/attention`)).status, 401);
      const refused = await fetch(`${host.url}/ops/jobs/api/attention`, { headers: { 'x-test-user': 'blind' } });
      assert.equal(refused.status, 403);
      assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
    });
  });
}
