// What every conformance case shares: the started run, a test that waits for it, and helpers that
// read through the JobEngine port only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CursorPosition, JobEngine, JobListQuery } from '../../../../core/contracts/engine.ts';
import type { JobSummary } from '../../../../core/contracts/jobs.ts';
import type { JobAction } from '../../../../core/vocabulary/actions.ts';
import type { JobState } from '../../../../core/vocabulary/job-states.ts';
import type { EngineHarness, EngineRun, SeedJob } from './harness.ts';

/** A job the suite seeded, with what it asked for. */
export interface SeededJob extends SeedJob {
  readonly id: string;
}

/** The jobs of one `seed` call. */
export interface Seeded {
  readonly queue: string;
  /** In the order they were made. */
  readonly oldestFirst: readonly SeededJob[];
  /** Their ids, newest first: the order every listing must give them in. */
  readonly newestFirst: readonly string[];
  inState(state: JobState): readonly SeededJob[];
}

export interface ConformanceContext {
  readonly harness: EngineHarness;
  run(): EngineRun;
  engine(): JobEngine;
  /** A test that waits for the engine to start first, so a backend that is down fails it with the reason. */
  test(name: string, body: () => Promise<void>, options?: { readonly timeout?: number }): void;
  /** A fresh queue holding `perState` jobs in each of the engine's states, made round-robin over the states. */
  seedStates(prefix: string, perState?: number): Promise<Seeded>;
  /** A fresh queue holding `count` jobs in `state`. */
  seedMany(prefix: string, state: JobState, count: number): Promise<Seeded>;
  /** Adds jobs in `state` to a seeded queue, newer than every job already there. */
  seedMore(queue: string, state: JobState, count: number, label: string): Promise<readonly SeededJob[]>;
}

/** An id no engine gives a job: matched nowhere, and harmless to any query. */
export const UNKNOWN_IDS: readonly string[] = Object.freeze(['00000000-0000-4000-8000-000000000000', 'no-such-job-conformance']);

/** A queue name no harness creates. */
export const UNKNOWN_QUEUE = 'conformance_no_such_queue';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Asserts `value` is an ISO 8601 instant in UTC, as every time on the engine port is. */
export function assertInstant(value: string | null | undefined, what: string): void {
  assert.ok(typeof value === 'string' && ISO_INSTANT.test(value) && Number.isFinite(Date.parse(value)), `${what}: ${JSON.stringify(value)} is an ISO instant`);
}

/**
 * Every job of a listing, following `next` page by page (through pages an engine stopped early).
 * Fails if the listing does not end within `bound` pages.
 */
export async function everyPage(engine: JobEngine, query: Omit<JobListQuery, 'after'>, bound = 200): Promise<JobSummary[][]> {
  const pages: JobSummary[][] = [];
  let after: CursorPosition | undefined;
  do {
    const page = await engine.listJobs({ ...query, ...(after ? { after } : {}) });
    pages.push([...page.jobs]);
    if (!page.stoppedEarly && page.next) assert.equal(page.jobs.length, query.limit, 'a page that is not the last one is full');
    after = page.next ?? undefined;
    assert.ok(pages.length <= bound, 'the listing ends');
  } while (after);
  return pages;
}

/**
 * Whether `action`'s eligibility is decided by a job's state alone. Redrive also needs the job to be
 * dead-lettered; fail, on some engines, a running job that no live worker holds (fail-cases.ts).
 */
export function stateDecides(action: JobAction): boolean {
  return action !== 'redrive' && action !== 'fail';
}

/** The engine's actions with the states each applies to. */
export function actionsOf(engine: JobEngine): [JobAction, readonly JobState[]][] {
  return Object.entries(engine.capabilities.actions) as [JobAction, readonly JobState[]][];
}

export function createContext(harness: EngineHarness, run: () => EngineRun, ready: () => Promise<void>): ConformanceContext {
  const engine = () => run().engine;
  const seeded = (queue: string, jobs: readonly SeededJob[]): Seeded => ({
    queue,
    oldestFirst: jobs,
    newestFirst: jobs.map((job) => job.id).reverse(),
    inState: (state) => jobs.filter((job) => job.state === state),
  });
  const make = async (queue: string, wanted: readonly SeedJob[]): Promise<SeededJob[]> => {
    const ids = await run().seed(queue, wanted);
    assert.equal(ids.length, wanted.length, 'seed returns one id per job');
    assert.equal(new Set(ids).size, ids.length, 'seeded ids are distinct');
    return wanted.map((job, index) => ({ ...job, id: ids[index]! }));
  };
  return {
    harness,
    run,
    engine,
    test(name, body, options = {}) {
      test(name, { timeout: options.timeout ?? 60_000 }, async () => {
        await ready();
        await body();
      });
    },
    async seedStates(prefix, perState = 1) {
      const queue = await run().freshQueue(prefix);
      const wanted: SeedJob[] = [];
      for (let round = 0; round < perState; round++) {
        for (const state of engine().capabilities.states) wanted.push({ state, data: { conformance: state, index: wanted.length } });
      }
      return seeded(queue, await make(queue, wanted));
    },
    async seedMany(prefix, state, count) {
      const queue = await run().freshQueue(prefix);
      const wanted = Array.from({ length: count }, (_, index): SeedJob => ({ state, data: { conformance: state, index } }));
      return seeded(queue, await make(queue, wanted));
    },
    async seedMore(queue, state, count, label) {
      return make(queue, Array.from({ length: count }, (_, index): SeedJob => ({ state, data: { conformance: label, index } })));
    },
  };
}
