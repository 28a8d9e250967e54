import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { assertInstant, everyPage, UNKNOWN_IDS, UNKNOWN_QUEUE } from './context.ts';
import type { ConformanceContext } from './context.ts';
import { SEED_FAILURE, SEED_OUTPUT } from './harness.ts';

const HOUR = 3_600_000;

/** One job's detail. */
export function detailCases(context: ConformanceContext): void {
  describe('one job', () => {
    const engine = () => context.engine();

    context.test('getJob gives each job its data, state and times, agreeing with its listing row', async () => {
      const seeded = await context.seedStates('detail');
      const listed = new Map((await everyPage(engine(), { queue: seeded.queue, limit: 50 })).flat().map((job) => [job.id, job]));
      for (const seededJob of seeded.oldestFirst) {
        const job = await engine().getJob(seeded.queue, seededJob.id);
        assert.ok(job, `${seededJob.state} job found`);
        // What an engine adds beyond the row where it keeps it (progress, log lines, a flow) is not part of the row.
        const { data, output, error, options, timings, deadLetteredFrom, progress: _progress, logs: _logs, family: _family, ...summary } = job;
        assert.deepEqual(summary, listed.get(seededJob.id), `${seededJob.state}: the detail starts with the listing row`);
        assert.equal(job.id, seededJob.id);
        assert.equal(job.queue, seeded.queue);
        assert.equal(job.state, seededJob.state);
        assert.deepEqual(data, seededJob.data, `${seededJob.state}: data`);
        assert.equal(typeof options, 'object');
        assert.equal(timings.createdAt, job.createdAt);
        assert.equal(timings.runAfter, job.runAfter);
        assert.equal(timings.startedAt, job.startedAt);
        assert.equal(timings.finishedAt, job.finishedAt);
        assertInstant(timings.createdAt, 'createdAt');
        if (timings.keepUntil !== null) assertInstant(timings.keepUntil, 'keepUntil');
        assert.equal(deadLetteredFrom, null, 'a job sent to its queue was not dead-lettered');

        switch (seededJob.state) {
          case 'failed':
          case 'retrying':
            assert.equal(job.errorMessage, SEED_FAILURE, `${seededJob.state}: error message`);
            assert.equal(error?.message, SEED_FAILURE, `${seededJob.state}: error`);
            assert.ok(job.attempts.made >= 1, `${seededJob.state}: an attempt was made`);
            if (seededJob.state === 'failed') {
              assert.equal(job.attempts.made, job.attempts.max, 'no attempts left');
              assertInstant(job.finishedAt, 'a failed job finished');
            } else {
              assert.ok(job.attempts.made < job.attempts.max, 'attempts left');
              assert.ok(Date.parse(job.runAfter!) > Date.now() + HOUR / 2, 'waits for its next attempt');
              assert.equal(job.finishedAt, null);
            }
            break;
          case 'completed':
            assert.deepEqual(output, SEED_OUTPUT);
            assert.equal(error, null);
            assert.equal(job.errorMessage, null);
            assertInstant(job.finishedAt, 'a completed job finished');
            assertInstant(job.startedAt, 'a completed job started');
            break;
          case 'active':
            assertInstant(job.startedAt, 'an active job started');
            assert.equal(job.finishedAt, null);
            assert.equal(error, null);
            break;
          case 'scheduled':
            assert.ok(Date.parse(job.runAfter!) > Date.now() + HOUR / 2, 'runs in an hour');
            assert.equal(job.startedAt, null);
            break;
          case 'queued':
          case 'blocked':
            assert.equal(job.startedAt, null);
            assert.equal(job.finishedAt, null);
            assert.equal(error, null);
            assert.equal(job.attempts.made, 0);
            break;
          case 'cancelled':
            assertInstant(job.finishedAt, 'a cancelled job finished');
            break;
        }
      }
    });

    context.test('getJob answers null for an unknown id, a job of another queue, or an unknown queue', async () => {
      const seeded = await context.seedMany('detail_null', 'queued', 1);
      const other = await context.run().freshQueue('detail_other');
      const [id] = seeded.newestFirst;
      for (const unknown of [...UNKNOWN_IDS, '', "x' OR 1=1 --"]) assert.equal(await engine().getJob(seeded.queue, unknown), null, JSON.stringify(unknown));
      assert.equal(await engine().getJob(other, id!), null);
      assert.equal(await engine().getJob(UNKNOWN_QUEUE, id!), null);
      assert.equal((await engine().getJob(seeded.queue, id!))?.id, id);
    });
  });
}
