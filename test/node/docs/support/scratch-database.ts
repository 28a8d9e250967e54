// A PostgreSQL database of its own for code copied from the docs, which installs pg-boss and the
// console's store in their default schemas. Unreachable PostgreSQL is a failure that says how to
// start it, never a skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ScratchDatabase {
  readonly url: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The docs' host tests require PostgreSQL, which was not reachable at ${SERVER_URL.replace(/:[^:@/]+@/, ':***@')} ` +
        `(${error instanceof Error ? error.message || error.name : String(error)}). Start PostgreSQL, or set DATABASE_URL to a ` +
        'server where this user may create databases, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test',
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database named after `label`. */
export async function scratchDatabase(label: string): Promise<ScratchDatabase> {
  const name = `ops_jobs_docs_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
