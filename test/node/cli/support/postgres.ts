// The PostgreSQL server the command-line tests use. Unreachable is a failure that says how to
// start it, never a skip.
import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import pg from 'pg';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other run uses. */
export function uniqueSchema(label: string): string {
  return `ops_cli_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A small pool on DATABASE_URL, once it answered; throws saying what is needed otherwise. */
export async function connectPostgres(): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2, connectionTimeoutMillis: 5000 });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(
      `The command-line tests require PostgreSQL, which was not reachable at ${DATABASE_URL.replace(/:[^:@/]+@/, ':***@')} ` +
        `(${error instanceof Error ? error.message || error.name : String(error)}). Start PostgreSQL, or set DATABASE_URL to a ` +
        'database this user may create schemas in, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test',
      { cause: error },
    );
  }
  return pool;
}

/** PostgreSQL for one suite: its schemas, dropped after it. */
export interface SuitePostgres {
  /** Push each schema a test creates here. */
  readonly schemas: string[];
  pool(): pg.Pool;
}

/**
 * Call inside a `describe`: connects before its tests (so they fail saying what is needed when
 * PostgreSQL is down) and drops the schemas they created after them.
 */
export function usePostgres(): SuitePostgres {
  let pool: pg.Pool | undefined;
  const schemas: string[] = [];
  before(async () => {
    pool = await connectPostgres();
  });
  after(async () => {
    if (!pool) return;
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  return {
    schemas,
    pool() {
      if (!pool) throw new Error('PostgreSQL used before the suite connected');
      return pool;
    },
  };
}
