import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { SCHEDULE_ACTIONS } from '../../../../core/vocabulary/actions.ts';
import { UNKNOWN_QUEUE } from './context.ts';
import type { ConformanceContext } from './context.ts';

/** The actions an engine takes on one recurring schedule, when it declares any. */
export function scheduleActionCases(context: ConformanceContext): void {
  describe('schedule actions', () => {
    const engine = () => context.engine();
    const declared = () => engine().capabilities.scheduleActions ?? [];

    context.test('declares only schedule actions, and finds and applies them when it declares any', async () => {
      for (const action of declared()) assert.ok((SCHEDULE_ACTIONS as readonly string[]).includes(action), `${action} is a schedule action`);
      if (declared().length === 0) return;
      assert.equal(typeof engine().findSchedule, 'function', 'findSchedule reads the schedule an action is about');
      assert.equal(typeof engine().applyToSchedule, 'function', 'applyToSchedule carries out the declared actions');
      assert.equal(typeof context.run().recurring, 'function', 'the harness can make a schedule to act on');
    });

    context.test('run makes one job now (naming it, where the engine can) and keeps the schedule; remove deletes it; a missing schedule changes nothing', async () => {
      if (!declared().includes('run') || !declared().includes('remove')) return;
      const apply = engine().applyToSchedule!.bind(engine());
      const queue = await context.run().freshQueue('scheduled');
      await context.run().recurring!(queue, 'nightly', { report: 'revenue' });

      const found = await engine().findSchedule!(queue, 'nightly');
      assert.equal(found?.queue, queue);
      assert.equal(found?.key, 'nightly');
      assert.deepEqual(found?.data, { report: 'revenue' });
      assert.equal(await engine().findSchedule!(queue, 'no-such-key'), null);
      assert.equal(await engine().findSchedule!(UNKNOWN_QUEUE, 'nightly'), null);

      const queuedBefore = (await engine().countJobs([queue]))[0]?.counts.queued ?? 0;
      const ran = await apply('run', queue, 'nightly');
      assert.ok(ran === true || (typeof ran === 'object' && typeof ran.jobId === 'string' && ran.jobId !== ''), `run made a job, and says so or names it: ${JSON.stringify(ran)}`);
      assert.equal((await engine().countJobs([queue]))[0]?.counts.queued, queuedBefore + 1, 'one job, ready now');
      if (typeof ran === 'object') {
        // The job a run names is the one it made: in the schedule's queue, ready, with its data.
        const made = await engine().getJob(queue, ran.jobId);
        assert.deepEqual([made?.id, made?.queue, made?.state, made?.data], [ran.jobId, queue, 'queued', found?.data]);
      }
      const after = await engine().findSchedule!(queue, 'nightly');
      assert.deepEqual([after?.expression, after?.timeZone, after?.data], [found?.expression, found?.timeZone, found?.data], 'the schedule stays as it was');

      assert.equal(await apply('remove', queue, 'nightly'), true, 'remove deleted the schedule');
      assert.equal(await engine().findSchedule!(queue, 'nightly'), null);
      assert.equal((await engine().countJobs([queue]))[0]?.counts.queued, queuedBefore + 1, 'the job run made stays');
      assert.equal(await apply('remove', queue, 'nightly'), false, 'a removed schedule is not removed again');
      assert.equal(await apply('run', queue, 'nightly'), false, 'a removed schedule makes no job');
      assert.equal(await apply('run', UNKNOWN_QUEUE, 'nightly'), false, 'an unknown queue gets no job');
      assert.equal(await engine().findQueue(UNKNOWN_QUEUE), null, 'nor is it created');
    });
  });
}
