// The PostgreSQL server the command-line tests use. Unreachable is a failure that says how to
// start it, never a skip.
import { randomBytes } from 'node:crypto';
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

/** Drops the schemas a test created. */
export async function dropSchemas(pool: pg.Pool, schemas: readonly string[]): Promise<void> {
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
