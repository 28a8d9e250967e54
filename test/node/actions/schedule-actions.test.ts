// Run a schedule now and remove it, on pg-boss (PGlite) and BullMQ (Redis), through real Express
// and Koa servers: authorized per operator, previewed in words, executed with a reason and a
// single-use token, audited with the schedule named, and refused when the schedule changed or went
// away since the preview. Bad input is a problem that changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createOpsJobs, hideKeysMatching, type Action, type JobEngine, type OpsJobs, type Resource } from '../../../core/index.ts';
import { fromBullMQ } from '../../../adapters/bullmq/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { headerUserAuth, HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.ts';

const REASON = 'Nightly sweep missed after the outage, INC-2291';

/** `ada` may do everything; `runner` may run schedules but not remove them; `viewer` only looks. */
function allow(user: string, action: Action, resource: Resource): boolean {
  if (user === 'ada') return true;
  if (user === 'runner') return action.endsWith('.view') || (action === 'schedule.run' && resource.type !== 'job');
  return action.endsWith('.view');
}

/** One engine under test, with the host's own view of its schedules and jobs. */
interface EngineUnderTest {
  readonly name: string;
  start(): Promise<{ engine: JobEngine; store: ReturnType<typeof createPostgresStore> }>;
  /** Creates or replaces a schedule of `queue` (cron `expression`) as the host application would. */
  schedule(queue: string, key: string, expression: string, data: Record<string, unknown>): Promise<void>;
  hasSchedule(queue: string, key: string): Promise<boolean>;
  /** Jobs of `queue` ready for a worker now. */
  readyJobs(queue: string): Promise<number>;
  /** Every job of `queue`, whatever its state. */
  allJobs(queue: string): Promise<number>;
  stop(): Promise<void>;
}

