// Schedules over pg-boss: the listing's order and paging, each schedule's next runs read in its
// own time zone, and the state of the last job it made. Run by engine.test.ts on both databases.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { JobEngine } from '../../../../core/contracts/engine.ts';
import { InvalidInputError } from '../../../../core/errors.ts';
import { fromPgBoss } from '../../../../adapters/pg-boss/index.ts';
import type { BossRun, BossTarget } from './targets.ts';

/** The hour and minute of an instant on the wall clock of `timeZone`. */
function wallClock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** Registers the schedule cases on `target`, whose pg-boss holds no other schedules. */
export function scheduleCases(target: BossTarget): void {
  describe('schedules', () => {
    let run: BossRun;
    let engine: JobEngine;
    let ready: Promise<void>;
    before(() => {
      ready = (async () => {
        run = await target.start();
        engine = fromPgBoss(run.boss, { schema: run.schema });
        for (const queue of ['sched_billing', 'sched_reports', 'sched_zeta']) await run.boss.createQueue(queue);
        await run.boss.schedule('sched_reports', '0 2 * * *', { report: 'revenue', apiToken: 'tok_hidden' }, { key: 'nightly', tz: 'Europe/Amsterdam' });
        await run.boss.schedule('sched_reports', '30 6 * * 1', { report: 'churn' }, { key: 'weekly', tz: 'America/New_York' });
        await run.boss.schedule('sched_billing', '*/15 * * * *', null);
        await run.boss.schedule('sched_zeta', 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0', { kind: 'rule' }, { key: 'daily-rule' });
        await run.boss.schedule('sched_zeta', '0 0 1 1 *', {}, { key: 'yearly' });
      })();
      ready.catch(() => {});
    });

    test('lists every schedule by queue and key, with its expression, zone, data and next runs', async () => {
      await ready;
      const { schedules, next } = await engine.listSchedules!({ limit: 50 });
      assert.equal(next, null);
      assert.deepEqual(schedules.map((schedule) => `${schedule.queue}/${schedule.key}`), ['sched_billing/', 'sched_reports/nightly', 'sched_reports/weekly', 'sched_zeta/daily-rule', 'sched_zeta/yearly']);
      const nightly = schedules[1]!;
      assert.equal(nightly.kind, 'cron');
      assert.equal(nightly.expression, '0 2 * * *');
      assert.equal(nightly.timeZone, 'Europe/Amsterdam');
      assert.deepEqual(nightly.data, { report: 'revenue', apiToken: 'tok_hidden' }, 'the engine hands over the data; the presenter decides what is shown');
      assert.equal(nightly.nextRuns.length, 3);
      for (const run of nightly.nextRuns) assert.equal(wallClock(run, 'Europe/Amsterdam'), '02:00', `${run} is 02:00 in Amsterdam`);
      assert.ok(Date.parse(nightly.nextRuns[0]!) > Date.now(), 'the next run is in the future');
      assert.ok(nightly.nextRuns.every((run, index) => index === 0 || Date.parse(run) > Date.parse(nightly.nextRuns[index - 1]!)), 'soonest first');
      assert.equal(wallClock(schedules[2]!.nextRuns[0]!, 'America/New_York'), '06:30');
      assert.equal(schedules[0]!.timeZone, 'UTC');
      assert.equal(schedules[0]!.data, null);
      const rule = schedules[3]!;
      assert.equal(rule.kind, 'rrule');
      assert.equal(wallClock(rule.nextRuns[0]!, 'UTC'), '09:00');
      assert.equal(schedules[0]!.lastJob, null, 'a schedule that never ran has no last job');
    });

    test('pages by queue and key without gaps or repeats, and narrows to one queue', async () => {
      await ready;
      const seen: string[] = [];
      let after: readonly (string | number)[] | undefined;
      for (let pages = 0; pages < 5; pages += 1) {
        const page = await engine.listSchedules!({ limit: 2, ...(after ? { after } : {}) });
        seen.push(...page.schedules.map((schedule) => `${schedule.queue}/${schedule.key}`));
        if (page.next === null) break;
        after = page.next;
      }
      assert.deepEqual(seen, ['sched_billing/', 'sched_reports/nightly', 'sched_reports/weekly', 'sched_zeta/daily-rule', 'sched_zeta/yearly']);
      const reports = await engine.listSchedules!({ queue: 'sched_reports', limit: 50 });
      assert.deepEqual(reports.schedules.map((schedule) => schedule.key), ['nightly', 'weekly']);
      assert.deepEqual((await engine.listSchedules!({ queue: 'no-such-queue', limit: 50 })).schedules, []);
    });

    test('refuses a cursor it did not make', async () => {
      await ready;
      for (const after of [[1, 2], ['only-one'], ['', ''], ['2026-01-01T00:00:00.000000Z', 'x', 'y']]) {
        await assert.rejects(engine.listSchedules!({ limit: 5, after }), InvalidInputError, JSON.stringify(after));
      }
    });

    test("follows the last job a schedule made through its states, and says when it is gone", async () => {
      await ready;
      await run.boss.createQueue('sched_digest', { retryLimit: 0 });
      await run.boss.schedule('sched_digest', '0 8 * * *', {});
      const id = (await run.boss.send('sched_digest', {}))!;
      // What pg-boss's cron pass records after it sends a schedule's job.
      await run.query(`UPDATE ${run.schema}.schedule SET last_job_id = $1 WHERE name = 'sched_digest'`, [id]);
      const lastJob = async () => (await engine.listSchedules!({ queue: 'sched_digest', limit: 5 })).schedules[0]!.lastJob;
      const made = (await lastJob())?.createdAt;
      assert.ok(made && Math.abs(Date.parse(made) - Date.now()) < 60_000, `made ${made}`);
      assert.deepEqual(await lastJob(), { id, state: 'queued', createdAt: made });
      const [fetched] = await run.boss.fetch('sched_digest');
      await run.boss.fail('sched_digest', fetched!.id, { message: 'smtp down' });
      assert.deepEqual(await lastJob(), { id, state: 'failed', createdAt: made });
      await run.boss.deleteJob('sched_digest', [id]);
      assert.deepEqual(await lastJob(), { id, state: null, createdAt: null });
    });

    test('says when a schedule missed a run: due after its last job (or after it was written) and long past', async () => {
      await ready;
      await run.boss.createQueue('sched_missed');
      await run.boss.schedule('sched_missed', '*/5 * * * *', {}, { key: 'ran-lately' });
      await run.boss.schedule('sched_missed', '*/5 * * * *', {}, { key: 'stopped' });
      await run.boss.schedule('sched_missed', '*/5 * * * *', {}, { key: 'never-ran' });
      await run.boss.schedule('sched_missed', '*/5 * * * *', {}, { key: 'job-gone' });
      const lately = (await run.boss.send('sched_missed', {}))!;
      const stopped = (await run.boss.send('sched_missed', {}))!;
      // Its last job was made an hour ago: the runs since made no job.
      await run.query(`UPDATE ${run.schema}.job SET created_on = now() - interval '1 hour' WHERE id = $1`, [stopped]);
      const gone = '00000000-0000-4000-8000-000000000000';
      for (const [key, job] of [['ran-lately', lately], ['stopped', stopped], ['job-gone', gone]] as const) {
        await run.query(`UPDATE ${run.schema}.schedule SET last_job_id = $1 WHERE name = 'sched_missed' AND key = $2`, [job, key]);
      }
      await run.query(`UPDATE ${run.schema}.schedule SET updated_on = now() - interval '30 minutes' WHERE name = 'sched_missed' AND key IN ('never-ran', 'job-gone')`);
      const byKey = new Map((await engine.listSchedules!({ queue: 'sched_missed', limit: 10 })).schedules.map((schedule) => [schedule.key, schedule.missedRunAt]));
      assert.equal(byKey.get('ran-lately'), null, 'its next run is not due yet');
      const missed = byKey.get('stopped');
      assert.ok(missed && Date.now() - Date.parse(missed) > 50 * 60_000 && Date.now() - Date.parse(missed) < 60 * 60_000, `stopped: first missed run ${missed}`);
      assert.equal(new Date(missed).getUTCMinutes() % 5, 0, 'a run of its expression');
      const neverRan = byKey.get('never-ran');
      assert.ok(neverRan && Date.now() - Date.parse(neverRan) > 20 * 60_000, `never-ran: first missed run ${neverRan}`);
      assert.equal(byKey.get('job-gone'), null, 'with its last job gone, nothing can be told');
    });
  });
}
