import { resolve } from 'node:path';
import { createPostgresStore, type PostgresStore } from '../../adapters/postgres/index.ts';
import { describeDatabaseUrl } from '../describe-url.ts';
import { importPeer } from '../optional-import.ts';
import { lockDirectory } from './directory-lock.ts';

/** Where `migrate` applies the store's migrations. */
export type MigrateTarget = { readonly databaseUrl: string } | { readonly pgliteDir: string };

/** The store on its database, opened by the command itself. */
export interface OpenedStore {
  readonly store: PostgresStore;
  /** The database, fit to print. */
  readonly description: string;
  /** PostgreSQL, where index builds run CONCURRENTLY; false on PGlite, which has one connection and no other writer. */
  readonly concurrentIndexBuilds: boolean;
  /** Runs `work` with one connection of its own: every statement on its own, outside any transaction. */
  withConnection<T>(work: (query: SessionQuery) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One statement on the session's connection, its rows back. */
export type SessionQuery = <Row>(text: string, values: unknown[]) => Promise<Row[]>;

interface PgModule {
  default: { Pool: new (config: Record<string, unknown>) => PgPool };
}
interface PgPool {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  connect(): Promise<{ query(text: string, values?: unknown[]): Promise<{ rows: any[] }>; release(error?: Error | boolean): void }>;
  on(event: 'error', listener: (error: Error) => void): void;
  end(): Promise<void>;
}
interface PgliteModule {
  PGlite: { create(dir: string): Promise<PgliteInstance> };
}
interface PgliteInstance {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  transaction<T>(work: (tx: { query(text: string, values?: unknown[]): Promise<{ rows: any[] }> }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database of `target`, fit to print. */
export function describeTarget(target: MigrateTarget, cwd: string): string {
  return 'databaseUrl' in target ? describeDatabaseUrl(target.databaseUrl) : `PGlite in ${resolve(cwd, target.pgliteDir)}`;
}

/** How long a second `migrate` on one PGlite directory waits for the first. */
const PGLITE_LOCK_TIMEOUT_MS = 120_000;

/** Opens a one-connection `pg` pool, or a PGlite directory (taken for this process), with the store over it; `schema` is already checked. */
export async function openStore(target: MigrateTarget, schema: string, cwd: string): Promise<OpenedStore> {
  if ('databaseUrl' in target) {
    const pg = await importPeer<PgModule>('pg', 'migrate --database-url');
    const pool = new pg.default.Pool({ connectionString: target.databaseUrl, max: 1, connectionTimeoutMillis: 10_000, application_name: 'ops-jobs migrate' });
    // An idle connection that fails is reported by the query that needed it, not as a crash.
    pool.on('error', () => {});
    return {
      store: createPostgresStore({ pool, schema, liveChannel: false }),
      description: describeTarget(target, cwd),
      concurrentIndexBuilds: true,
      async withConnection(work) {
        const client = await pool.connect();
        try {
          const result = await work(async (text, values) => (await client.query(text, values)).rows);
          client.release();
          return result;
        } catch (error) {
          // A connection that failed mid-way may still hold a session lock: close it rather than reuse it.
          client.release(error instanceof Error ? error : true);
          throw error;
        }
      },
      close: () => pool.end(),
    };
  }
  const dir = resolve(cwd, target.pgliteDir);
  const { PGlite } = await importPeer<PgliteModule>('@electric-sql/pglite', 'migrate --pglite');
  const release = await lockDirectory(dir, PGLITE_LOCK_TIMEOUT_MS);
  try {
    const pglite = await PGlite.create(dir);
    return {
      store: createPostgresStore({ pglite, schema }),
      description: describeTarget(target, cwd),
      concurrentIndexBuilds: false,
      withConnection: (work) => work(async (text, values) => (await pglite.query(text, values)).rows),
      async close() {
        try {
          await pglite.close();
        } finally {
          await release();
        }
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
