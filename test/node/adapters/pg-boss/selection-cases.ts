import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { JobAction } from '../../../../core/vocabulary/actions.ts';
import type { JobState } from '../../../../core/vocabulary/job-states.ts';
import { InvalidInputError } from '../../../../core/errors.ts';
import { PG_BOSS_ACTION_STATES, PG_BOSS_STATES } from '../../../../adapters/pg-boss/index.ts';
import type { SeededJob } from './seed.ts';
import type { ActionSuite } from './suite.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** What each action leaves a job it changed as, in console states; undefined: the job is gone. */
const AFTER: Record<Exclude<JobAction, 'redrive'>, JobState | undefined> = {
  // pg-boss moves a failed job to its `retry` state, runnable at once.
  retry: 'retrying',
  cancel: 'cancelled',
  // The seeded cancelled job was queued when it was cancelled, and goes back to queued.
  resume: 'queued',
  delete: undefined,
};

const appliesTo = (action: JobAction, job: SeededJob): boolean => PG_BOSS_ACTION_STATES[action].includes(job.state);

/** Selection by ids and by state, and what each action leaves behind. */
export function selectionCases(suite: ActionSuite): void {
  describe('selecting and applying', () => {
    const { dbTest } = suite;
    const engine = () => suite.engine();

    const everyState = suite.everyState;
    const newestFirst = async (queue: string, ids: readonly string[]): Promise<string[]> =>
      (
        await suite.run().query(
          `SELECT id::text AS id FROM ${suite.run().schema}.job WHERE name = $1 AND id = ANY($2::uuid[]) ORDER BY created_on DESC, id DESC`,
          [queue, ids],
        )
      ).rows.map((row) => row.id);

    dbTest('declares the states each action applies to, and shares transactions', async () => {
      assert.deepEqual(engine().capabilities.actions, PG_BOSS_ACTION_STATES);
      assert.equal(engine().capabilities.sharedTransactions, true);
    });

    for (const action of ['retry', 'cancel', 'resume', 'delete'] as const) {
      dbTest(`${action}: selects by ids, changes exactly the eligible jobs and reports how many`, async () => {
        const { queue, all } = await everyState(action);
        const eligible = all.filter((job) => appliesTo(action, job));
        const ids = [...all.map((job) => job.id), UNKNOWN_ID, 'not-a-uuid'];

        const selected = await engine().selectForAction(action, queue, { ids }, 50);
        assert.equal(selected.eligible, eligible.length);
        assert.equal(selected.ineligible, all.length - eligible.length);
        assert.deepEqual([...selected.missing].sort(), [UNKNOWN_ID, 'not-a-uuid'].sort());
        assert.deepEqual(selected.jobs.map((job) => job.id), await newestFirst(queue, eligible.map((job) => job.id)));
        for (const job of selected.jobs) assert.ok(PG_BOSS_ACTION_STATES[action].includes(job.state));

        const capped = await engine().selectForAction(action, queue, { ids }, 1);
        assert.equal(capped.eligible, eligible.length, 'the count is not capped');
        assert.deepEqual(capped.jobs.map((job) => job.id), selected.jobs.slice(0, 1).map((job) => job.id));

        const before = await engine().statesOf(queue, ids);
        assert.deepEqual(new Map(all.map((job) => [job.id, job.state])), before);
        assert.equal(await engine().apply(action, queue, ids), eligible.length);
        const after = await engine().statesOf(queue, ids);
        for (const job of all) {
          const expected = appliesTo(action, job) ? AFTER[action] : job.state;
          assert.equal(after.get(job.id), expected, `${job.state} job after ${action}`);
        }
        assert.equal(await engine().apply(action, queue, ids), 0, 'nothing is left to change');
      });

      dbTest(`${action}: selects by state, counting what it would change`, async () => {
        const { queue, all } = await everyState(`${action}_by_state`);
        for (const state of PG_BOSS_STATES) {
          const inState = all.filter((job) => job.state === state);
          const applies = PG_BOSS_ACTION_STATES[action].includes(state);
          const selected = await engine().selectForAction(action, queue, { filter: { state } }, 50);
          assert.equal(selected.eligible, applies ? inState.length : 0, `${state}: eligible`);
          // A state the action does not apply to is not read at all: nothing in it is selected.
          assert.equal(selected.ineligible, 0, `${state}: ineligible`);
          assert.deepEqual(selected.missing, []);
          const expected = applies ? await newestFirst(queue, inState.map((job) => job.id)) : [];
          assert.deepEqual(selected.jobs.map((job) => job.id), expected, `${state}: jobs`);
        }
        if (action === 'cancel') {
          const capped = await engine().selectForAction(action, queue, { filter: { state: 'queued' } }, 1);
          assert.equal(capped.eligible, 2);
          assert.equal(capped.jobs.length, 1);
        }
      });
    }

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

    dbTest('bad input selects nothing and changes nothing', async () => {
      const { queue, jobs } = await everyState('bad_input');
      for (const name of ['no_such_queue', 'not a queue name!', '', '__pgboss__send']) {
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
      assert.equal(await engine().apply('delete', queue, []), 0);
      assert.equal((await engine().statesOf(queue, [jobs.queued.id])).get(jobs.queued.id), 'queued');
      await assert.rejects(
        engine().selectForAction('cancel', queue, { filter: { state: 'stalled' as JobState } }, 50),
        (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'state',
      );
      await assert.rejects(
        engine().selectForAction('cancel', queue, {} as never, 50),
        (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'selection',
      );
      await assert.rejects(
        engine().selectForAction('promote' as JobAction, queue, { ids: [jobs.queued.id] }, 50),
        (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'action',
      );
    });
  });
}

