// GET api/queues/{queue}/schedules/{key}/chronology on real Express and Koa servers, over pg-boss on
// PGlite and BullMQ on Redis: schedules run now and removed through the console's own preview and
// execute, then each schedule's story from the engine and the audit log in one list; the job a run
// made named in its record, so the audit log's job filter and the job's chronology find the run; a removed
// schedule still told from its records; the schedule hidden without schedules.view and the
// records without audit.view; the key written in the path as the schedules view writes it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createOpsJobs, hideKeysMatching, type Action, type JobEngine, type OpsJobs, type Resource } from '../../../core/index.ts';
import type { ChronologyAuditEntry, ChronologyResponse, ChronologyScheduleEntry } from '../../../core/vocabulary/chronology.ts';
import type { AuditPageResponse, AuditRecordResponse, JobDetailResponse } from '../../../core/vocabulary/wire.ts';
import { scheduleKeySegment } from '../../../core/vocabulary/schedule-key.ts';
import { fromBullMQ } from '../../../adapters/bullmq/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { headerUserAuth, HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.ts';

const SECRET = 'sk_live_SCHEDULE_4242';
const REASON = `Nightly sweep missed after the outage, INC-2291 ${SECRET}`;

/**
 * `ada` may do everything; `vera` look at everything but the audit log; `nosched` everything but
 * schedules; `scoped` everything but the payroll queue; `blind` nothing.
 */
function allow(user: string, action: Action, resource: Resource): boolean {
  if (user === 'ada') return true;
  if (user === 'blind') return false;
  if (user === 'scoped' && 'queue' in resource && resource.queue === 'payroll') return false;
  if (user === 'vera' && action === 'audit.view') return false;
  if (user === 'nosched' && action === 'schedules.view') return false;
  return action.endsWith('.view');
}

/** Reasons with the secret masked; operators' labels shown; the rest hidden. */
const displayPolicy = {
  display: (kind: string, value: unknown) => {
    if (kind === 'reason') return { show: String(value).replaceAll(SECRET, '[hidden]') };
    return kind === 'actor_label' ? { show: value } : hideKeysMatching(/secret/i).display(kind as never, value, {} as never);
  },
};

/** One engine under test, and the host application's way of writing its schedules. */
interface EngineUnderTest {
  readonly name: string;
  /** A key each engine can hold that the path must write with a `~` in front: pg-boss's empty key, a BullMQ id starting with `~`. */
  readonly oddKey: string;
  /** Whether the engine makes the next run's job as soon as the schedule is written. */
  readonly makesTheNextJobAhead: boolean;
  /**
   * Makes the schedule look written two hours ago, with its last job made an hour ago, as after an
   * outage of the scheduler; returns the job's id. Only where the test can write the engine's records.
   */
  lapse?(queue: string, key: string): Promise<string>;
  start(): Promise<{ engine: JobEngine; store: ReturnType<typeof createPostgresStore> }>;
  schedule(queue: string, key: string, expression: string): Promise<void>;
  stop(): Promise<void>;
}

function pgBossUnderTest(): EngineUnderTest {
  let stack: SeededStack;
  return {
    name: 'pg-boss on PGlite',
    oddKey: '',
    makesTheNextJobAhead: false,
    async lapse(queue, key) {
      const id = (await stack.boss.send(queue, { made: 'by the schedule' }))!;
      await stack.pglite.query(`UPDATE pgboss.job SET created_on = now() - interval '1 hour' WHERE id = $1`, [id]);
      await stack.pglite.query(`UPDATE pgboss.schedule SET created_on = now() - interval '2 hours', updated_on = now() - interval '2 hours', last_job_id = $3
        WHERE name = $1 AND key = $2`, [queue, key, id]);
      return id;
    },
    async start() {
      stack = await startSeededPgBoss();
      await stack.boss.createQueue('payroll');
      return { engine: fromPgBoss(stack.boss), store: createPostgresStore({ pglite: stack.pglite, schema: 'ops_schedule_chronology' }) };
    },
    async schedule(queue, key, expression) {
      await stack.boss.schedule(queue, expression, { sweep: 'cards', secret: SECRET }, { key, tz: 'Europe/Berlin' });
    },
    stop: async () => stack?.stop(),
  };
}

