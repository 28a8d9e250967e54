/**
 * The parts of a started pg-boss 12 instance the engine uses, as structural types, so that
 * pg-boss stays an optional peer dependency and is never imported at runtime.
 */

/** pg-boss's database port (`IDatabase`): what `boss.getDb()` returns, on `pg` and on PGlite alike. */
export interface PgBossDbLike {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** A queue row as `boss.getQueues()` returns it; only the settings the console shows are read. */
export interface PgBossQueueLike {
  readonly name: string;
  readonly policy?: string;
  readonly partition?: boolean;
  readonly deadLetter?: string | null;
  readonly retryLimit?: number;
  readonly retryDelay?: number;
  readonly retryBackoff?: boolean;
  readonly retryDelayMax?: number | null;
  readonly expireInSeconds?: number;
  readonly retentionSeconds?: number;
  readonly deleteAfterSeconds?: number;
  readonly heartbeatSeconds?: number | null;
  readonly warningQueueSize?: number;
  readonly notify?: boolean;
}

/** Per-call options of pg-boss's commands: `db` runs the command on that connection instead of pg-boss's own. */
export interface PgBossCommandOptions {
  db?: PgBossDbLike;
}

/**
 * What `retry()`, `cancel()`, `deleteJob()` and `resume()` resolve to. pg-boss 12.38 declares its
 * `CommandResponse` with no members, yet returns `{ jobs, requested, affected }`; `affected`, the
 * number of jobs the command changed, is checked at runtime.
 */
export interface PgBossCommandResponseLike {
  readonly affected?: unknown;
}

/** Which dead-lettered jobs `redrive()` and `previewRedrive()` are about; the engine names them by id. */
export interface PgBossRedriveOptions extends PgBossCommandOptions {
  ids?: string[];
  /** Most jobs to move (redrive) or to read of each kind (preview). */
  limit?: number;
}

/** What `previewRedrive()` resolves to. */
export interface PgBossRedrivePreviewLike {
  /** Matching jobs read, routable or not. */
  readonly total: number;
  /** Where the routable ones would go. */
  readonly destinations: readonly { readonly name: string; readonly count: number }[];
  /** Matching jobs a redrive would leave in place: no source queue recorded, or one since deleted. */
  readonly unroutable: number;
}

/** A schedule as `boss.getSchedules()` returns it. */
export interface PgBossScheduleLike {
  readonly name: string;
  readonly key: string;
  /** How `cron` is written; pg-boss releases before recurrence rules have only cron. */
  readonly kind?: string;
  readonly cron: string;
  readonly timezone?: string | null;
  readonly data?: unknown;
  /** What `schedule()` stored beside the expression: the `send()` options of each run, and `tz`, `key` and `missed`. */
  readonly options?: object | null;
  readonly createdOn: Date;
  readonly updatedOn: Date;
  /** The job the schedule made last; absent on releases that do not record it. */
  readonly lastJobId?: string | null;
}

/** A process's row as `boss.getInstances()` returns it; only what the console shows is read. */
export interface PgBossInstanceLike {
  readonly id: string;
  readonly name?: string | null;
  readonly host: string;
  readonly pid: number;
  readonly version?: string | null;
  readonly nodeVersion?: string | null;
  readonly heartbeatSeconds?: number;
  readonly startedOn: Date | string;
  readonly heartbeatOn: Date | string;
  readonly stoppedOn?: Date | string | null;
  readonly crashRestarts?: number;
  readonly workers?: readonly {
    readonly queue: string;
    readonly localConcurrency?: number;
    readonly active?: number;
    readonly lastFetchedOn?: string | null;
    readonly lastJobEndedOn?: string | null;
    readonly lastErrorOn?: string | null;
  }[];
}

/**
 * A started `PgBoss` instance, as far as the engine needs one.
 *
 * Job changes go through pg-boss's own commands, each with `{ db }` when the console runs them
 * inside its transaction. `redrive` and `previewRedrive` are optional: the engine offers the
 * redrive action only on an instance that has both.
 */
export interface PgBossLike {
  getDb(): PgBossDbLike;
  getQueues(names?: string[], options?: { limit?: number; after?: string }): Promise<readonly PgBossQueueLike[]>;
  getQueue(name: string): Promise<PgBossQueueLike | null>;
  /** Used for its side effect: pg-boss caches the queue it looks the job up in (see `rememberQueue`). */
  getJobById(name: string, id: string, options?: PgBossCommandOptions): Promise<unknown>;
  retry(name: string, id: string[], options?: PgBossCommandOptions): Promise<PgBossCommandResponseLike>;
  cancel(name: string, id: string[], options?: PgBossCommandOptions): Promise<PgBossCommandResponseLike>;
  /** Fails jobs as if their handler had thrown; optional, for the `fail` action. */
  fail?(name: string, id: string[], data?: object | null, options?: PgBossCommandOptions): Promise<PgBossCommandResponseLike>;
  deleteJob(name: string, id: string[], options?: PgBossCommandOptions): Promise<PgBossCommandResponseLike>;
  resume(name: string, id: string[], options?: PgBossCommandOptions): Promise<PgBossCommandResponseLike>;
  /** Moves dead-lettered jobs back to the queue each came from, as new jobs; resolves to how many moved. */
  redrive?(name: string, options?: PgBossRedriveOptions): Promise<number>;
  previewRedrive?(name: string, options?: PgBossRedriveOptions): Promise<PgBossRedrivePreviewLike>;
  /** A page of schedules ordered by name and key; the engine lists schedules only where it exists. */
  getSchedules?(name?: string, key?: string, options?: { limit?: number; after?: { name: string; key: string } }): Promise<readonly PgBossScheduleLike[]>;
  /** The processes sharing this pg-boss schema, oldest first; the engine lists workers only where it exists. */
  getInstances?(options?: { limit?: number }): Promise<readonly PgBossInstanceLike[]>;
  /** Sends one job; resolves to its id, or null when a queue policy dropped it. */
  send?(name: string, data?: object | null, options?: object): Promise<string | null>;
  /** Deletes the schedule with this name and key (a no-op when there is none). */
  unschedule?(name: string, key?: string): Promise<void>;
  /**
   * Changes a queue's settings (not its policy or partitioning); null clears `deadLetter`,
   * `retryDelayMax` and `heartbeatSeconds`. The engine offers `queue.configure` only where it exists.
   */
  updateQueue?(name: string, options: Record<string, unknown>): Promise<void>;
  /** The next occurrences of an expression, computed in process. */
  previewSchedule?(cron: string, options?: { tz?: string; from?: Date; count?: number }): Date[];
}

/** Options of `fromPgBoss`. */
export interface FromPgBossOptions {
  /**
   * The schema pg-boss was configured with, spelled as given to `new PgBoss({ schema })`
   * (a quoted name such as `'"Jobs"'` included). Defaults to pg-boss's own default, `pgboss`.
   */
  readonly schema?: string;
  /**
   * The installed pg-boss version, shown beside the engine name (for example `'12.38.0'`).
   * pg-boss does not report it at runtime, so the label is plain `pg-boss` without it. `describe()`
   * reports a release other than pg-boss 12 as unsupported.
   */
  readonly version?: string;
}
