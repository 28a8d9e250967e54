// The two databases every store test runs on: embedded PGlite and a real PostgreSQL server.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { PostgresStoreOptions } from '../../../../adapters/postgres/index.ts';
import { DATABASE_URL, unreachable } from '../../support/database.ts';

/** A database the suite can open connections to. */
export interface Target {
  readonly name: string;
  /** Connects, or throws saying what is needed. */
  start(): Promise<void>;
  /** Options for a store on a connection of its own (a new pool; on PGlite, the one instance). */
  connection(): PostgresStoreOptions;
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  stop(): Promise<void>;
}

export function pgliteTarget(): Target {
  let db: PGlite | undefined;
  const open = (): PGlite => {
    if (!db) throw new Error('PGlite target used before start()');
    return db;
  };
  return {
    name: 'PGlite',
    async start() {
      db = await PGlite.create();
    },
    // PGlite is one connection in this process; a second "pool" is the same instance.
    connection: () => ({ pglite: open() }),
    query: (text, values) => open().query(text, values),
    async stop() {
      await db?.close();
    },
  };
}

export function postgresTarget(): Target {
  const pools: pg.Pool[] = [];
  const newPool = (): pg.Pool => {
    const pool = new pg.Pool({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5000, max: 2 });
    pools.push(pool);
    return pool;
  };
  let admin: pg.Pool | undefined;
  return {
    name: 'PostgreSQL',
    async start() {
      admin = newPool();
      try {
        await admin.query('SELECT 1');
      } catch (error) {
        throw unreachable(error);
      }
    },
    connection: () => ({ pool: newPool() }),
    query: (text, values) => {
      if (!admin) throw new Error('PostgreSQL target used before start()');
      return admin.query(text, values);
    },
    async stop() {
      await Promise.all(pools.splice(0).map((pool) => pool.end()));
    },
  };
}