function bullMQUnderTest(): EngineUnderTest {
  const prefix = uniquePrefix('schedule-chronology');
  let redis: Redis;
  let storeDb: PGlite;
  const queues = new Map<string, Queue>();
  const queueOf = (name: string) => {
    if (!queues.has(name)) queues.set(name, new Queue(name, { connection: redis, prefix }));
    return queues.get(name)!;
  };
  return {
    name: 'BullMQ on Redis',
    oddKey: '~tilde',
    makesTheNextJobAhead: true,
    async start() {
      redis = await connectRedis();
      storeDb = new PGlite();
      return {
        engine: fromBullMQ({ connection: redis, prefix, queues: ['payments', 'emails', 'payroll'] }),
        store: createPostgresStore({ pglite: storeDb, schema: 'ops_schedule_chronology' }),
      };
    },
    async schedule(queue, key, expression) {
      await queueOf(queue).upsertJobScheduler(key, { pattern: expression, tz: 'Europe/Berlin' }, { name: 'sweep', data: { sweep: 'cards', secret: SECRET } });
    },
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
  describe(`A schedule's chronology over ${underTest.name}`, () => {
    let started: Awaited<ReturnType<EngineUnderTest['start']>>;
    before(async () => {
      started = await underTest.start();
    });
    after(() => underTest.stop());

    for (const hostName of HOSTS) {
      describe(`through a ${hostName} host`, () => {
        let host: RunningHost;
        let opsJobs: OpsJobs;
        // Each host has schedules of its own, so the two hosts' records do not meet.
        const kept = `nightly-${hostName}`;
        const removed = `weekly-${hostName}`;
        const audit = { run: '', removedRun: '', remove: '' };

        const call = (user: string | null, path: string, body?: unknown) => fetch(`${host.url}/ops/jobs/api${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            ...(user ? { 'x-test-user': user } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json', origin: host.url, 'sec-fetch-site': 'same-origin' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        async function act(action: 'schedule.run' | 'schedule.remove', key: string): Promise<string> {
          const preview = await call('ada', '/actions/preview', { action, target: { queue: 'payments', schedule: key } });
          const previewed = (await preview.json()) as { token: string };
          assert.equal(preview.status, 200, JSON.stringify(previewed));
          const executed = await call('ada', '/actions/execute', { token: previewed.token, reason: REASON });
          const result = (await executed.json()) as { outcome: string; auditId: string };
          assert.equal(executed.status, 200, JSON.stringify(result));
          assert.equal(result.outcome, 'succeeded');
          return result.auditId;
        }
        const path = (queue: string, key: string) => `/queues/${encodeURIComponent(queue)}/schedules/${encodeURIComponent(scheduleKeySegment(key))}/chronology`;
        const chronology = async (queue: string, key: string, user: string) => {
          const response = await call(user, path(queue, key));
          const text = await response.text();
          assert.equal(response.status, 200, text);
          assert.equal(text.includes(SECRET), false, 'no secret in the answer');
          return JSON.parse(text) as ChronologyResponse;
        };
        const records = (answer: ChronologyResponse) => answer.entries.filter((entry): entry is ChronologyAuditEntry => entry.source === 'audit').map((entry) => [entry.record.id, entry.record.action]);
        const points = (answer: ChronologyResponse) => answer.entries.filter((entry): entry is ChronologyScheduleEntry => entry.source === 'schedule').map((entry) => entry.point);

        before(async () => {
          opsJobs = createOpsJobs({ engine: started.engine, store: started.store, auth: headerUserAuth(allow), displayPolicy: displayPolicy as never });
          await opsJobs.ready();
          host = await startHost(hostName, opsJobs as never);
          await underTest.schedule('payments', kept, '0 3 * * *');
          await underTest.schedule('payments', removed, '0 4 * * 1');
          await underTest.schedule('payroll', kept, '0 5 * * *');
          audit.run = await act('schedule.run', kept);
          audit.removedRun = await act('schedule.run', removed);
          audit.remove = await act('schedule.remove', removed);
        });
        after(async () => {
          opsJobs?.close();
          await host?.close();
        });

        test('a schedule run now: what the engine keeps of it and the run\'s record in one list, oldest first, saying no earlier runs are kept', async () => {
          const answer = await chronology('payments', kept, 'ada');
          assert.deepEqual(answer.subject, { kind: 'schedule', queue: 'payments', key: kept });
          assert.equal(answer.job, null);
          assert.equal(answer.audit, 'shown');
          assert.deepEqual(records(answer), [[audit.run, 'schedule.run']]);
          // BullMQ makes the job of a scheduler's next run when the scheduler is written; pg-boss when the run is due.
          assert.deepEqual(points(answer), underTest.makesTheNextJobAhead ? ['created', 'last_job', 'next_run'] : ['created', 'next_run']);
          const last = answer.entries.find((entry) => entry.source === 'schedule' && entry.point === 'last_job') as ChronologyScheduleEntry | undefined;
          if (underTest.makesTheNextJobAhead) assert.equal(last?.job?.state, 'scheduled');
          const next = answer.entries.at(-1) as ChronologyScheduleEntry;
          assert.equal(next.future, true);
          const times = answer.entries.map((entry) => Date.parse(entry.at));
          assert.deepEqual(times, [...times].sort((a, b) => a - b), 'oldest first');
          const run = answer.entries.find((entry) => entry.source === 'audit') as ChronologyAuditEntry;
          assert.equal(run.record.reason, 'Nightly sweep missed after the outage, INC-2291 [hidden]');
          assert.deepEqual(run.record.resource?.selection, { schedule: kept });
          assert.deepEqual(answer.gaps.map((gap) => gap.code), ['schedule_runs_not_kept']);
          // The same key in another queue is another schedule, with no records.
          const payroll = await chronology('payroll', kept, 'ada');
          assert.deepEqual(records(payroll), []);
        });

        test('a schedule run now names the job it made: in its record, found by the audit log\'s job filter, and in the job\'s chronology', async () => {
          const read = async (user: string, route: string) => {
            const response = await call(user, route);
            const text = await response.text();
            assert.equal(response.status, 200, text);
            assert.equal(text.includes(SECRET), false, 'no secret in the answer');
            return JSON.parse(text) as unknown;
          };
          const record = (await read('ada', `/audit/${audit.run}`)) as AuditRecordResponse;
          assert.equal(record.action, 'schedule.run');
          assert.equal(record.outcome, 'succeeded');
          assert.equal(record.affected, 1);
          assert.deepEqual(record.resource?.selection, { schedule: kept });
          assert.equal(record.resource?.ids.length, 1, JSON.stringify(record.resource));
          const jobId = record.resource!.ids[0]!;
          // The job the engine made for the run, with the schedule's data as the operator may see it.
          const job = (await read('ada', `/queues/payments/jobs/${encodeURIComponent(jobId)}`)) as JobDetailResponse;
          assert.deepEqual([job.id, job.state], [jobId, 'queued']);
          assert.equal(((job.data as { value?: { sweep?: string } }).value)?.sweep, 'cards');
          // Each run names its own job.
          const other = (await read('ada', `/audit/${audit.removedRun}`)) as AuditRecordResponse;
          assert.equal(other.resource?.ids.length, 1);
          assert.notEqual(other.resource?.ids[0], jobId);

          const found = (await read('ada', `/audit?job=${encodeURIComponent(jobId)}`)) as AuditPageResponse;
          assert.deepEqual(found.records.map((entry) => [entry.id, entry.action]), [[audit.run, 'schedule.run']]);
          const story = (await read('ada', `/queues/payments/jobs/${encodeURIComponent(jobId)}/chronology`)) as ChronologyResponse;
          assert.deepEqual(story.subject, { kind: 'job', queue: 'payments', id: jobId });
          assert.equal(story.audit, 'shown');
          assert.deepEqual(records(story), [[audit.run, 'schedule.run']]);
          // Without audit.view, neither the log nor the job's story shows the run.
          assert.equal((await call('vera', `/audit?job=${encodeURIComponent(jobId)}`)).status, 403);
          const hidden = (await read('vera', `/queues/payments/jobs/${encodeURIComponent(jobId)}/chronology`)) as ChronologyResponse;
          assert.deepEqual(records(hidden), []);
        });

        test('a schedule run now and then removed: its story from the audit log alone, saying the engine no longer has it', async () => {
          const answer = await chronology('payments', removed, 'ada');
          assert.deepEqual(points(answer), []);
          assert.deepEqual(records(answer), [[audit.removedRun, 'schedule.run'], [audit.remove, 'schedule.remove']]);
          assert.deepEqual(answer.gaps.map((gap) => gap.code), ['schedule_gone']);
        });

        test('without audit.view the records are hidden; without schedules.view the schedule is', async () => {
          const hidden = await chronology('payments', kept, 'vera');
          assert.equal(hidden.audit, 'hidden');
          assert.deepEqual(records(hidden), []);
          assert.equal(points(hidden)[0], 'created');
          assert.deepEqual(hidden.gaps.map((gap) => gap.code), ['schedule_runs_not_kept', 'audit_hidden']);
          // Without the audit log, a removed schedule is unknown.
          const gone = await call('vera', path('payments', removed));
          assert.equal(gone.status, 404);
          assert.match(((await gone.json()) as { detail: string }).detail, /no schedule with key/);

          const noSchedules = await chronology('payments', kept, 'nosched');
          assert.deepEqual(points(noSchedules), []);
          assert.deepEqual(records(noSchedules), [[audit.run, 'schedule.run']]);
          assert.deepEqual(noSchedules.gaps.map((gap) => gap.code), ['schedule_hidden']);
          // Without schedules.view and without a record of it, a schedule is unknown: its key is not confirmed.
          const unconfirmed = await call('nosched', path('payroll', kept));
          assert.equal(unconfirmed.status, 404);
          assert.match(((await unconfirmed.json()) as { detail: string }).detail, /no schedule with key/);
        });

        const lapse = underTest.lapse;
        if (lapse) {
          test('a schedule whose scheduler stopped: its last job, with its state now, and the run it missed since', async () => {
            const key = `lapsed-${hostName}`;
            await underTest.schedule('payments', key, '*/5 * * * *');
            const id = await lapse('payments', key);
            const answer = await chronology('payments', key, 'ada');
            assert.deepEqual(points(answer), ['created', 'last_job', 'missed_run', 'next_run']);
            const last = answer.entries[1] as ChronologyScheduleEntry;
            assert.deepEqual(last.job, { id, state: 'queued' });
            const missed = answer.entries[2] as ChronologyScheduleEntry;
            assert.ok(Date.parse(missed.at) > Date.parse(last.at) && !missed.future, 'due after the last job, and past');
            assert.deepEqual(answer.gaps.map((gap) => gap.code), ['schedule_runs_not_kept']);
          });
        }

        test("the audit log lists a schedule's records by its key, as the chronology's link to them asks", async () => {
          const listed = async (query: string) => {
            const response = await call('ada', `/audit?${query}`);
            const page = (await response.json()) as { records: { id: string }[] };
            assert.equal(response.status, 200, JSON.stringify(page));
            return page.records.map((record) => record.id);
          };
          assert.deepEqual(await listed(`queue=payments&schedule=${encodeURIComponent(kept)}`), [audit.run]);
          assert.deepEqual(await listed(`schedule=${encodeURIComponent(removed)}`), [audit.remove, audit.removedRun], 'newest first');
          assert.deepEqual(await listed(`queue=payroll&schedule=${encodeURIComponent(kept)}`), [], 'the same key on another queue');
          const tooLong = await call('ada', `/audit?schedule=${'k'.repeat(2000)}`);
          assert.equal(tooLong.status, 400);
          assert.equal(((await tooLong.json()) as { parameter?: string }).parameter, 'schedule');
        });

        test('a key the path writes with a ~ in front', async () => {
          await underTest.schedule('emails', underTest.oddKey, '*/5 * * * *');
          const answer = await chronology('emails', underTest.oddKey, 'ada');
          assert.deepEqual(answer.subject, { kind: 'schedule', queue: 'emails', key: underTest.oddKey });
          assert.equal(points(answer)[0], 'created');
          assert.deepEqual(records(answer), []);
        });

        test('unknown schedules and queues are 404, bad input 400, as problems; no operator 401, no permission 403', async () => {
          const unknown = await call('ada', path('payments', 'no-such-schedule'));
          assert.equal(unknown.status, 404);
          assert.match(unknown.headers.get('content-type') ?? '', /application\/problem\+json/);
          assert.match(((await unknown.json()) as { detail: string }).detail, /no schedule with key "no-such-schedule", and the audit log names none/);
          const noQueue = await call('ada', path('nowhere', kept));
          assert.equal(noQueue.status, 404);
          assert.match(((await noQueue.json()) as { detail: string }).detail, /no queue named "nowhere"/);
          for (const bad of ['/queues/payments/schedules/%E0%A4%A/chronology', path('payments', 'k'.repeat(600))]) {
            const response = await call('ada', bad);
            assert.equal(response.status, 400, bad.slice(0, 50));
            assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
            await response.arrayBuffer();
          }
          assert.equal((await call(null, path('payments', kept))).status, 401);
          assert.equal((await call('blind', path('payments', kept))).status, 403);
          assert.equal((await call('scoped', path('payroll', kept))).status, 403);
          assert.equal((await call('scoped', path('payments', kept))).status, 200);
        });
      });
    }
  });
}
