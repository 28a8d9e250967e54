import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { JOB_ACTIONS } from '../../../../core/vocabulary/actions.ts';
import { isJobState } from '../../../../core/vocabulary/job-states.ts';
import type { JobState } from '../../../../core/vocabulary/job-states.ts';
import { actionsOf, assertInstant, UNKNOWN_QUEUE } from './context.ts';
import type { ConformanceContext } from './context.ts';

/** What the engine declares, its queues, and their counts. */
export function queueCases(context: ConformanceContext): void {
  describe('capabilities and queues', () => {
    const engine = () => context.engine();

    context.test('declares its states, its actions over them, and the hooks its capabilities need', async () => {
      const { name, capabilities } = engine();
      assert.ok(typeof name === 'string' && name.length > 0, 'the engine names itself');
      const { states } = capabilities;
      assert.ok(states.length > 0 && states.every(isJobState), `states are console states: ${states.join(', ')}`);
      assert.equal(new Set(states).size, states.length, 'each state once');
      assert.ok(states.includes('queued'), 'every engine has jobs ready to run');
      for (const [action, applies] of actionsOf(engine())) {
        assert.ok((JOB_ACTIONS as readonly string[]).includes(action), `${action} is a job action`);
        assert.ok(applies.length > 0, `${action} applies to some state`);
        for (const state of applies) assert.ok(states.includes(state), `${action} applies to ${state}, one of the engine's states`);
      }
      assert.equal(capabilities.sharedTransactions, context.harness.sharedTransactions, 'as the harness declared');
      assert.equal(typeof capabilities.dataFilters, 'boolean');
      if (capabilities.sharedTransactions) assert.equal(typeof context.run().transaction, 'function', 'the harness runs transactions');
      if (capabilities.actions.redrive) assert.equal(typeof context.run().deadLettered, 'function', 'the harness dead-letters jobs');
    });

    context.test('listQueues and findQueue describe the same queues; an unknown one is null', async () => {
      const first = await context.run().freshQueue('listed');
      const second = await context.run().freshQueue('listed');
      const listed = await engine().listQueues();
      const byName = new Map(listed.map((queue) => [queue.name, queue]));
      assert.equal(byName.size, listed.length, 'each queue once');
      for (const name of [first, second]) {
        const queue = byName.get(name);
        assert.ok(queue, `${name} is listed`);
        assert.deepEqual(await engine().findQueue(name), queue);
        assert.equal(typeof queue.settings, 'object');
        assert.ok(queue.deadLetterQueue === null || typeof queue.deadLetterQueue === 'string');
      }
      for (const name of [UNKNOWN_QUEUE, '', 'not a queue name!', `${first}_more`]) {
        assert.equal(await engine().findQueue(name), null, JSON.stringify(name));
      }
    });

    context.test('countJobs counts each queue by state; unknown queues have no entry', async () => {
      const queue = await context.run().freshQueue('counted');
      const empty = await context.run().freshQueue('counted_empty');
      const { states } = engine().capabilities;
      // A different number in each state, so that figures swapped between states show.
      const expected = new Map<JobState, number>(states.map((state, index) => [state, (index % 3) + 1]));
      for (const [state, count] of expected) await context.seedMore(queue, state, count, 'counted');

      const answer = await engine().countJobs([queue, UNKNOWN_QUEUE, empty]);
      assert.deepEqual(answer.map((entry) => entry.queue).sort(), [queue, empty].sort());
      const counted = answer.find((entry) => entry.queue === queue)!;
      let exact = 0;
      for (const state of states) {
        const stale = counted.stale[state];
        if (!stale) {
          const included = Object.entries(counted.stale).some(([, freshness]) => freshness?.includes?.includes(state));
          if (!included) {
            assert.equal(counted.counts[state], expected.get(state), `${state}: exact and live`);
            exact += 1;
          }
        } else {
          assertInstant(stale.asOf, `${state}: asOf`);
          for (const other of stale.includes ?? []) assert.equal(counted.counts[other], undefined, `${other} is counted within ${state}`);
        }
      }
      assert.ok(exact > 0, 'a queue this small is counted exactly in some state');
      const sum = Object.values(counted.counts).reduce((total: number, count) => total + (count ?? 0), 0);
      assert.equal(counted.total, sum, 'total is the sum of the counts');
      const none = answer.find((entry) => entry.queue === empty)!;
      assert.equal(none.total, 0);
      for (const count of Object.values(none.counts)) assert.equal(count, 0);
      assert.deepEqual(await engine().countJobs([]), []);
      assert.deepEqual(await engine().countJobs([UNKNOWN_QUEUE]), []);
    });
  });
}
