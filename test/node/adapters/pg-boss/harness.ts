// pg-boss's harness for the engine conformance suite, on each database its targets start.
import { setTimeout as sleep } from 'node:timers/promises';
import type { PgBoss } from 'pg-boss';
import { fromPgBoss } from '../../../../adapters/pg-boss/index.ts';
import type { JobState } from '../../../../core/vocabulary/job-states.ts';
import { SEED_FAILURE, SEED_OUTPUT } from '../../engines/conformance/harness.ts';
import type { EngineHarness, EngineRun, SeedJob } from '../../engines/conformance/harness.ts';
import { exhaust } from './seed.ts';
import type { BossTarget } from './targets.ts';

const HOUR_SECONDS = 3600;

// Fetch takes the highest priority first, so a job seeded to be claimed is the one claimed even
// while jobs seeded queued before it wait in the queue.
const CLAIM_PRIORITY = 100;

async function required(id: Promise<string | null>, what: string): Promise<string> {
  const value = await id;
  if (!value) throw new Error(`seed: pg-boss did not create ${what}`);
  return value;
}

/** Sends a job and takes it as a worker would, so it is active. */
async function claimed(boss: PgBoss, queue: string, data: object, options: object = {}): Promise<string> {
  const id = await required(boss.send(queue, data, { priority: CLAIM_PRIORITY, ...options }), 'a job to claim');
  const jobs = await boss.fetch(queue);
  if (jobs.length !== 1 || jobs[0]!.id !== id) throw new Error(`seed: claimed ${jobs.map((job) => job.id).join(', ') || 'nothing'}, expected ${id}`);
  return id;
}

/** Makes one job in `state`, through pg-boss's own commands. */
async function make(boss: PgBoss, queue: string, parents: string, job: SeedJob): Promise<string> {
  const { data } = job;
  const state: JobState = job.state;
  switch (state) {
    case 'queued':
      return required(boss.send(queue, data), 'a queued job');
    case 'scheduled':
      return required(boss.sendAfter(queue, data, null, 2 * HOUR_SECONDS), 'a scheduled job');
    case 'blocked': {
      // The job it waits for lives in a queue of its own, so it stays out of the seeded queue's counts.
      const flow = await boss.flow([
        { ref: 'parent', name: parents, data: {} },
        { ref: 'child', name: queue, data, dependsOn: ['parent'] },
      ]);
      return required(Promise.resolve(flow.child ?? null), 'a blocked job');
    }
    case 'active':
      return claimed(boss, queue, data);
    case 'retrying': {
      const id = await claimed(boss, queue, data, { retryLimit: 1, retryDelay: 2 * HOUR_SECONDS });
      await boss.fail(queue, id, new Error(SEED_FAILURE));
      return id;
    }
    case 'failed': {
      const id = await claimed(boss, queue, data, { retryLimit: 0 });
      await boss.fail(queue, id, new Error(SEED_FAILURE));
      return id;
    }
    case 'completed': {
      const id = await claimed(boss, queue, data);
      await boss.complete(queue, id, { ...SEED_OUTPUT });
      return id;
    }
    case 'cancelled': {
      const id = await required(boss.send(queue, data), 'a job to cancel');
      await boss.cancel(queue, id);
      return id;
    }
  }
}

/** The conformance harness for pg-boss on one of its targets (PGlite or PostgreSQL). */
export function pgBossHarness(target: BossTarget): EngineHarness {
  return {
    name: `pg-boss on ${target.name}`,
    sharedTransactions: true,
    async start(): Promise<EngineRun> {
      const run = await target.start();
      const { boss } = run;
      let queues = 0;
      const freshQueue = async (prefix: string, options?: Parameters<PgBoss['createQueue']>[1]): Promise<string> => {
        queues += 1;
        // Apart from the names pg-boss's own cases give queues on the same pg-boss.
        const name = `cf_${prefix}_${queues}`;
        await boss.createQueue(name, options);
        return name;
      };
      const parents = await freshQueue('conformance_parents');
      return {
        engine: fromPgBoss(boss, { schema: run.schema }),
        freshQueue: (prefix) => freshQueue(prefix),
        async seed(queue, jobs) {
          const ids: string[] = [];
          for (const job of jobs) {
            if (ids.length > 0) {
              // A created_on of its own for each job, even on PGlite's millisecond clock.
              await sleep(2);
            }
            ids.push(await make(boss, queue, parents, job));
          }
          return ids;
        },
        async deadLettered(prefix, count) {
          const queue = await freshQueue(`${prefix}_dlq`);
          const source = await freshQueue(prefix, { deadLetter: queue });
          const failed: string[] = [];
          for (let index = 0; index < count; index++) failed.push(await exhaust(boss, source, { index }));
          const { rows } = await run.query(`SELECT id::text AS id FROM ${run.schema}.job WHERE name = $1 AND source_id = ANY($2::uuid[])`, [queue, failed]);
          if (rows.length !== count) throw new Error(`seed: pg-boss dead-lettered ${rows.length} of ${count} jobs`);
          return { queue, ids: rows.map((row) => row.id as string) };
        },
        async recurring(queue, key, data) {
          await boss.schedule(queue, '0 3 * * *', data, { key, tz: 'UTC' });
        },
        transaction: (end, work) => run.transaction(end, work),
        stop: () => run.stop(),
      };
    },
  };
}
