import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { JobAction } from '../../../../core/vocabulary/actions.ts';
import type { JobState } from '../../../../core/vocabulary/job-states.ts';
import { PG_BOSS_ACTION_STATES } from '../../../../adapters/pg-boss/index.ts';
import type { SeededJob } from './seed.ts';
import type { ActionSuite } from './suite.ts';

/** What each action leaves a job it changed as, in console states; undefined: the job is gone. */
const AFTER: Record<Exclude<JobAction, 'redrive' | 'promote'>, JobState | undefined> = {
  // pg-boss moves a failed job to its `retry` state, runnable at once.
  retry: 'retrying',
  cancel: 'cancelled',
  // The seeded cancelled job was queued when it was cancelled, and goes back to queued.
  resume: 'queued',
  delete: undefined,
  // The seeded running job has retries left: pg-boss's fail() sends it to retry.
  fail: 'retrying',
};

const appliesTo = (action: keyof typeof PG_BOSS_ACTION_STATES, job: SeededJob): boolean => PG_BOSS_ACTION_STATES[action].includes(job.state);

/** What pg-boss's commands leave behind, and the ids and queue names only pg-boss refuses. */
export function selectionCases(suite: ActionSuite): void {
  describe('selecting and applying', () => {
    const { dbTest } = suite;
    const engine = () => suite.engine();

    const everyState = suite.everyState;

    dbTest('declares the states each action applies to, and shares transactions', async () => {
      assert.deepEqual(engine().capabilities.actions, PG_BOSS_ACTION_STATES);
      assert.equal(engine().capabilities.sharedTransactions, true);
    });

    dbTest("each action leaves the jobs it changes in pg-boss's resulting state", async () => {
      for (const action of ['retry', 'cancel', 'resume', 'delete', 'fail'] as const) {
        const { queue, all } = await everyState(action);
        const ids = all.map((job) => job.id);
        assert.equal(await engine().apply(action, queue, ids), all.filter((job) => appliesTo(action, job)).length);
        const after = await engine().statesOf(queue, ids);
        for (const job of all) {
          const expected = appliesTo(action, job) ? AFTER[action] : job.state;
          assert.equal(after.get(job.id), expected, `${job.state} job after ${action}`);
        }
      }
    });

    dbTest('a failed running job without retries left fails for good, with the reason as its error, and the preview warns', async () => {
      const { boss } = suite.run();
      const queue = await suite.freshQueue('fail_for_good');
      const id = (await boss.send(queue, { step: 'stuck' }, { retryLimit: 0 }))!;
      await boss.fetch(queue);
      const selected = await engine().selectForAction('fail', queue, { ids: [id] }, 10);
      assert.equal(selected.eligible, 1);
      assert.match(selected.warnings?.join(' ') ?? '', /does not stop a handler.*retry policy/s);
      assert.equal(await engine().apply('fail', queue, [id]), 1);
      const after = await engine().getJob(queue, id);
      assert.equal(after?.state, 'failed');
      assert.match(JSON.stringify(after?.error ?? null), /Failed by an operator/);
    });

    dbTest('a cancel preview by state counts past its cap', async () => {
      const { queue } = await everyState('cancel_by_state');
      const capped = await engine().selectForAction('cancel', queue, { filter: { state: 'queued' } }, 1);
      assert.equal(capped.eligible, 2);
      assert.equal(capped.jobs.length, 1);
    });

    dbTest('a retried job is runnable at once, with one more attempt allowed', async () => {
      const { queue, jobs } = await everyState('retried');
      const before = await engine().getJob(queue, jobs.failed.id);
      assert.equal(await engine().apply('retry', queue, [jobs.failed.id]), 1);
      const after = await engine().getJob(queue, jobs.failed.id);
      assert.equal(after?.state, 'retrying');
      assert.ok(Date.parse(after!.runAfter!) <= Date.now(), 'no retry delay to wait out');
      assert.equal(after?.finishedAt, null);
      assert.deepEqual(after?.attempts, { made: before!.attempts.made, max: before!.attempts.max + 1 });
    });

    dbTest('a resumed job waits again as it did before it was cancelled', async () => {
      const { queue, jobs } = await everyState('resumed');
      assert.equal(await engine().apply('cancel', queue, [jobs.scheduled.id, jobs.child.id]), 2);
      assert.equal(await engine().apply('resume', queue, [jobs.scheduled.id, jobs.child.id, jobs.cancelled.id]), 3);
      const states = await engine().statesOf(queue, [jobs.scheduled.id, jobs.child.id, jobs.cancelled.id]);
      assert.deepEqual(Object.fromEntries(states), { [jobs.scheduled.id]: 'scheduled', [jobs.child.id]: 'blocked', [jobs.cancelled.id]: 'queued' });
    });

    dbTest('ids are matched whatever their case, counted once, and reported back as given', async () => {
      const { queue, jobs } = await everyState('spelling');
      const upper = jobs.failed.id.toUpperCase();
      const selected = await engine().selectForAction('retry', queue, { ids: [upper, jobs.failed.id, upper] }, 50);
      assert.equal(selected.eligible, 1);
      assert.deepEqual(selected.missing, []);
      assert.equal(selected.jobs[0]?.id, jobs.failed.id);
      assert.deepEqual([...(await engine().statesOf(queue, [upper]))], [[upper, 'failed']]);
      assert.equal(await engine().apply('retry', queue, [upper, jobs.failed.id]), 1);
    });

    dbTest("pg-boss's internal queues and ids that are not uuids select nothing and change nothing", async () => {
      const { queue, jobs } = await everyState('bad_input');
      for (const name of ['not a queue name!', '__pgboss__send']) {
        const byIds = await engine().selectForAction('cancel', name, { ids: [jobs.queued.id, 'x'] }, 50);
        assert.deepEqual(byIds, { jobs: [], eligible: 0, ineligible: 0, missing: ['x', jobs.queued.id] }, name);
        assert.deepEqual(await engine().selectForAction('cancel', name, { filter: { state: 'queued' } }, 50), { jobs: [], eligible: 0, ineligible: 0, missing: [] });
        assert.equal((await engine().statesOf(name, [jobs.queued.id])).size, 0);
        assert.equal(await engine().apply('cancel', name, [jobs.queued.id]), 0);
      }
      const notIds = ['not-a-uuid', "x' OR 1=1 --", '', jobs.queued.id.slice(1)];
      const selected = await engine().selectForAction('delete', queue, { ids: notIds }, 50);
      assert.deepEqual(selected, { jobs: [], eligible: 0, ineligible: 0, missing: notIds });
      assert.equal((await engine().statesOf(queue, notIds)).size, 0);
      assert.equal(await engine().apply('delete', queue, notIds), 0);
      assert.equal((await engine().statesOf(queue, [jobs.queued.id])).get(jobs.queued.id), 'queued');
    });
  });
}

