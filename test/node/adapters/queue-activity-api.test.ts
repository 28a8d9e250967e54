// GET api/queues/{queue}/activity on real Express and Koa servers over pg-boss on PGlite, with
// persistQueueStats on: pg-boss's own monitor records a snapshot, and snapshots written as the
// monitor writes them (a day of them) come back as points of jobs per minute and percentiles of
// wait and run times read with pg-boss's own histogram arithmetic.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { PgBoss, addBins, fromPglite, percentile } from 'pg-boss';
import { createOpsJobs, type Action, type OpsJobs, type Resource } from '../../../core/index.ts';
import type { QueueActivityResponse } from '../../../core/vocabulary/wire.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { headerUserAuth, HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';

let pglite: PGlite;
let boss: PgBoss;
const NOW = Date.now();
/** A histogram of 48 slots with `count` jobs in slot `slot`. */
const bins = (slot: number, count: number) => Array.from({ length: 48 }, (_, index) => (index === slot ? count : 0));

function allow(user: string, action: Action, resource: Resource): boolean {
  if (user === 'scoped' && resource.type === 'queue' && resource.queue === 'payroll') return false;
  return user !== 'blind' && action.endsWith('.view');
}

/**
 * pg-boss provisions the snapshot partitions of today and tomorrow (UTC) only, so shortly after
 * midnight a snapshot of an hour ago needs yesterday's, which its monitor would have made then.
 */
async function ensureDayPartition(at: Date): Promise<void> {
  const day = at.toISOString().slice(0, 10);
  const next = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
  await pglite.exec(
    `CREATE TABLE IF NOT EXISTS pgboss.queue_stats_${day.replaceAll('-', '')} PARTITION OF pgboss.queue_stats FOR VALUES FROM ('${day} 00:00:00+00') TO ('${next} 00:00:00+00')`,
  );
}

before(async () => {
  pglite = await PGlite.create();
  boss = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', supervise: false, schedule: false, persistQueueStats: true });
  boss.on('error', (error) => console.error('pg-boss error in the activity test', error));
  await boss.start();
  await boss.createQueue('emails');
  await boss.createQueue('payroll');
  await boss.createQueue('quiet');
  // pg-boss's own monitor pass: the first snapshot of payroll, a baseline with nothing counted yet.
  await boss.supervise('payroll');
  // Two snapshots in one half hour of the last day and one in another, as the monitor writes them.
  const snapshot = async (minutesAgo: number, created: number, completed: number, failed: number, wait: number[], run: number[], readyOldest: number) => {
    const at = new Date(NOW - minutesAgo * 60_000);
    await ensureDayPartition(at);
    await pglite.query(
      `INSERT INTO pgboss.queue_stats (name, captured_on, created_delta, completed_delta, failed_delta, delta_seconds, delta_on, wait_bins, run_bins, ready_oldest_seconds,
         deferred_count, queued_count, ready_count, active_count, failed_count, total_count)
       VALUES ('emails', $1, $2, $3, $4, 60, $5, $6, $7, $8, 0, 0, 0, 0, 0, 0)`,
      [at.toISOString(), created, completed, failed, new Date(at.getTime() - 10_000).toISOString(), wait, run, readyOldest],
    );
  };
  await snapshot(62, 120, 100, 6, bins(10, 100), bins(20, 100), 30);
  await snapshot(61, 60, 50, 0, bins(30, 50), bins(22, 50), 45);
  await snapshot(5, 30, 30, 3, bins(12, 30), bins(21, 30), 2);
});
after(async () => {
  await boss?.stop({ graceful: false }).catch(() => {});
  await pglite?.close();
});

for (const hostName of HOSTS) {
  describe(`GET api/queues/{queue}/activity on ${hostName}`, () => {
    let host: RunningHost;
    let opsJobs: OpsJobs;
    before(async () => {
      opsJobs = createOpsJobs({
        engine: fromPgBoss(boss), store: createPostgresStore({ pglite }), auth: headerUserAuth(allow), displayPolicy: { display: () => undefined },
        clock: () => new Date(NOW),
      });
      host = await startHost(hostName, opsJobs as never);
    });
    after(async () => {
      await opsJobs?.close();
      await host?.close();
    });
    const get = (user: string | null, path: string) => fetch(`${host.url}/ops/jobs/api/queues/${path}`, { headers: user ? { 'x-test-user': user } : {} });

    test('adds the snapshots of each half hour of the day into a point: jobs per minute, and percentiles of the summed histograms', async () => {
      const response = await get('viewer', 'emails/activity');
      assert.equal(response.status, 200);
      const activity = (await response.json()) as QueueActivityResponse;
      assert.equal(activity.window, '24h');
      assert.equal(activity.bucketSeconds, 1800);
      assert.equal(activity.recorded, true);
      assert.equal(Date.parse(activity.to) - Date.parse(activity.from), 86_400_000);
      assert.equal(activity.points.length, 2, 'two half hours had snapshots');
      const [earlier, later] = activity.points;
      assert.deepEqual(
        { created: earlier!.createdPerMinute, completed: earlier!.completedPerMinute, failed: earlier!.failedPerMinute, ready: earlier!.readyOldestSeconds },
        { created: 90, completed: 75, failed: 3, ready: 45 },
        'two minutes of snapshots: (120 + 60) / 2 made a minute; the later snapshot says how old the backlog was',
      );
      const wait = addBins(bins(10, 100), bins(30, 50));
      assert.equal(earlier!.waitP50, Math.round(percentile(wait, 50)! * 1000) / 1000);
      assert.equal(earlier!.waitP95, Math.round(percentile(wait, 95)! * 1000) / 1000);
      assert.ok(earlier!.waitP95! > earlier!.waitP50!);
      assert.equal(later!.failedPerMinute, 3);
      assert.ok(Date.parse(earlier!.at) < Date.parse(later!.at) && Date.parse(later!.at) <= NOW, 'oldest first, each at the end of its stretch');
    });

    test("the last hour, by the minute; a queue pg-boss's monitor has counted once is recorded with no throughput yet", async () => {
      const hour = (await (await get('viewer', 'emails/activity?window=1h')).json()) as QueueActivityResponse;
      assert.equal(hour.bucketSeconds, 60);
      assert.equal(hour.points.length, 1, 'only the snapshot of five minutes ago is in the last hour');
      const payroll = (await (await get('viewer', 'payroll/activity')).json()) as QueueActivityResponse;
      assert.equal(payroll.recorded, true);
      assert.ok(payroll.points.every((point) => point.createdPerMinute === 0));
      const quiet = (await (await get('viewer', 'quiet/activity')).json()) as QueueActivityResponse;
      assert.deepEqual([quiet.recorded, quiet.points], [false, []], 'no snapshot of it at all');
    });

    test('bad input is a problem and an unknown or hidden queue answers as it does elsewhere', async () => {
      const bad = await get('viewer', 'emails/activity?window=7y');
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal(((await bad.json()) as { parameter?: string }).parameter, 'window');
      assert.equal((await get('viewer', 'nope/activity')).status, 404);
      assert.equal((await get('scoped', 'payroll/activity')).status, 403);
      assert.equal((await get(null, 'emails/activity')).status, 401);
      assert.equal((await get('blind', 'emails/activity')).status, 403);
    });
  });
}