function pgBossUnderTest(): EngineUnderTest {
  let stack: SeededStack;
  const count = async (sql: string, queue: string) => Number((await stack.pglite.query<{ n: number }>(sql, [queue])).rows[0]?.n ?? 0);
  return {
    name: 'pg-boss',
    async start() {
      stack = await startSeededPgBoss();
      // The console's tables beside pg-boss's on its one PGlite connection, as the demo keeps them:
      // nothing may read through pg-boss while the console's transaction holds that connection.
      return { engine: fromPgBoss(stack.boss), store: createPostgresStore({ pglite: stack.pglite, schema: 'ops_schedule_actions' }) };
    },
    async schedule(queue, key, expression, data) {
      await stack.boss.schedule(queue, expression, data, { key, tz: 'Europe/Berlin', priority: 3 });
    },
    async hasSchedule(queue, key) {
      return (await stack.boss.getSchedules(queue, key)).length === 1;
    },
    readyJobs: (queue) => count(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'created'`, queue),
    allJobs: (queue) => count('SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1', queue),
    async stop() {
      await stack?.stop();
    },
  };
}

function bullMQUnderTest(): EngineUnderTest {
  const prefix = uniquePrefix('schedule-actions');
  let redis: Redis;
  let storeDb: PGlite;
  const queues = new Map<string, Queue>();
  const queueOf = (name: string) => {
    if (!queues.has(name)) queues.set(name, new Queue(name, { connection: redis, prefix }));
    return queues.get(name)!;
  };
  return {
    name: 'BullMQ',
    async start() {
      redis = await connectRedis();
      storeDb = new PGlite();
      return {
        engine: fromBullMQ({ connection: redis, prefix, queues: ['payments', 'emails'] }),
        store: createPostgresStore({ pglite: storeDb, schema: 'ops_schedule_actions' }),
      };
    },
    async schedule(queue, key, expression, data) {
      await queueOf(queue).upsertJobScheduler(key, { pattern: expression, tz: 'Europe/Berlin' }, { name: 'sweep', data, opts: { priority: 3 } });
    },
    async hasSchedule(queue, key) {
      return (await queueOf(queue).getJobScheduler(key)) !== undefined;
    },
    readyJobs: async (queue) => {
      const counts = await queueOf(queue).getJobCounts('waiting', 'prioritized');
      return (counts.waiting ?? 0) + (counts.prioritized ?? 0);
    },
    allJobs: async (queue) => Object.values(await queueOf(queue).getJobCounts()).reduce((sum, n) => sum + n, 0),
    async stop() {
      for (const queue of queues.values()) await queue.close();
      if (redis) {
        await deletePrefix(redis, prefix);
        redis.disconnect();
      }
      await storeDb?.close();
    },
  };
}

for (const underTest of [pgBossUnderTest(), bullMQUnderTest()]) {
  describe(`Schedule actions on ${underTest.name}`, () => {
    before(async () => {
      const { engine, store } = await underTest.start();
      started = { engine, store };
    });
    after(() => underTest.stop());
    let started: Awaited<ReturnType<EngineUnderTest['start']>>;

    for (const hostName of HOSTS) {
      describe(`through a ${hostName} host`, () => {
        let host: RunningHost;
        let opsJobs: OpsJobs;
        // Each host acts on schedules of its own, so the two hosts' runs do not meet.
        const key = `nightly-${hostName}`;
        before(async () => {
          opsJobs = createOpsJobs({ engine: started.engine, store: started.store, auth: headerUserAuth(allow), displayPolicy: hideKeysMatching(/secret/i) });
          await opsJobs.ready();
          host = await startHost(hostName, opsJobs as never);
          await underTest.schedule('payments', key, '0 3 * * *', { sweep: 'cards' });
        });
        after(async () => {
          await host?.close();
        });

        const call = (user: string | null, path: string, body?: unknown) => fetch(`${host.url}/ops/jobs/api${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            ...(user ? { 'x-test-user': user } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json', origin: host.url, 'sec-fetch-site': 'same-origin' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const json = async (response: Response) => ({ status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json() });
        const preview = async (user: string | null, body: unknown) => json(await call(user, '/actions/preview', body));
        const execute = async (user: string, token: string, reason = REASON) => json(await call(user, '/actions/execute', { token, reason }));

        test('the session lists run and remove for schedules, and who may take them', async () => {
          const session = await (await call('ada', '/session')).json();
          assert.deepEqual(session.engine.scheduleActions, ['schedule.run', 'schedule.remove']);
          assert.equal(session.permissions['schedule.run'], true);
          const runner = await (await call('runner', '/session')).json();
          assert.deepEqual([runner.permissions['schedule.run'], runner.permissions['schedule.remove']], [true, false]);
        });

        test('no operator is 401, an operator without the action is 403, and neither changes anything', async () => {
          const before = await underTest.allJobs('payments');
          const signedOut = await preview(null, { action: 'schedule.run', target: { queue: 'payments', schedule: key } });
          assert.equal(signedOut.status, 401);
          const viewer = await preview('viewer', { action: 'schedule.run', target: { queue: 'payments', schedule: key } });
          assert.equal(viewer.status, 403);
          assert.match(viewer.type, /application\/problem\+json/);
          const runner = await preview('runner', { action: 'schedule.remove', target: { queue: 'payments', schedule: key } });
          assert.equal(runner.status, 403);
          assert.equal(await underTest.allJobs('payments'), before);
          assert.equal(await underTest.hasSchedule('payments', key), true);
        });

        test('bad input is a problem that names what is wrong and changes nothing', async () => {
          const before = await underTest.allJobs('payments');
          const unknown = await preview('ada', { action: 'schedule.run', target: { queue: 'payments', schedule: 'no-such-schedule' } });
          assert.equal(unknown.status, 404);
          assert.match(unknown.type, /application\/problem\+json/);
          assert.match(unknown.body.detail, /no schedule with key "no-such-schedule"/);
          const noQueue = await preview('ada', { action: 'schedule.remove', target: { queue: 'nowhere', schedule: key } });
          assert.equal(noQueue.status, 404);
          for (const target of [{ queue: 'payments' }, { queue: 'payments', schedule: 7 }, { queue: 'payments', schedule: key, ids: ['1'] }, { schedule: key }]) {
            const refused = await preview('ada', { action: 'schedule.run', target });
            assert.equal(refused.status, 400, JSON.stringify(target));
            assert.match(refused.type, /application\/problem\+json/);
          }
          assert.equal(await underTest.allJobs('payments'), before);
          assert.equal(await underTest.hasSchedule('payments', key), true);
        });

        test('run now: the preview says which schedule and changes nothing; the execute makes one job, keeps the schedule and audits it; the token works once', async () => {
          const ready = await underTest.readyJobs('payments');
          const previewed = await preview('runner', { action: 'schedule.run', target: { queue: 'payments', schedule: key } });
          assert.equal(previewed.status, 200, JSON.stringify(previewed.body));
          assert.deepEqual([previewed.body.action, previewed.body.queue, previewed.body.count, previewed.body.sample], ['schedule.run', 'payments', 1, []]);
          assert.deepEqual({ ...previewed.body.schedule, nextRun: typeof previewed.body.schedule.nextRun },
            { key, kind: 'cron', expression: '0 3 * * *', timeZone: 'Europe/Berlin', nextRun: 'string' });
          assert.equal(await underTest.readyJobs('payments'), ready, 'a preview makes no job');

          const noReason = await execute('runner', previewed.body.token, 'x');
          assert.equal(noReason.status, 400);
          assert.equal(noReason.body.parameter, 'reason');
          assert.equal(await underTest.readyJobs('payments'), ready);

          const executed = await execute('runner', previewed.body.token);
          assert.equal(executed.status, 200, JSON.stringify(executed.body));
          assert.equal(executed.body.affected, 1);
          assert.equal(await underTest.readyJobs('payments'), ready + 1, 'one job, ready now');
          assert.equal(await underTest.hasSchedule('payments', key), true, 'the schedule stays');

          const record = await (await call('ada', `/audit/${executed.body.auditId}`)).json();
          assert.deepEqual([record.action, record.outcome, record.requested, record.affected, record.reason], ['schedule.run', 'succeeded', 1, 1, REASON]);
          // The record names the job the run made: one the queue holds, ready.
          assert.equal(record.resource.ids.length, 1, JSON.stringify(record.resource));
          assert.deepEqual(record.resource, { queue: 'payments', selection: { schedule: key }, ids: [record.resource.ids[0]] });
          const made = await (await call('ada', `/queues/payments/jobs/${encodeURIComponent(record.resource.ids[0])}`)).json();
          assert.deepEqual([made.id, made.state], [record.resource.ids[0], 'queued']);
          assert.equal(record.principal.id, 'runner');

          const again = await execute('runner', previewed.body.token);
          assert.equal(again.status, 409);
          assert.match(again.type, /application\/problem\+json/);
          assert.equal(await underTest.readyJobs('payments'), ready + 1, 'a used token makes no second job');
        });

        test('a schedule changed between preview and execute is a conflict, recorded as drifted, and no job is made', async () => {
          const previewed = await preview('ada', { action: 'schedule.run', target: { queue: 'payments', schedule: key } });
          assert.equal(previewed.status, 200, JSON.stringify(previewed.body));
          await underTest.schedule('payments', key, '15 4 * * *', { sweep: 'cards' });
          const before = await underTest.readyJobs('payments');
          const drifted = await execute('ada', previewed.body.token);
          assert.equal(drifted.status, 409);
          assert.match(drifted.body.detail, /was changed \(its expression, time zone or data\) since the preview/);
          assert.equal(await underTest.readyJobs('payments'), before);
          const log = await (await call('ada', `/audit?action=schedule.run&outcome=drifted&queue=payments`)).json();
          assert.ok(log.records.some((entry: { resource: { selection: { schedule?: string } } }) => entry.resource.selection.schedule === key));
        });

        test('remove: the preview warns, the execute removes the schedule and keeps the jobs it made; a vanished schedule is a conflict', async () => {
          const jobs = await underTest.allJobs('payments');
          const previewed = await preview('ada', { action: 'schedule.remove', target: { queue: 'payments', schedule: key } });
          assert.equal(previewed.status, 200, JSON.stringify(previewed.body));
          assert.equal(previewed.body.schedule.expression, '15 4 * * *');
          assert.match(previewed.body.warnings.join(' '), /may create this one again/);
          assert.equal(await underTest.hasSchedule('payments', key), true, 'a preview removes nothing');
          const second = await preview('ada', { action: 'schedule.remove', target: { queue: 'payments', schedule: key } });

          const executed = await execute('ada', previewed.body.token);
          assert.equal(executed.status, 200, JSON.stringify(executed.body));
          assert.equal(executed.body.affected, 1);
          assert.equal(await underTest.hasSchedule('payments', key), false);
          const listed = await (await call('ada', '/schedules?queue=payments')).json();
          assert.ok(!listed.schedules.some((schedule: { key: string }) => schedule.key === key));
          // BullMQ also drops the job it had made ahead for the next run; every job made before stays.
          assert.ok(await underTest.allJobs('payments') >= jobs - (underTest.name === 'BullMQ' ? 1 : 0));
          const record = await (await call('ada', `/audit/${executed.body.auditId}`)).json();
          assert.deepEqual([record.action, record.outcome, record.resource.selection], ['schedule.remove', 'succeeded', { schedule: key }]);

          const vanished = await execute('ada', second.body.token);
          assert.equal(vanished.status, 409);
          assert.match(vanished.body.detail, /was removed since the preview/);
        });
      });
    }
  });
}
