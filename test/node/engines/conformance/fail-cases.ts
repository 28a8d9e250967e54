import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { refusesUndeclared } from './apply-cases.ts';
import { UNKNOWN_IDS } from './context.ts';
import type { ConformanceContext } from './context.ts';

/**
 * `fail`, the repair of a stuck job, for engines that declare it: a running job whose worker is
 * gone is failed (or goes back for another attempt, as its retry rules say), every other job is
 * left alone; and where the engine can tell a live worker's job from an abandoned one (the harness
 * has `abandon`), a job a live worker holds is neither selected nor failed.
 */
export function failCases(context: ConformanceContext): void {
  describe('failing a stuck job', () => {
    const engine = () => context.engine();

    context.test('fail: fails the running job whose worker let go of it, leaves every other job, and says how many', async () => {
      const applies = engine().capabilities.actions.fail;
      if (!applies) return refusesUndeclared(context, 'fail');
      assert.deepEqual(applies, ['active'], 'fail applies to running jobs only');
      const seeded = await context.seedStates('fail_stuck');
      const [stuck] = seeded.inState('active');
      assert.ok(stuck, 'a running job was seeded');
      await context.run().abandon?.(seeded.queue, stuck.id);
      const ids = [...seeded.newestFirst, ...UNKNOWN_IDS];

      const preview = await engine().selectForAction('fail', seeded.queue, { ids }, 50);
      assert.deepEqual(preview.jobs.map((job) => job.id), [stuck.id], 'only the stuck job is selected');
      assert.equal(preview.eligible, 1);
      assert.equal(preview.ineligible, seeded.newestFirst.length - 1);
      assert.deepEqual([...preview.missing].sort(), [...UNKNOWN_IDS].sort());
      const byState = await engine().selectForAction('fail', seeded.queue, { filter: { state: 'active' } }, 50);
      assert.deepEqual(byState.jobs.map((job) => job.id), [stuck.id], 'by state too');

      await engine().prepare?.('fail', seeded.queue);
      assert.equal(await engine().apply('fail', seeded.queue, ids), 1);
      const after = await engine().statesOf(seeded.queue, seeded.newestFirst);
      for (const job of seeded.oldestFirst) {
        if (job.id === stuck.id) assert.notEqual(after.get(job.id), 'active', 'the stuck job no longer runs');
        else assert.equal(after.get(job.id), job.state, `the ${job.state} job was left alone`);
      }
      // Failed for good, or back for another attempt where the seeded job has attempts left.
      assert.ok(['failed', 'retrying', 'queued', 'scheduled'].includes(after.get(stuck.id)!), `failed: ${after.get(stuck.id)}`);
      assert.equal(await engine().apply('fail', seeded.queue, ids), 0, 'nothing is left to fail');
    });

    context.test('fail: a running job a live worker still holds is not selected, and not failed', async () => {
      const applies = engine().capabilities.actions.fail;
      if (!applies) return refusesUndeclared(context, 'fail');
      const abandon = context.run().abandon?.bind(context.run());
      // An engine that fails any running job has no live worker's job to keep; the case above covers it.
      if (!abandon) return;
      const seeded = await context.seedMany('fail_held', 'active', 2);
      const [held, stuck] = seeded.oldestFirst;
      await abandon(seeded.queue, stuck!.id);

      const byIds = await engine().selectForAction('fail', seeded.queue, { ids: [held!.id] }, 50);
      assert.deepEqual([byIds.jobs, byIds.eligible, byIds.ineligible, byIds.held], [[], 0, 1, 1], 'held: ineligible, and said to be held');
      const both = await engine().selectForAction('fail', seeded.queue, { ids: [held!.id, stuck!.id] }, 50);
      assert.deepEqual([both.jobs.map((job) => job.id), both.eligible, both.ineligible, both.held], [[stuck!.id], 1, 1, 1]);
      const byState = await engine().selectForAction('fail', seeded.queue, { filter: { state: 'active' } }, 50);
      assert.deepEqual([byState.jobs.map((job) => job.id), byState.eligible, byState.held], [[stuck!.id], 1, 1]);

      assert.equal(await engine().apply('fail', seeded.queue, [held!.id]), 0, 'the held job is not failed');
      assert.equal((await engine().statesOf(seeded.queue, [held!.id])).get(held!.id), 'active', 'and still runs');
      assert.equal((await engine().getJob(seeded.queue, held!.id))?.error ?? null, null, 'untouched: no error written');
      assert.equal(await engine().apply('fail', seeded.queue, [held!.id, stuck!.id]), 1, 'only the stuck job is failed');
      const after = await engine().statesOf(seeded.queue, [held!.id, stuck!.id]);
      assert.equal(after.get(held!.id), 'active');
      assert.notEqual(after.get(stuck!.id), 'active');
    });
  });
}
