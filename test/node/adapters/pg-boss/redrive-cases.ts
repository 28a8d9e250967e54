import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { exhaust } from './seed.ts';
import type { ActionSuite } from './suite.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const SECRET = { card: '4111-1111-1111-1111' };

/** Redrive from a dead letter queue: preview, warnings and the move. */
export function redriveCases(suite: ActionSuite): void {
  describe('redrive', () => {
    const { dbTest } = suite;

    /** The copy pg-boss made in `deadLetter` of the job `id` that failed. */
    const copyOf = async (deadLetter: string, id: string): Promise<string> => {
      const { rows } = await suite.run().query(`SELECT id::text AS id FROM ${suite.run().schema}.job WHERE name = $1 AND source_id = $2`, [deadLetter, id]);
      assert.equal(rows.length, 1, `one dead letter copy of ${id}`);
      return rows[0].id;
    };

    dbTest('a job exhausted into a dead letter queue is previewed, warned about and moved back to its source queue', async () => {
      const { boss, schema } = suite.run();
      const engine = suite.engine();
      const deadLetter = await suite.freshQueue('dlq');
      const source = await suite.freshQueue('source', { deadLetter });
      const removed = await suite.freshQueue('removed', { deadLetter });
      const failed = await exhaust(boss, source, SECRET);
      const copy = await copyOf(deadLetter, failed);
      const stranded = await copyOf(deadLetter, await exhaust(boss, removed, SECRET));
      await boss.deleteQueue(removed);
      const direct = (await boss.send(deadLetter, SECRET))!;

      // A job sent straight to the dead letter queue was never dead-lettered: nothing to redrive.
      const selected = await engine.selectForAction('redrive', deadLetter, { ids: [copy, stranded, direct, UNKNOWN_ID] }, 50);
      assert.deepEqual(selected.jobs.map((job) => [job.id, job.state]), [[stranded, 'queued'], [copy, 'queued']]);
      assert.equal(selected.eligible, 2);
      assert.equal(selected.ineligible, 1);
      assert.deepEqual(selected.missing, [UNKNOWN_ID]);
      const queued = await engine.selectForAction('redrive', deadLetter, { filter: { state: 'queued' } }, 1);
      assert.deepEqual([queued.eligible, queued.ineligible, queued.jobs.length], [2, 1, 1]);
      // Without the listing index the engine picks any eligible job, to keep its reads bounded.
      assert.ok([stranded, copy].includes(queued.jobs[0]!.id));
      const completed = await engine.selectForAction('redrive', deadLetter, { filter: { state: 'completed' } }, 50);
      assert.deepEqual([completed.eligible, completed.ineligible, completed.jobs], [0, 0, []]);

      const warnings = (await engine.selectForAction('redrive', deadLetter, { ids: [copy, stranded] }, 50)).warnings;
      assert.deepEqual(warnings, [
        `One of these jobs came from queue ${removed}, which no longer exists, so redrive cannot move it; it stays in ${deadLetter}.`,
        "Redrive re-creates each job in the queue it came from, as a new job with a new id and that queue's current retry settings, " +
          `and removes it from ${deadLetter}: 1 job to ${source}.`,
      ]);
      // A job with no source queue recorded is not redrive's to move: left alone, nothing to warn about.
      const unsourced = await engine.selectForAction('redrive', deadLetter, { ids: [direct] }, 50);
      assert.deepEqual([unsourced.eligible, unsourced.ineligible, unsourced.warnings], [0, 1, undefined]);
      for (const warning of warnings ?? []) assert.doesNotMatch(warning, /4111|card|exhausted/);

      assert.equal(await engine.apply('redrive', deadLetter, [copy, stranded, direct]), 1);
      const left = await engine.statesOf(deadLetter, [copy, stranded, direct]);
      assert.deepEqual(Object.fromEntries(left), { [stranded]: 'queued', [direct]: 'queued' });
      // The redriven job is new in its source queue; its lineage leads back to the job that failed.
      const { rows } = await suite.run().query(`SELECT id::text AS id FROM ${schema}.job WHERE name = $1 AND source_root_id = $2`, [source, failed]);
      assert.equal(rows.length, 1);
      const redriven = await engine.getJob(source, rows[0].id);
      assert.equal(redriven?.state, 'queued');
      assert.deepEqual(redriven?.data, SECRET);
      assert.equal(await engine.apply('redrive', deadLetter, [copy]), 0, 'the copy is gone');
    });

    dbTest('redrive warns that a source queue with a policy may refuse a redriven job', async () => {
      const { boss } = suite.run();
      const deadLetter = await suite.freshQueue('dlq_policy');
      const source = await suite.freshQueue('source_short', { deadLetter, policy: 'short' });
      const copy = await copyOf(deadLetter, await exhaust(boss, source));
      const warnings = (await suite.engine().selectForAction('redrive', deadLetter, { ids: [copy] }, 50)).warnings ?? [];
      assert.equal(warnings.length, 2);
      assert.equal(
        warnings[1],
        `Queue ${source} uses pg-boss's short policy: a redriven job that collides there with a job the policy allows only once ` +
          `is not moved, but marked failed in ${deadLetter} with the reason.`,
      );
    });
  });
}

