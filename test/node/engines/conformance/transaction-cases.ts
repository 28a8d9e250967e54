import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { JOB_ACTIONS } from '../../../../core/vocabulary/actions.ts';
import type { JobAction } from '../../../../core/vocabulary/actions.ts';
import type { JobState } from '../../../../core/vocabulary/job-states.ts';
import { refusesUndeclared } from './apply-cases.ts';
import type { ConformanceContext } from './context.ts';

/**
 * For engines that share the store's transactions (registered only for them): an action applied
 * inside a transaction that rolls back changes nothing, and one that commits changes its job.
 */
export function transactionCases(context: ConformanceContext): void {
  describe("in the store's transaction", () => {
    const engine = () => context.engine();

    /** Reads the job's state (locking it, where the engine locks) and applies the action, then ends as `end` says. */
    const inTransaction = async (end: 'commit' | 'rollback', action: JobAction, queue: string, id: string, state: JobState): Promise<void> => {
      await engine().prepare?.(action, queue);
      const changed = await context.run().transaction!(end, async (db) => {
        assert.equal((await engine().statesOf(queue, [id], db)).get(id), state, 'statesOf in the transaction');
        return engine().apply(action, queue, [id], db);
      });
      assert.equal(changed, 1, `${action} changed the job in the transaction`);
    };

    for (const action of JOB_ACTIONS) {
      context.test(`${action}: rolled back, nothing changed; committed, the job changed`, async () => {
        const applies = engine().capabilities.actions[action];
        if (!applies) return refusesUndeclared(context, action);
        let queue: string;
        let id: string;
        let state: JobState;
        if (action !== 'redrive') {
          state = applies[0]!;
          const seeded = await context.seedMany(`tx_${action}`, state, 1);
          queue = seeded.queue;
          id = seeded.newestFirst[0]!;
          // A running job to fail is one whose worker let go of it, where the engine tells them apart.
          if (action === 'fail') await context.run().abandon?.(queue, id);
        } else {
          const dead = await context.run().deadLettered!(`tx_${action}`, 1);
          queue = dead.queue;
          id = dead.ids[0]!;
          state = (await engine().statesOf(queue, [id])).get(id)!;
        }
        await inTransaction('rollback', action, queue, id, state);
        assert.equal((await engine().statesOf(queue, [id])).get(id), state, 'unchanged after rollback');
        assert.equal((await engine().selectForAction(action, queue, { ids: [id] }, 10)).eligible, 1, 'still eligible after rollback');
        await inTransaction('commit', action, queue, id, state);
        assert.notEqual((await engine().statesOf(queue, [id])).get(id), state, 'changed after commit');
      });
    }
  });
}
