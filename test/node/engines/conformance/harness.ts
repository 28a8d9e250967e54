// What an engine adapter gives the conformance suite: a way to start its engine on a real backend,
// and to put jobs into the states the suite asks for through the engine's own library. The suite
// reads and changes jobs only through the `JobEngine` port; everything engine-specific is here.
import type { JobEngine } from '../../../../core/contracts/engine.ts';
import type { SqlExecutor } from '../../../../core/contracts/sql.ts';
import type { JobState } from '../../../../core/vocabulary/job-states.ts';

/** The message of the error every seeded `failed` and `retrying` job failed its last attempt with. */
export const SEED_FAILURE = 'conformance failure';

/** What every seeded `completed` job completed with. */
export const SEED_OUTPUT: Readonly<Record<string, unknown>> = Object.freeze({ conformance: 'done', rows: 3 });

/** One job for `EngineRun.seed` to make. */
export interface SeedJob {
  /** The state the engine must report the job in once seeded. */
  readonly state: JobState;
  /** Its payload, which `getJob` must give back as `data`. Small JSON: strings and numbers. */
  readonly data: Readonly<Record<string, string | number>>;
}

/** Jobs moved into a dead letter queue, for engines that can redrive. */
export interface DeadLettered {
  /** The dead letter queue, which no other test uses. */
  readonly queue: string;
  /** The ids of the dead-lettered jobs as that queue holds them. */
  readonly ids: readonly string[];
}

/**
 * One started engine on its backend, for the length of one suite. Every test works on queues of its
 * own (`freshQueue`), so tests that change jobs cannot disturb each other, and one start serves them
 * all.
 */
export interface EngineRun {
  /** The engine under test, as a host would build it. */
  readonly engine: JobEngine;
  /**
   * Creates an empty queue no other test uses and returns its name, which starts with `prefix`
   * (lower-case letters, digits and underscores).
   */
  freshQueue(prefix: string): Promise<string>;
  /**
   * Makes `jobs` in `queue` through the engine's own library (never by writing its storage), in the
   * order given, and returns their ids in that order. The suite asks only for states in
   * `engine.capabilities.states`. Each job must be created strictly after the one before it, so
   * that a newest-first listing is exactly the reverse order; ties the engine breaks some other
   * way are not enough. What each state means here:
   *
   * - `queued`: ready to run now; no worker takes it while the suite runs.
   * - `scheduled`: delayed to run an hour or more from now.
   * - `blocked`: waiting for a job that never finishes and that is not in `queue`.
   * - `active`: taken by a worker (or a fetch) that never finishes it.
   * - `retrying`: failed one attempt with `new Error(SEED_FAILURE)` and waits an hour or more for
   *   its next one.
   * - `completed`: finished with `SEED_OUTPUT` as its result.
   * - `failed`: failed its only attempt with `new Error(SEED_FAILURE)`, no attempts left, and went
   *   nowhere else (no dead letter queue).
   * - `cancelled`: cancelled while it waited.
   */
  seed(queue: string, jobs: readonly SeedJob[]): Promise<string[]>;
  /**
   * Required when the engine supports `redrive`: creates a queue with a dead letter queue, makes
   * `count` jobs there that exhaust their attempts and are moved to the dead letter queue, and
   * returns that queue with the ids its copies have there.
   */
  deadLettered?(prefix: string, count: number): Promise<DeadLettered>;
  /**
   * Required when `engine.capabilities.sharedTransactions` is true: runs `work` in one transaction
   * on the database the engine shares with the console's store, handing it the connection as the
   * store would, then commits or rolls back as `end` says (and rolls back if `work` throws).
   */
  transaction?<T>(end: 'commit' | 'rollback', work: (db: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Required when the engine declares schedule actions: makes a recurring schedule of `queue` under
   * `key` that runs daily at 03:00 UTC and sends `data`, through the engine's own library, and
   * makes no job ready to run before then.
   */
  recurring?(queue: string, key: string, data: Readonly<Record<string, string | number>>): Promise<void>;
  /**
   * Required when the engine declares `fail` and fails only running jobs whose worker let go of
   * them (BullMQ, by the job's lock): makes it as if the worker holding this seeded `active` job had
   * died, so that nothing holds the job any more (BullMQ: its lock is gone) and nothing has taken
   * it back yet. Until then a seeded `active` job counts as held by a live worker. An engine that
   * fails any running job (pg-boss, whose preview warns that a live handler is not stopped) leaves
   * it out.
   */
  abandon?(queue: string, id: string): Promise<void>;
  /** Stops the engine and releases its backend; what the run created may be dropped. */
  stop(): Promise<void>;
}

/** An engine on one backend, as the conformance suite runs it. */
export interface EngineHarness {
  /** Names the engine and backend in test titles, such as `pg-boss on PGlite`. */
  readonly name: string;
  /**
   * Whether the engine shares the store's transactions, as its `capabilities.sharedTransactions`
   * will say. Declared here because the suite decides which cases to register before the engine
   * starts; it checks the two agree.
   */
  readonly sharedTransactions: boolean;
  /**
   * Starts the engine on a backend of its own (or its own namespace on a shared one), or rejects
   * saying what it needs (a service that is not running, say). Called once per suite.
   */
  start(): Promise<EngineRun>;
}
