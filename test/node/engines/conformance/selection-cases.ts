import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { JOB_ACTIONS, type JobAction } from '../../../../core/vocabulary/actions.ts';
import type { JobState } from '../../../../core/vocabulary/job-states.ts';
import { InvalidInputError } from '../../../../core/errors.ts';
import { actionsOf, stateDecides, UNKNOWN_IDS, UNKNOWN_QUEUE } from './context.ts';
import type { ConformanceContext, Seeded } from './context.ts';

/** Previews' selections, and the states of given jobs. */
export function selectionCases(context: ConformanceContext): void {
  describe('selecting jobs for an action', () => {
    const engine = () => context.engine();
    let shared: Promise<Seeded> | undefined;
    // Selecting changes nothing, so one queue serves every selection case.
    const everyState = (): Promise<Seeded> => (shared ??= context.seedStates('selection', 2));

    context.test('statesOf gives the state of each job that exists, and nothing for others', async () => {
      const seeded = await everyState();
      const states = await engine().statesOf(seeded.queue, [...seeded.newestFirst, ...UNKNOWN_IDS]);
      assert.deepEqual(new Map([...states].sort()), new Map(seeded.oldestFirst.map((job): [string, JobState] => [job.id, job.state]).sort()));
      assert.equal((await engine().statesOf(seeded.queue, [])).size, 0);
      assert.equal((await engine().statesOf(UNKNOWN_QUEUE, seeded.newestFirst)).size, 0);
    });

    context.test('by ids: the jobs in a state the action applies to are eligible, the others not, unknown ids missing', async () => {
      const seeded = await everyState();
      const ids = [...seeded.newestFirst, ...UNKNOWN_IDS];
      for (const [action, applies] of actionsOf(engine())) {
        const inStates = seeded.newestFirst.filter((id) => applies.includes(stateOf(seeded, id)));
        const selected = await engine().selectForAction(action, seeded.queue, { ids }, 50);
        assert.deepEqual([...selected.missing].sort(), [...UNKNOWN_IDS].sort(), `${action}: missing`);
        assert.equal(selected.eligible + selected.ineligible, seeded.newestFirst.length, `${action}: every job found`);
        for (const job of selected.jobs) assert.ok(applies.includes(job.state), `${action}: selected a ${job.state} job`);
        assert.equal(selected.jobs.length, selected.eligible, `${action}: every eligible job, the cap being high`);
        assert.deepEqual(selected.jobs.map((job) => job.id), seeded.newestFirst.filter((id) => selected.jobs.some((job) => job.id === id)), `${action}: newest first`);
        if (stateDecides(action)) {
          assert.deepEqual(selected.jobs.map((job) => job.id), inStates, `${action}: exactly the jobs in its states`);
        } else {
          assert.ok(selected.jobs.every((job) => inStates.includes(job.id)));
        }
        if (selected.eligible > 1) {
          const capped = await engine().selectForAction(action, seeded.queue, { ids }, 1);
          assert.equal(capped.jobs.length, 1, `${action}: the limit is honoured`);
          assert.ok(selected.jobs.some((job) => job.id === capped.jobs[0]!.id));
          assert.ok(capped.eligible === selected.eligible || (capped.moreEligible === true && capped.eligible >= 1), `${action}: counts past the limit or says there are more`);
        }
      }
    });

    context.test('by state: a state the action applies to selects its jobs; another selects none', async () => {
      const seeded = await everyState();
      for (const [action, applies] of actionsOf(engine())) {
        for (const state of engine().capabilities.states) {
          const inState = seeded.newestFirst.filter((id) => stateOf(seeded, id) === state);
          const selected = await engine().selectForAction(action, seeded.queue, { filter: { state } }, 50);
          assert.deepEqual(selected.missing, [], `${action} ${state}: nothing missing`);
          for (const job of selected.jobs) assert.equal(job.state, state, `${action} ${state}: selected a ${job.state} job`);
          if (!applies.includes(state)) {
            assert.deepEqual([selected.jobs, selected.eligible], [[], 0], `${action} ${state}: nothing eligible`);
            assert.ok([0, inState.length].includes(selected.ineligible), `${action} ${state}: ineligible`);
            continue;
          }
          if (!stateDecides(action)) continue;
          assert.equal(selected.eligible, inState.length, `${action} ${state}: eligible`);
          assert.equal(selected.ineligible, 0, `${action} ${state}: ineligible`);
          assert.deepEqual([...selected.jobs.map((job) => job.id)].sort(), [...inState].sort(), `${action} ${state}: jobs`);
          const capped = await engine().selectForAction(action, seeded.queue, { filter: { state } }, 1);
          assert.equal(capped.jobs.length, 1, `${action} ${state}: the limit is honoured`);
          assert.ok(inState.includes(capped.jobs[0]!.id));
          assert.ok(capped.eligible === inState.length || (capped.moreEligible === true && capped.eligible >= 1), `${action} ${state}: count`);
        }
      }
    });

    context.test('a queue that does not exist selects nothing, every id missing', async () => {
      const seeded = await everyState();
      for (const [action] of actionsOf(engine())) {
        const byIds = await engine().selectForAction(action, UNKNOWN_QUEUE, { ids: seeded.newestFirst.slice(0, 2) }, 50);
        assert.deepEqual([byIds.jobs, byIds.eligible, byIds.ineligible], [[], 0, 0], action);
        assert.deepEqual([...byIds.missing].sort(), seeded.newestFirst.slice(0, 2).sort(), action);
        const byState = await engine().selectForAction(action, UNKNOWN_QUEUE, { filter: { state: 'queued' } }, 50);
        assert.deepEqual([byState.jobs, byState.eligible, byState.ineligible, byState.missing], [[], 0, 0, []], action);
      }
    });

    context.test('an unknown state, a malformed selection or an action the engine lacks is invalid input', async () => {
      const seeded = await everyState();
      const [action] = actionsOf(engine())[0] ?? [];
      assert.ok(action, 'the engine supports some action');
      const refused = (parameter: string) => (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === parameter;
      await assert.rejects(engine().selectForAction(action, seeded.queue, { filter: { state: 'stalled' as JobState } }, 50), refused('state'));
      await assert.rejects(engine().selectForAction(action, seeded.queue, {} as never, 50), refused('selection'));
      const lacking = JOB_ACTIONS.find((candidate) => !engine().capabilities.actions[candidate]) ?? ('archive' as JobAction);
      await assert.rejects(engine().selectForAction(lacking, seeded.queue, { ids: [...seeded.newestFirst] }, 50), refused('action'));
    });
  });
}

function stateOf(seeded: Seeded, id: string): JobState {
  return seeded.oldestFirst.find((job) => job.id === id)!.state;
}
