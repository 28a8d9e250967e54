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

/** A started `PgBoss` instance, as far as the engine needs one. */
export interface PgBossLike {
  getDb(): PgBossDbLike;
  getQueues(names?: string[], options?: { limit?: number; after?: string }): Promise<readonly PgBossQueueLike[]>;
  getQueue(name: string): Promise<PgBossQueueLike | null>;
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
   * pg-boss does not report it at runtime, so the label is plain `pg-boss` without it.
   */
  readonly version?: string;
}
