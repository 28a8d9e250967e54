// Finding pg-boss jobs by the start of their id, across queues. Run by engine.test.ts on both
// databases, beside other suites' jobs: the prefixes the cases count are their own.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { JobEngine } from '../../../../core/contracts/engine.ts';
import { InvalidInputError } from '../../../../core/errors.ts';
import { fromPgBoss } from '../../../../adapters/pg-boss/index.ts';
import { uuidRange } from '../../../../adapters/pg-boss/job-lookup.ts';
import type { BossRun, BossTarget } from './targets.ts';

/** Registers the lookup cases on `target`. */
export function jobLookupCases(target: BossTarget): void {
test('an id prefix spans the uuids that start with it, dashes or not', () => {
  assert.deepEqual(uuidRange('4F2E'), ['4f2e0000-0000-0000-0000-000000000000', '4f2effff-ffff-ffff-ffff-ffffffffffff']);
  assert.deepEqual(uuidRange('4f2e1a2b-3c'), uuidRange('4f2e1a2b3c'));
  const whole = '4f2e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
  assert.deepEqual(uuidRange(whole), [whole, whole]);
  for (const bad of ['4f2', 'zzzz', '4f2e 1a', `${whole}0`, '']) assert.throws(() => uuidRange(bad), InvalidInputError, bad);
});

  describe('job lookup by id', () => {
    let run: BossRun;
    let engine: JobEngine;
    let ready: Promise<void>;
    const ids: Record<string, string[]> = { lookup_alpha: [], lookup_beta: [] };
    const SHARED = [['lookup_beta', 'abcd0000-0000-4000-8000-000000000003'], ['lookup_alpha', 'abcd0000-0000-4000-8000-000000000001'], ['lookup_beta', 'abcd0000-0000-4000-8000-000000000002']] as const;
    before(() => {
      ready = (async () => {
        run = await target.start();
        engine = fromPgBoss(run.boss, { schema: run.schema });
        for (const queue of Object.keys(ids)) {
          await run.boss.createQueue(queue);
          for (let index = 0; index < 30; index += 1) ids[queue]!.push((await run.boss.send(queue, { index }))!);
        }
        // Three jobs whose ids share a prefix, in two queues.
        for (const [queue, id] of SHARED) await run.boss.send(queue, {}, { id });
      })();
      ready.catch(() => {});
    });

    test('finds a job by its whole id, or by its first characters, in whichever queue it is', async () => {
      await ready;
      const id = ids.lookup_beta![7]!;
      assert.deepEqual((await engine.findJobs!(id, 5)).map((job) => [job.queue, job.id]), [['lookup_beta', id]]);
      const byPrefix = await engine.findJobs!(id.slice(0, 13).toUpperCase(), 5);
      assert.ok(byPrefix.some((job) => job.id === id && job.state === 'queued'));
      assert.ok(byPrefix.every((job) => job.id.startsWith(id.slice(0, 13))));
    });

    test('answers every match of a short prefix across queues, by id, up to the limit', async () => {
      await ready;
      const found = await engine.findJobs!('abcd0000', 100);
      assert.deepEqual(found.map((job) => [job.queue, job.id]), [
        ['lookup_alpha', 'abcd0000-0000-4000-8000-000000000001'], ['lookup_beta', 'abcd0000-0000-4000-8000-000000000002'], ['lookup_beta', 'abcd0000-0000-4000-8000-000000000003'],
      ]);
      assert.equal((await engine.findJobs!('abcd', 2)).length, 2);
      assert.deepEqual((await engine.findJobs!('abcd00000000400080000000000000', 100)).map((job) => job.id), SHARED.map(([, id]) => id).sort());
    });

    test('refuses what is not an id', async () => {
      await ready;
      await assert.rejects(engine.findJobs!('abc', 5), InvalidInputError);
      await assert.rejects(engine.findJobs!("4f2e' OR 1=1 --", 5), InvalidInputError);
    });
  });
}
