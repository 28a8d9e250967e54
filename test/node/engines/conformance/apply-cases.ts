import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { JobAction } from '../../../../core/vocabulary/actions.ts';
import { InvalidInputError } from '../../../../core/errors.ts';
import { actionsOf, stateDecides, UNKNOWN_IDS, UNKNOWN_QUEUE } from './context.ts';
import type { ConformanceContext } from './context.ts';

/** Every action the engine declares, applied for real. */
export function applyCases(context: ConformanceContext): void {
  describe('applying actions', () => {
    const engine = () => context.engine();

    for (const action of ['retry', 'cancel', 'delete', 'resume'] as const) {
      context.test(`${action}: changes exactly the jobs in the states it applies to, and says how many`, async () => {
        const applies = engine().capabilities.actions[action];
        if (!applies) return refusesUndeclared(context, action);
        const seeded = await context.seedStates(`apply_${action}`);
        const ids = [...seeded.newestFirst, ...UNKNOWN_IDS];
        const eligible = seeded.oldestFirst.filter((job) => applies.includes(job.state));
        const preview = await engine().selectForAction(action, seeded.queue, { ids }, 50);
        assert.equal(preview.eligible, eligible.length, 'the preview counts what apply will change');

        await engine().prepare?.(action, seeded.queue);
        assert.equal(await engine().apply(action, seeded.queue, ids), eligible.length);
        const after = await engine().statesOf(seeded.queue, seeded.newestFirst);
        for (const job of seeded.oldestFirst) {
          const now = after.get(job.id);
          if (applies.includes(job.state)) assert.notEqual(now, job.state, `the ${job.state} job was changed`);
          else assert.equal(now, job.state, `the ${job.state} job was left alone`);
        }
        // Applied again, the action changes just the jobs it left in a state it applies to.
        const stillEligible = [...after.values()].filter((state) => applies.includes(state)).length;
        assert.equal(await engine().apply(action, seeded.queue, ids), stillEligible);
      });
    }

    context.test('redrive: moves dead-lettered jobs out of their dead letter queue, and says how many', async () => {
      if (!engine().capabilities.actions.redrive) return refusesUndeclared(context, 'redrive');
      const { queue, ids } = await context.run().deadLettered!('apply_redrive', 2);
      const preview = await engine().selectForAction('redrive', queue, { ids: [...ids, ...UNKNOWN_IDS] }, 50);
      assert.deepEqual([...preview.jobs.map((job) => job.id)].sort(), [...ids].sort());
      assert.equal(preview.eligible, ids.length);
      assert.deepEqual([...preview.missing].sort(), [...UNKNOWN_IDS].sort());
      await engine().prepare?.('redrive', queue);
      assert.equal(await engine().apply('redrive', queue, [...ids, ...UNKNOWN_IDS]), ids.length);
      const left = await engine().selectForAction('redrive', queue, { ids: [...ids] }, 50);
      assert.equal(left.eligible, 0, 'nothing is left to redrive');
      assert.equal(await engine().apply('redrive', queue, [...ids]), 0);
    });

    context.test('nothing to change: no ids, unknown ids or an unknown queue change nothing', async () => {
      const seeded = await context.seedStates('apply_nothing');
      for (const [action, applies] of actionsOf(engine())) {
        assert.equal(await engine().apply(action, seeded.queue, []), 0, `${action}: no ids`);
        assert.equal(await engine().apply(action, seeded.queue, UNKNOWN_IDS), 0, `${action}: unknown ids`);
        assert.equal(await engine().apply(action, UNKNOWN_QUEUE, seeded.newestFirst), 0, `${action}: unknown queue`);
        if (stateDecides(action)) assert.ok(applies.length > 0);
      }
      const states = await engine().statesOf(seeded.queue, seeded.newestFirst);
      assert.deepEqual(new Map([...states].sort()), new Map(seeded.oldestFirst.map((job) => [job.id, job.state] as const).sort()));
    });
  });
}

/** An action the engine does not declare is refused, in a preview and when applied. */
export async function refusesUndeclared(context: ConformanceContext, action: JobAction): Promise<void> {
  const engine = context.engine();
  const queue = await context.run().freshQueue(`undeclared_${action}`);
  const refused = (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'action';
  await assert.rejects(engine.selectForAction(action, queue, { ids: [...UNKNOWN_IDS] }, 10), refused, `${action} is not declared: preview`);
  await assert.rejects(engine.apply(action, queue, [...UNKNOWN_IDS]), refused, `${action} is not declared: apply`);
}
