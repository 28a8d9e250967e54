import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { fromPglite, PgBoss } from 'pg-boss';
import { startWorkload } from '../../../demo/workload.ts';
import type { Workload } from '../../../demo/workload.ts';
import { DEMO_QUEUES } from '../../../demo/workload-queues.ts';
import { waitUntil } from '../support/wait.ts';

let pglite: PGlite;
let boss: PgBoss;
let workload: Workload;

const countByState = async (): Promise<Record<string, number>> => {
  const { rows } = await pglite.query<{ state: string; count: number }>('SELECT state, count(*)::int AS count FROM pgboss.job GROUP BY state');
  return Object.fromEntries(rows.map((row) => [row.state, row.count]));
};

before(async () => {
  pglite = await PGlite.create();
  boss = new PgBoss({ db: fromPglite(pglite), backend: 'pglite' });
  boss.on('error', (error) => console.error(error));
  await boss.start();
  // Seed only: no rounds during the test, so what it sees is the first batch.
  workload = await startWorkload(boss, { intervalSeconds: 3600 });
});

after(async () => {
  await workload?.stop();
  await boss?.stop({ graceful: false });
  await pglite?.close();
});

test('the workload creates its queues and schedules', async () => {
  const names = new Set((await boss.getQueues()).map((queue) => queue.name));
  for (const queue of DEMO_QUEUES) assert.ok(names.has(queue.name), queue.name);
  const schedules = (await boss.getSchedules()).map((schedule) => `${schedule.name} ${schedule.cron}`).sort();
  assert.deepEqual(schedules, ['ledger.reconcile * * * * *', 'maintenance.purge-sessions * * * * *', 'reports.build 0 2 * * *', 'reports.build 30 6 * * 1']);
});

test('the first batch has failed, blocked, delayed and active jobs within seconds', async () => {
  await waitUntil(async () => Boolean((await countByState()).failed), 'a failed job', { timeoutMs: 20_000, intervalMs: 500 });
  const { rows } = await pglite.query<{ name: string; message: string }>(
    "SELECT name, output->>'message' AS message FROM pgboss.job WHERE state = 'failed'",
  );
  assert.ok(rows.every((row) => row.message && row.message.length > 10), JSON.stringify(rows));
  const [{ blocked, delayed, slow }] = (
    await pglite.query<{ blocked: number; delayed: number; slow: number }>(`SELECT
      count(*) FILTER (WHERE blocked)::int AS blocked,
      count(*) FILTER (WHERE start_after > now() + interval '1 minute')::int AS delayed,
      count(*) FILTER (WHERE name = 'reports.build' AND state IN ('created', 'active'))::int AS slow
      FROM pgboss.job`)
  ).rows as [{ blocked: number; delayed: number; slow: number }];
  assert.ok(blocked > 0, 'flow children wait for their parents');
  assert.ok(delayed > 0, 'reminders are due later');
  assert.ok(slow > 0, 'reports take a while');
});
