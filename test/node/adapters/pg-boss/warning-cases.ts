import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { JobAction } from '../../../../core/vocabulary/actions.ts';
import type { ActionSuite } from './suite.ts';

/** The warnings a preview shows for each action. */
export function warningCases(suite: ActionSuite): void {
  describe('warnings', () => {
    const { dbTest } = suite;
    // A preview's warnings come with its selection of these jobs.
    const warnAbout = async (action: JobAction, queue: string, ids: readonly string[]) =>
      (await suite.engine().selectForAction(action, queue, { ids: [...ids] }, 1000)).warnings ?? [];

    dbTest('retrying a failed job whose dead letter copy is still waiting says so', async () => {
      const { queue, deadLetter, jobs } = await suite.everyState('warn_retry');
      assert.deepEqual(await warnAbout('retry', queue, [jobs.failed.id]), [
        `This job was also copied to the dead letter queue ${deadLetter} when it failed, and that copy is still waiting there. ` +
          `Redriving it after this retry would run the same work again; delete it from ${deadLetter} if the retry is enough.`,
      ]);
      const [copy] = (await suite.run().boss.findJobs(deadLetter)).map((job) => job.id);
      await suite.run().boss.deleteJob(deadLetter, copy!);
      assert.deepEqual(await warnAbout('retry', queue, [jobs.failed.id]), [], 'no copy left, nothing to say');
    });

    dbTest('cancelling or deleting running jobs and flow parents says what is left behind', async () => {
      const { queue, jobs } = await suite.everyState('warn_stop');
      assert.deepEqual(await warnAbout('cancel', queue, [jobs.active.id, jobs.parent.id, jobs.queued.id]), [
        'One of these jobs is running now. Cancelling does not stop a handler that is already running: ' +
          'pg-boss ignores what it reports when it finishes, and aborts its job.signal only if the queue uses heartbeats.',
        'One of these jobs has flow dependents still waiting for it to complete. ' +
          'pg-boss releases a dependent only when all its parents have completed, so cancelling leaves those dependents blocked.',
      ]);
      const deleting = await warnAbout('delete', queue, [jobs.active.id, jobs.completed.id]);
      assert.equal(deleting.length, 1);
      assert.match(deleting[0]!, /^One of these jobs is running now\. Deleting does not stop/);
      assert.deepEqual(await warnAbout('cancel', queue, [jobs.queued.id, jobs.scheduled.id]), []);
      assert.deepEqual(await warnAbout('delete', queue, [jobs.child.id]), []);
      assert.deepEqual(await warnAbout('resume', queue, [jobs.cancelled.id]), []);
    });

    dbTest('warnings never carry job data or errors, and bad input gets none', async () => {
      const { queue, jobs, all } = await suite.everyState('warn_data');
      const ids = all.map((job) => job.id);
      for (const action of ['retry', 'cancel', 'delete', 'resume', 'redrive'] as const) {
        for (const warning of await warnAbout(action, queue, ids)) {
          assert.doesNotMatch(warning, /step|boom|try again|only-one|rows/, `${action}: ${warning}`);
        }
        assert.deepEqual(await warnAbout(action, 'no_such_queue', ids), []);
        assert.deepEqual(await warnAbout(action, queue, ['not-a-uuid']), []);
        assert.deepEqual(await warnAbout(action, queue, []), []);
      }
      assert.ok((await warnAbout('cancel', queue, [jobs.active.id])).length > 0);
    });
  });
}

