import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { CursorPosition } from '../../../../core/contracts/engine.ts';
import { InvalidInputError } from '../../../../core/errors.ts';
import { actionsOf, assertInstant, everyPage, stateDecides, UNKNOWN_QUEUE } from './context.ts';
import type { ConformanceContext } from './context.ts';

/** Cursor positions no engine produces: wrong shapes, wrong element types, far too long. */
const FOREIGN_POSITIONS: readonly unknown[] = [
  'a string',
  42,
  {},
  [],
  [null],
  [true, false],
  [{}],
  [[1], [2]],
  Array.from({ length: 64 }, () => 'x'),
];

/** Listings: order, states, pages, cursors. */
export function listingCases(context: ConformanceContext): void {
  describe('listing jobs', () => {
    const engine = () => context.engine();

    context.test('lists a queue newest first, each job in the state it is in', async () => {
      const seeded = await context.seedStates('listing', 2);
      const pages = await everyPage(engine(), { queue: seeded.queue, limit: 50 });
      const jobs = pages.flat();
      assert.deepEqual(jobs.map((job) => job.id), seeded.newestFirst);
      const byId = new Map(seeded.oldestFirst.map((job) => [job.id, job]));
      for (const job of jobs) {
        assert.equal(job.queue, seeded.queue);
        assert.equal(job.state, byId.get(job.id)!.state, `job ${job.id}`);
        assertInstant(job.createdAt, 'createdAt');
        assert.ok(Number.isInteger(job.attempts.made) && Number.isInteger(job.attempts.max));
      }
      const created = jobs.map((job) => Date.parse(job.createdAt));
      assert.deepEqual(created, [...created].sort((a, b) => b - a), 'createdAt never rises down the page');
    });

    context.test('a listing by state holds exactly the jobs in that state, newest first', async () => {
      const seeded = await context.seedStates('by_state', 2);
      for (const state of engine().capabilities.states) {
        const jobs = (await everyPage(engine(), { queue: seeded.queue, state, limit: 50 })).flat();
        const expected = seeded.newestFirst.filter((id) => seeded.inState(state).some((job) => job.id === id));
        assert.deepEqual(jobs.map((job) => job.id), expected, `state ${state}`);
        for (const job of jobs) assert.equal(job.state, state);
      }
    });

    context.test('pages cover every job exactly once, in order, whatever the page size', async () => {
      const seeded = await context.seedMany('paging', 'queued', 11);
      for (const limit of [1, 4, 11, 12]) {
        const pages = await everyPage(engine(), { queue: seeded.queue, limit });
        assert.deepEqual(pages.flat().map((job) => job.id), seeded.newestFirst, `limit ${limit}`);
        assert.ok(pages.length >= Math.ceil(11 / limit), `limit ${limit}: page count`);
        const byState = (await everyPage(engine(), { queue: seeded.queue, state: 'queued', limit })).flat();
        assert.deepEqual(byState.map((job) => job.id), seeded.newestFirst, `limit ${limit}, by state`);
      }
    });

    context.test('paging while jobs change state and new jobs arrive skips no job and repeats none', async () => {
      const seeded = await context.seedMany('paging_changes', 'queued', 9);
      // An action that takes queued jobs out of the queued state, if the engine has one.
      const mover = actionsOf(engine()).find(([action, states]) => stateDecides(action) && states.includes('queued'))?.[0];
      const listings = [{ state: undefined }, { state: 'queued' as const }];
      for (const { state } of listings) {
        const first = await engine().listJobs({ queue: seeded.queue, limit: 3, ...(state ? { state } : {}) });
        assert.ok(first.next, 'a second page follows');
        const seen = first.jobs.map((job) => job.id);
        const moved: string[] = [];
        await context.seedMore(seeded.queue, 'queued', 2, `arrived_${state ?? 'all'}`);
        if (mover) {
          // The job the cursor points after, and one further down.
          const remaining = seeded.newestFirst.filter((id) => !seen.includes(id));
          const targets = [first.jobs.at(-1)!.id, remaining[remaining.length - 2]!];
          const stillQueued = await engine().statesOf(seeded.queue, targets);
          const movable = targets.filter((id) => stillQueued.get(id) === 'queued');
          assert.equal(await engine().apply(mover, seeded.queue, movable), movable.length);
          moved.push(...movable);
        }
        let after: CursorPosition | null = first.next;
        while (after) {
          const page = await engine().listJobs({ queue: seeded.queue, limit: 3, after, ...(state ? { state } : {}) });
          seen.push(...page.jobs.map((job) => job.id));
          if (state) for (const job of page.jobs) assert.equal(job.state, state);
          after = page.next;
        }
        assert.equal(new Set(seen).size, seen.length, `${state ?? 'all states'}: no job twice`);
        const present = await engine().statesOf(seeded.queue, seeded.newestFirst);
        const expected = seeded.newestFirst.filter((id) => present.has(id) && (!state || present.get(id) === state));
        const listedOriginals = seen.filter((id) => seeded.newestFirst.includes(id) && expected.includes(id));
        assert.deepEqual(listedOriginals, expected, `${state ?? 'all states'}: every job still there, once, in order`);
        if (!state || !mover) continue;
        for (const id of moved.slice(1)) assert.ok(!seen.includes(id), 'a job that left the state before its page is not listed in it');
      }
    });

    context.test('a cursor the engine did not produce is refused as invalid input', async () => {
      const seeded = await context.seedMany('cursor', 'queued', 2);
      for (const after of FOREIGN_POSITIONS) {
        await assert.rejects(
          engine().listJobs({ queue: seeded.queue, limit: 10, after: after as CursorPosition }),
          (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'cursor',
          `cursor ${JSON.stringify(after)}`,
        );
      }
      const page = await engine().listJobs({ queue: seeded.queue, limit: 1 });
      assert.ok(page.next);
      const again = await engine().listJobs({ queue: seeded.queue, limit: 1, after: page.next });
      assert.deepEqual(again.jobs.map((job) => job.id), [seeded.newestFirst[1]], 'its own cursor is accepted');
    });

    context.test('a queue that does not exist has an empty last page', async () => {
      for (const queue of [UNKNOWN_QUEUE, '']) {
        assert.deepEqual(await engine().listJobs({ queue, limit: 10 }), { jobs: [], next: null });
        for (const state of engine().capabilities.states) {
          assert.deepEqual(await engine().listJobs({ queue, state, limit: 10 }), { jobs: [], next: null }, `${JSON.stringify(queue)} ${state}`);
        }
      }
    });

    context.test('payload conditions, where the engine supports them, keep only the jobs that match', async () => {
      if (!engine().capabilities.dataFilters) {
        assert.equal(engine().capabilities.dataFilters, false);
        return;
      }
      const seeded = await context.seedMany('data', 'queued', 5);
      const matching = (await everyPage(engine(), { queue: seeded.queue, limit: 2, data: [{ field: 'index', value: '3' }] })).flat();
      assert.deepEqual(matching.map((job) => job.id), [seeded.oldestFirst[3]!.id]);
      const both = await everyPage(engine(), { queue: seeded.queue, state: 'queued', limit: 2, data: [{ field: 'conformance', value: 'queued' }, { field: 'index', value: '1' }] });
      assert.deepEqual(both.flat().map((job) => job.id), [seeded.oldestFirst[1]!.id]);
      const none = await everyPage(engine(), { queue: seeded.queue, limit: 2, data: [{ field: 'index', value: '99' }] });
      assert.deepEqual(none.flat(), []);
    });
  });
}
