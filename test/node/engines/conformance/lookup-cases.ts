import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { everyPage } from './context.ts';
import type { ConformanceContext } from './context.ts';

/** Finding a job by its whole id across queues, where the engine offers it. */
export function lookupCases(context: ConformanceContext): void {
  describe('lookup by id', () => {
    context.test('findJobs finds a job by its whole id in its queue, as its listing shows it', async () => {
      const engine = context.engine();
      if (engine.findJobs === undefined) {
        assert.equal(typeof engine.findJobs, 'undefined', 'an engine without lookup leaves the method out, and the console offers none');
        return;
      }
      const seeded = await context.seedStates('looked_up');
      const listed = new Map((await everyPage(engine, { queue: seeded.queue, limit: 50 })).flat().map((job) => [job.id, job]));
      for (const state of ['queued', 'failed'] as const) {
        const [job] = seeded.inState(state);
        assert.ok(job, `a ${state} job was seeded`);
        const found = await engine.findJobs(job.id, 20);
        assert.ok(found.every((one) => one.id.startsWith(job.id)), 'every job found has the id asked for');
        assert.deepEqual(found.find((one) => one.queue === seeded.queue), listed.get(job.id), `the ${state} job, as its listing shows it`);
        assert.ok((await engine.findJobs(job.id, 1)).length <= 1, 'at most the limit');
      }
    });
  });
}
