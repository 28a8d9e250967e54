import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CursorPosition, JobEngine } from '../../../../core/contracts/engine.ts';
import { ALL_JOB_STATES } from '../../../../core/vocabulary/job-states.ts';
import type { JobSummary } from '../../../../core/contracts/jobs.ts';
import { InvalidInputError } from '../../../../core/errors.ts';
import { fromPgBoss } from '../../../../adapters/pg-boss/index.ts';
import { PAGING_JOBS, QUEUES, seed } from './seed.ts';
import type { Seeded } from './seed.ts';
import type { BossRun, BossTarget } from './targets.ts';

/** A queue of its own for the test of error shapes. */
const ERRORS_QUEUE = 'ops_errors';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** What the pg-boss engine reads that only pg-boss has: settings, internal queues, cursors, error shapes, dead-letter lineage. */
export function readCases(target: BossTarget): void {
  describe('reading pg-boss', () => {
    let run: BossRun | undefined;
    let engine: JobEngine;
    let seeded: Seeded;

    // Each test awaits the setup itself, so an unreachable database fails every test with the
    // reason rather than cancelling them from a hook.
    let ready: Promise<void> = Promise.resolve();
    const dbTest = (name: string, body: () => Promise<void>): void => {
      test(name, async () => {
        await ready;
        await body();
      });
    };
    before(() => {
      ready = (async () => {
        run = await target.start();
        engine = fromPgBoss(run.boss, { schema: run.schema, version: '12.38.0' });
        seeded = await seed(run.boss);
      })();
      ready.catch(() => {});
    });
    after(async () => {
      await run?.stop();
    });

    /** Every job of a listing, following `next` page by page. */
    const everyPage = async (queue: string, limit: number): Promise<JobSummary[][]> => {
      const pages: JobSummary[][] = [];
      let position: CursorPosition | undefined;
      do {
        const page = await engine.listJobs({ queue, limit, ...(position ? { after: position } : {}) });
        pages.push([...page.jobs]);
        position = page.next ?? undefined;
        assert.ok(pages.length <= PAGING_JOBS + 1, 'paging does not end');
      } while (position);
      return pages;
    };
    /** The queue's ids newest first, read straight from pg-boss's table. */
    const newestFirst = async (queue: string): Promise<string[]> =>
      (await run!.query(`SELECT id::text AS id FROM ${run!.schema}.job WHERE name = $1 ORDER BY created_on DESC, id DESC`, [queue])).rows.map(
        (row) => row.id,
      );

    dbTest('names itself and declares every console state once', async () => {
      assert.equal(engine.name, 'pg-boss 12.38.0');
      assert.equal(fromPgBoss(run!.boss, { schema: run!.schema }).name, 'pg-boss');
      assert.deepEqual([...engine.capabilities.states].sort(), [...ALL_JOB_STATES].sort());
    });

    dbTest("describes a queue's pg-boss settings; a small queue is counted live, its dead-lettered copy where it waits", async () => {
      const counts = await engine.countJobs([QUEUES.main, QUEUES.deadLetter]);
      const counted = counts.find((entry) => entry.queue === QUEUES.main);
      const deadLetter = counts.find((entry) => entry.queue === QUEUES.deadLetter);
      const queue = await engine.findQueue(QUEUES.main);
      assert.ok(counted && deadLetter && queue);
      assert.deepEqual(counted.stale, {});
      assert.equal(counted.total, 9);
      assert.equal(deadLetter.counts.queued, 1);
      assert.equal((await engine.findQueue(QUEUES.empty))?.deadLetterQueue, null);
      assert.equal(queue.deadLetterQueue, QUEUES.deadLetter);
      assert.equal(queue.settings.policy, 'standard');
      assert.equal(queue.settings.retryLimit, 1);
      assert.equal(queue.settings.retryBackoff, false);
      assert.equal(typeof queue.settings.expireInSeconds, 'number');
      assert.equal(typeof queue.settings.retentionSeconds, 'number');
      assert.equal(typeof queue.settings.deleteAfterSeconds, 'number');
    });

    dbTest("pg-boss's own internal queues are not the host's jobs and are not shown", async () => {
      await run!.boss.createQueue('__pgboss__internal-check');
      assert.ok(!(await engine.listQueues()).some((queue) => queue.name.startsWith('__pgboss__')));
      assert.equal(await engine.findQueue('__pgboss__internal-check'), null);
    });

    dbTest('keyset pages break ties between jobs written in one statement by id', async () => {
      const all = await newestFirst(QUEUES.paging);
      assert.deepEqual([...all].sort(), [...seeded.paging].sort());
      const { rows } = await run!.query(
        `SELECT count(DISTINCT created_on)::int AS times FROM ${run!.schema}.job WHERE name = $1`,
        [QUEUES.paging],
      );
      assert.ok(rows[0].times < PAGING_JOBS, 'some jobs share a created_on, so pages must break ties by id');
      for (const limit of [1, 4, 5, 7]) {
        const pages = await everyPage(QUEUES.paging, limit);
        assert.equal(pages.length, Math.ceil(PAGING_JOBS / limit), `limit ${limit}: page count`);
        for (const page of pages.slice(0, -1)) assert.equal(page.length, limit);
        assert.deepEqual(pages.flat().map((job) => job.id), all, `limit ${limit}: every job once, newest first`);
      }
    });

    dbTest('a malformed or foreign cursor is refused as invalid input', async () => {
      const id = seeded.main.queued.id;
      const foreign: unknown[] = [
        [],
        ['2026-01-01T00:00:00.000000Z'],
        ['2026-01-01T00:00:00.000000Z', id, 'extra'],
        [1767225600000, id],
        ['2026-01-01T00:00:00.000000Z', 42],
        ['2026-01-01T00:00:00Z', id],
        ['2026-13-01T00:00:00.000000Z', id],
        ['2026-02-30T00:00:00.000000Z', id],
        ['yesterday', id],
        ['2026-01-01T00:00:00.000000Z', 'not-a-uuid'],
        ['2026-01-01T00:00:00.000000Z', id.toUpperCase()],
        ["2026-01-01T00:00:00.000000Z'); DROP TABLE job; --", id],
        ['1700000000000', 'bullmq-job-17'],
        'a string',
      ];
      for (const after of foreign) {
        await assert.rejects(
          engine.listJobs({ queue: QUEUES.main, limit: 10, after: after as CursorPosition }),
          (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'cursor',
          `cursor ${JSON.stringify(after)}`,
        );
      }
    });

    dbTest('a failed job shows its data, error, attempts, options and timings', async () => {
      const job = await engine.getJob(QUEUES.main, seeded.main.failed.id);
      assert.ok(job);
      assert.equal(job.state, 'failed');
      assert.deepEqual(job.data, { step: 'failed' });
      assert.equal(job.output, null);
      assert.equal(job.error?.name, 'Error');
      assert.equal(job.error?.message, 'boom');
      assert.match(job.error?.stack ?? '', /boom/);
      assert.equal(job.errorMessage, 'boom');
      assert.deepEqual(job.attempts, { made: 1, max: 1 });
      assert.equal(job.options.retryLimit, 0);
      assert.equal(job.options.deadLetter, QUEUES.deadLetter);
      assert.equal(job.options.policy, 'standard');
      assert.equal(typeof job.options.expireInSeconds, 'number');
      assert.equal(job.timings.createdAt, job.createdAt);
      for (const time of [job.timings.startedAt, job.timings.finishedAt, job.timings.keepUntil, job.timings.runAfter]) {
        assert.match(time ?? '', ISO);
      }
      assert.ok(job.timings.createdAt <= job.timings.startedAt! && job.timings.startedAt! <= job.timings.finishedAt!);
      assert.equal(job.deadLetteredFrom, null);
    });

    dbTest('queued, active and blocked jobs have no error; options carry what they were sent with', async () => {
      const active = await engine.getJob(QUEUES.main, seeded.main.active.id);
      assert.equal(active?.state, 'active');
      assert.equal(active?.error, null);
      assert.equal(active?.options.singletonKey, 'only-one');
      assert.equal(active?.options.priority, 5);
      const child = await engine.getJob(QUEUES.main, seeded.main.child.id);
      assert.equal(child?.state, 'blocked');
      assert.deepEqual(child?.data, { step: 'child' });
      assert.equal(child?.error, null);
      assert.equal(child?.output, null);
    });

    dbTest('the listing and the detail read the same error message from every shape pg-boss stores', async () => {
      const { boss } = run!;
      await boss.createQueue(ERRORS_QUEUE, { retryLimit: 0 });
      const failures: [unknown, string | null][] = [
        [new Error('thrown'), 'thrown'],
        ['a plain string', 'a plain string'],
        [{ value: { message: 'job timed out' } }, 'job timed out'],
        [{ message: 'custom', code: 'E42' }, 'custom'],
        [{ message: 42 }, null],
        [{ reason: 'no message' }, null],
        [{ value: 5 }, null],
        [null, null],
      ];
      const ids: string[] = [];
      for (const [output] of failures) {
        const id = await boss.send(ERRORS_QUEUE, {});
        const [job] = await boss.fetch(ERRORS_QUEUE);
        assert.equal(job?.id, id);
        await boss.fail(ERRORS_QUEUE, job.id, output as object | null);
        ids.push(job.id);
      }
      const { jobs } = await engine.listJobs({ queue: ERRORS_QUEUE, limit: 50 });
      const listed = new Map(jobs.map((job) => [job.id, job.errorMessage]));
      for (const [index, [output, message]] of failures.entries()) {
        const detail = await engine.getJob(ERRORS_QUEUE, ids[index]!);
        assert.equal(detail?.state, 'failed');
        assert.equal(listed.get(ids[index]!), message, `listing, output ${JSON.stringify(output)}`);
        assert.equal(detail?.error?.message ?? null, message, `detail, output ${JSON.stringify(output)}`);
      }
      const custom = await engine.getJob(ERRORS_QUEUE, ids[3]!);
      assert.deepEqual(custom?.error, { message: 'custom', details: { code: 'E42' } });
      assert.equal((await engine.getJob(ERRORS_QUEUE, ids[7]!))?.error, null);
    });

    dbTest('a dead-lettered copy says where it came from and the failure that sent it', async () => {
      const job = await engine.getJob(QUEUES.deadLetter, seeded.deadLettered);
      assert.ok(job);
      assert.equal(job.state, 'queued');
      assert.deepEqual(job.deadLetteredFrom, { queue: QUEUES.main, id: seeded.main.failed.id });
      assert.deepEqual(job.data, { step: 'failed' });
      assert.deepEqual(job.attempts, { made: 0, max: 3 });
      assert.equal(job.error?.message, 'boom');
      assert.equal(job.errorMessage, 'boom');

      const { jobs: [row] } = await engine.listJobs({ queue: QUEUES.deadLetter, limit: 10 });
      assert.equal(row?.id, seeded.deadLettered);
      assert.deepEqual(row?.deadLetteredFrom, { queue: QUEUES.main });
      assert.equal(row?.errorMessage, 'boom');
      const { jobs: [bounded] } = await engine.listJobs({ queue: QUEUES.deadLetter, state: 'queued', limit: 10 });
      assert.equal(bounded?.errorMessage, 'boom', 'a listing by state carries it too');
      const { jobs: ownRows } = await engine.listJobs({ queue: QUEUES.main, limit: 50 });
      assert.ok(ownRows.length > 0 && ownRows.every((own) => own.deadLetteredFrom === undefined), 'a job of its own queue is no copy');
    });
  });
}
