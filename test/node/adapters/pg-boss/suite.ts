// The set-up every pg-boss action suite shares: one started pg-boss per database, an engine over
// it, and a fresh queue per test so that tests which change jobs cannot disturb each other.
import { after, before, test } from 'node:test';
import type { JobEngine } from '../../../../core/contracts/engine.ts';
import { fromPgBoss } from '../../../../adapters/pg-boss/index.ts';
import { seedEveryState } from './seed.ts';
import type { EveryState, SeededJob } from './seed.ts';
import type { BossRun, BossTarget } from './targets.ts';

export interface ActionSuite {
  /** The database's name, as the target gives it. */
  readonly name: string;
  /** A test that waits for the set-up first, so an unreachable database fails it with the reason. */
  dbTest(name: string, body: () => Promise<void>, options?: { timeout?: number }): void;
  run(): BossRun;
  engine(): JobEngine;
  /** Creates a queue no other test uses and returns its name. */
  freshQueue(prefix: string, options?: Parameters<BossRun['boss']['createQueue']>[1]): Promise<string>;
  /** A fresh queue with one job in every state (`seedEveryState`); its failed job was copied to `deadLetter`. */
  everyState(prefix: string): Promise<{ queue: string; deadLetter: string; jobs: EveryState; all: SeededJob[] }>;
}

/** Call inside a `describe`: registers the before and after hooks of one database. */
export function actionSuite(target: BossTarget): ActionSuite {
  let run: BossRun | undefined;
  let engine: JobEngine | undefined;
  let ready: Promise<void> = Promise.resolve();
  let queues = 0;
  before(() => {
    ready = (async () => {
      run = await target.start();
      engine = fromPgBoss(run.boss, { schema: run.schema });
    })();
    ready.catch(() => {});
  });
  after(async () => {
    await run?.stop();
  });
  const freshQueue: ActionSuite['freshQueue'] = async (prefix, options) => {
    queues += 1;
    const name = `${prefix}_${queues}`;
    await run!.boss.createQueue(name, options);
    return name;
  };
  return {
    name: target.name,
    dbTest(name, body, options = {}) {
      test(name, options, async () => {
        await ready;
        await body();
      });
    },
    run: () => run!,
    engine: () => engine!,
    freshQueue,
    async everyState(prefix) {
      const deadLetter = await freshQueue(`${prefix}_dlq`);
      const queue = await freshQueue(prefix, { deadLetter });
      const jobs = await seedEveryState(run!.boss, queue);
      return { queue, deadLetter, jobs, all: Object.values(jobs) };
    },
  };
}
