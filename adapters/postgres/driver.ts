import * as sql from './sql.ts';
import type { Statement } from './sql.ts';

/** The rows a statement returned. */
export interface SqlResult<Row> {
  readonly rows: Row[];
}

/** Runs one statement with `$n` placeholders. */
export interface SqlQueryable {
  query<Row = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<SqlResult<Row>>;
}

/**
 * The one shape the store speaks: statements, and a transaction on a single connection. `pg` and
 * PGlite are adapted to it by `fromPgPool` and `fromPglite`.
 */
export interface SqlDriver extends SqlQueryable {
  /** Which driver this is, for telemetry. */
  readonly kind: 'pg' | 'pglite';
  /**
   * Runs `work` inside BEGIN ... COMMIT on one connection, rolling back if it throws. `tx` is only
   * valid until `work` settles.
   */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

/** The parts of a `pg` pool client the store uses. */
export interface PgClientLike {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  /** Returns the client to the pool; passing an error discards the connection instead. */
  release(error?: Error | boolean): void;
}

/** The parts of a `pg` `Pool` the store uses, so `pg` stays an optional peer. */
export interface PgPoolLike {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  connect(): Promise<PgClientLike>;
}

/** The parts of a PGlite instance (`@electric-sql/pglite`) the store uses. */
export interface PGliteLike {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  transaction<T>(work: (tx: { query(text: string, values?: unknown[]): Promise<{ rows: any[] }> }) => Promise<T>): Promise<T>;
}

/** Runs one statement from `sql.ts` and returns its rows. */
export async function rowsOf<Row = Record<string, unknown>>(target: SqlQueryable, statement: Statement): Promise<Row[]> {
  return (await target.query<Row>(statement.text, statement.values)).rows;
}

function run(target: PgClientLike | PgPoolLike, statement: Statement): Promise<{ rows: any[] }> {
  return target.query(statement.text, [...statement.values]);
}

/** Adapts a `pg` `Pool` (the host's own) to the store's driver shape. */
export function fromPgPool(pool: PgPoolLike): SqlDriver {
  return {
    kind: 'pg',
    async query(text, values = []) {
      return await pool.query(text, [...values]);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await run(client, sql.begin());
        const result = await work({ query: async (text, values = []) => await client.query(text, [...values]) });
        await run(client, sql.commit());
        client.release();
        return result;
      } catch (error) {
        try {
          await run(client, sql.rollback());
          client.release();
        } catch (rollbackError) {
          // A connection that cannot roll back is in an unknown state: drop it rather than pool it.
          client.release(rollbackError instanceof Error ? rollbackError : true);
        }
        throw error;
      }
    },
  };
}

/**
 * Adapts a PGlite instance. PGlite is one connection, so its own `transaction` already serializes
 * transactions against each other and against other callers of the same instance (pg-boss too).
 */
export function fromPglite(pglite: PGliteLike): SqlDriver {
  return {
    kind: 'pglite',
    async query(text, values = []) {
      return await pglite.query(text, [...values]);
    },
    async transaction(work) {
      return await pglite.transaction(async (tx) =>
        await work({ query: async (text, values = []) => await tx.query(text, [...values]) }),
      );
    },
  };
}
