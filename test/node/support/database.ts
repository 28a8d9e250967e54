// The PostgreSQL server the tests share, and how each test keeps to schemas (or databases) of its
// own. A server that cannot be reached fails the tests that need it, saying how to start it; it
// never skips them. Tests on embedded PGlite need no server.
import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import pg from 'pg';

/** The test database: `DATABASE_URL`, or the local server CI starts. */
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database URL fit for a message: its password masked. */
export function describeUrl(url: string = DATABASE_URL): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? '***' : '';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** A schema (or database) name no other test or run uses, so runs can share the server: `<label>_<pid>_<random>`. */
export function uniqueSchema(label: string): string {
  return `${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** The error for a server that did not answer: what the tests need, and how to give it to them. */
export function unreachable(error: unknown, url: string = DATABASE_URL): Error {
  return new Error(
    `These tests require PostgreSQL, which was not reachable at ${describeUrl(url)} ` +
      `(${error instanceof Error ? error.message || error.name : String(error)}). Start PostgreSQL, or set DATABASE_URL to a ` +
      'database this user may create schemas in, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test',
    { cause: error },
  );
}

/** A pool of at most `max` connections on the test database, once it answered; rejects with `unreachable` otherwise. */
export async function connectPostgres(max = 2): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max, connectionTimeoutMillis: 5000 });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw unreachable(error);
  }
  return pool;
}

/** Drops each schema with everything in it; one already gone is no error. */
export async function dropSchemas(query: (text: string) => Promise<unknown>, schemas: Iterable<string>): Promise<void> {
  for (const schema of schemas) await query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

/** PostgreSQL for one suite: a pool, and the schemas to drop after it. */
export interface SuitePostgres {
  /** Push each schema a test creates here. */
  readonly schemas: string[];
  pool(): pg.Pool;
}

/**
 * Call inside a `describe` (or at a test file's top level): connects before its tests, so they
 * fail saying what is needed when PostgreSQL is down, and drops the schemas they created after them.
 */
export function usePostgres(max = 2): SuitePostgres {
  let pool: pg.Pool | undefined;
  const schemas: string[] = [];
  before(async () => {
    pool = await connectPostgres(max);
  });
  after(async () => {
    if (!pool) return;
    await dropSchemas((text) => pool!.query(text), schemas);
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

/** A database of its own, for code that installs everything in default schemas (as the docs' hosts do). */
export interface ScratchDatabase {
  readonly url: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

/** Runs `work` on a connection to the test server, once it answered; rejects with `unreachable` otherwise. */
async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw unreachable(error);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the test server, named after `label`, for the caller to drop. */
export async function scratchDatabase(label: string): Promise<ScratchDatabase> {
  const name = uniqueSchema(`ops_jobs_docs_${label}`);
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
