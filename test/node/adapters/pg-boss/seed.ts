// Real jobs in every state, made through pg-boss itself, with what the engine should report.
import { setTimeout as sleep } from 'node:timers/promises';
import type { PgBoss } from 'pg-boss';
import type { JobState } from '../../../../core/vocabulary/job-states.ts';

export const QUEUES = Object.freeze({
  main: 'ops_main',
  deadLetter: 'ops_dlq',
  paging: 'ops_paging',
  empty: 'ops_empty',
});

/** How many jobs the paging queue holds, part of them written in one statement (sharing a created_on). */
export const PAGING_JOBS = 25;
const PAGING_BATCH = 10;

export interface SeededJob {
  readonly id: string;
  readonly state: JobState;
}

export interface Seeded {
  /** The main queue's jobs, oldest first. */
  readonly main: EveryState;
  /** The copy of the failed job in the dead letter queue. */
  readonly deadLettered: string;
  readonly paging: readonly string[];
}

function only<T>(items: readonly T[], what: string): T {
  if (items.length !== 1) throw new Error(`seed: expected one ${what}, got ${items.length}`);
  return items[0]!;
}

async function required(id: Promise<string | null>, what: string): Promise<string> {
  const value = await id;
  if (!value) throw new Error(`seed: pg-boss did not create ${what}`);
  return value;
}

/** The jobs `seedEveryState` makes, by the state each is left in. */
export type EveryState = Record<'failed' | 'retrying' | 'completed' | 'cancelled' | 'active' | 'queued' | 'scheduled' | 'parent' | 'child', SeededJob>;

/**
 * One job in every console state in `queue`, made through pg-boss itself, oldest first: failed,
 * retrying, completed, cancelled, active, queued, scheduled, and a flow of a queued parent with a
 * blocked child. One step at a time, so that each fetch can only claim the job just sent, with a
 * pause between sends so that each has a created_on of its own even at millisecond resolution
 * (PGlite's clock). The queue must hold no job a fetch could claim.
 */
export async function seedEveryState(boss: PgBoss, queue: string): Promise<EveryState> {
  const step = async <T>(work: () => Promise<T>): Promise<T> => {
    const result = await work();
    await sleep(3);
    return result;
  };
  const claim = async (id: string): Promise<void> => {
    const job = only(await boss.fetch(queue), 'claimable job');
    if (job.id !== id) throw new Error(`seed: claimed ${job.id}, expected ${id}`);
  };

  const failed = await step(async () => {
    const id = await required(boss.send(queue, { step: 'failed' }, { retryLimit: 0 }), 'the failed job');
    await claim(id);
    await boss.fail(queue, id, new Error('boom'));
    return id;
  });
  const retrying = await step(async () => {
    const id = await required(boss.send(queue, { step: 'retrying' }, { retryDelay: 3600 }), 'the retrying job');
    await claim(id);
    await boss.fail(queue, id, new Error('try again'));
    return id;
  });
  const completed = await step(async () => {
    const id = await required(boss.send(queue, { step: 'completed' }), 'the completed job');
    await claim(id);
    await boss.complete(queue, id, { ok: true, rows: 3 });
    return id;
  });
  const cancelled = await step(async () => {
    const id = await required(boss.send(queue, { step: 'cancelled' }), 'the cancelled job');
    await boss.cancel(queue, id);
    return id;
  });
  const active = await step(async () => {
    const id = await required(boss.send(queue, { step: 'active' }, { priority: 5, singletonKey: 'only-one' }), 'the active job');
    await claim(id);
    return id;
  });
  const queued = await step(() => required(boss.send(queue, { step: 'queued' }), 'the queued job'));
  const scheduled = await step(() => required(boss.sendAfter(queue, { step: 'scheduled' }, null, 3600), 'the scheduled job'));
  const flow = await step(() =>
    boss.flow([
      { ref: 'parent', name: queue, data: { step: 'parent' } },
      { ref: 'child', name: queue, data: { step: 'child' }, dependsOn: ['parent'] },
    ]),
  );
  return {
    failed: { id: failed, state: 'failed' },
    retrying: { id: retrying, state: 'retrying' },
    completed: { id: completed, state: 'completed' },
    cancelled: { id: cancelled, state: 'cancelled' },
    active: { id: active, state: 'active' },
    queued: { id: queued, state: 'queued' },
    scheduled: { id: scheduled, state: 'scheduled' },
    parent: { id: flow.parent!, state: 'queued' },
    child: { id: flow.child!, state: 'blocked' },
  };
}

/** The main queue (with its dead letter queue), the paging queue and an empty one. */
export async function seed(boss: PgBoss): Promise<Seeded> {
  await boss.createQueue(QUEUES.deadLetter);
  await boss.createQueue(QUEUES.main, { deadLetter: QUEUES.deadLetter, retryLimit: 1 });
  await boss.createQueue(QUEUES.paging);
  await boss.createQueue(QUEUES.empty);
  const main = await seedEveryState(boss, QUEUES.main);

  const [deadLettered] = (await boss.findJobs(QUEUES.deadLetter)).map((job) => job.id);
  if (!deadLettered) throw new Error('seed: pg-boss did not dead-letter the failed job');

  const inserted = await boss.insert(
    QUEUES.paging,
    Array.from({ length: PAGING_BATCH }, (_, index) => ({ data: { index } })),
    { returnId: true },
  );
  const paging = [...(inserted ?? [])];
  for (let index = PAGING_BATCH; index < PAGING_JOBS; index++) {
    paging.push(await required(boss.send(QUEUES.paging, { index }), `paging job ${index}`));
  }

  return { main, deadLettered, paging };
}

/**
 * Sends one job to `queue` and fails it with no retries left, so that pg-boss copies it to the
 * queue's dead letter queue. The queue must hold no other job a fetch could claim.
 */
export async function exhaust(boss: PgBoss, queue: string, data: object = {}): Promise<string> {
  const id = await required(boss.send(queue, data, { retryLimit: 0 }), 'the job to exhaust');
  const job = only(await boss.fetch(queue), 'claimable job');
  if (job.id !== id) throw new Error(`seed: claimed ${job.id}, expected ${id}`);
  await boss.fail(queue, id, new Error('exhausted'));
  return id;
}
