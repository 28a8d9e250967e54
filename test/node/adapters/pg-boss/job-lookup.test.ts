// Finding pg-boss jobs by the start of their id, across queues, on PGlite and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { JobEngine } from '../../../../core/contracts/engine.ts';
import { InvalidInputError } from '../../../../core/errors.ts';
import { fromPgBoss } from '../../../../adapters/pg-boss/index.ts';
import { uuidRange } from '../../../../adapters/pg-boss/job-lookup.ts';
import { pgliteTarget, postgresTarget, type BossRun } from './targets.ts';

test('an id prefix spans the uuids that start with it, dashes or not', () => {
  assert.deepEqual(uuidRange('4F2E'), ['4f2e0000-0000-0000-0000-000000000000', '4f2effff-ffff-ffff-ffff-ffffffffffff']);
  assert.deepEqual(uuidRange('4f2e1a2b-3c'), uuidRange('4f2e1a2b3c'));
  const whole = '4f2e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
  assert.deepEqual(uuidRange(whole), [whole, whole]);
  for (const bad of ['4f2', 'zzzz', '4f2e 1a', `${whole}0`, '']) assert.throws(() => uuidRange(bad), InvalidInputError, bad);
});

for (const target of [pgliteTarget, postgresTarget]) {
  describe(`pg-boss job lookup by id on ${target.name}`, () => {
    let run: BossRun;
    let engine: JobEngine;
    let ready: Promise<void>;
    const ids: Record<string, string[]> = { alpha: [], beta: [] };
    const SHARED = [['beta', 'abcd0000-0000-4000-8000-000000000003'], ['alpha', 'abcd0000-0000-4000-8000-000000000001'], ['beta', 'abcd0000-0000-4000-8000-000000000002']] as const;
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
        await run.boss.publish('internal-event', { hidden: true });
      })();
      ready.catch(() => {});
    });
    after(() => run?.stop());

    test('finds a job by its whole id, or by its first characters, in whichever queue it is', async () => {
      await ready;
      const id = ids.beta![7]!;
      assert.deepEqual((await engine.findJobs!(id, 5)).map((job) => [job.queue, job.id]), [['beta', id]]);
      const byPrefix = await engine.findJobs!(id.slice(0, 13).toUpperCase(), 5);
      assert.ok(byPrefix.some((job) => job.id === id && job.state === 'queued'));
      assert.ok(byPrefix.every((job) => job.id.startsWith(id.slice(0, 13))));
    });

    test('answers every match of a short prefix across queues, by id, up to the limit', async () => {
      await ready;
      const found = await engine.findJobs!('abcd', 100);
      const expected = [...ids.alpha!, ...ids.beta!].filter((id) => id.startsWith('abcd'));
      assert.deepEqual(found.map((job) => [job.queue, job.id]), [
        ['alpha', 'abcd0000-0000-4000-8000-000000000001'], ['beta', 'abcd0000-0000-4000-8000-000000000002'], ['beta', 'abcd0000-0000-4000-8000-000000000003'],
        ...expected.map((id) => [id.startsWith('abcd') && ids.alpha!.includes(id) ? 'alpha' : 'beta', id]),
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)));
      assert.equal((await engine.findJobs!('abcd', 2)).length, 2);
      assert.deepEqual((await engine.findJobs!('abcd00000000400080000000000000', 100)).map((job) => job.id), SHARED.map(([, id]) => id).sort());
    });

    test("leaves out pg-boss's own queues and refuses what is not an id", async () => {
      await ready;
      const [internal] = (await run.query(`SELECT id FROM ${run.schema}.job WHERE name LIKE '\\_\\_pgboss%' LIMIT 1`)).rows as { id: string }[];
      if (internal) assert.deepEqual(await engine.findJobs!(internal.id, 5), []);
      await assert.rejects(engine.findJobs!('abc', 5), InvalidInputError);
      await assert.rejects(engine.findJobs!("4f2e' OR 1=1 --", 5), InvalidInputError);
    });
  });
}
