// Database work as PostgreSQL itself counts it, for one database, read from another connection.
import pg from 'pg';

/** Cumulative counters of one database from `pg_stat_database`. */
export interface DatabaseCounters {
  readonly at: number;
  /** Committed plus rolled back transactions. */
  readonly transactions: number;
  /** Rows returned by sequential scans plus rows fetched by index scans. */
  readonly rowsRead: number;
  /** Shared buffer hits plus blocks read. */
  readonly blocks: number;
  /** Milliseconds spent running statements (`active_time`). */
  readonly activeMs: number;
}

/** Per-second rates between two readings. */
export interface DatabaseRates {
  readonly transactionsPerSecond: number;
  readonly rowsReadPerSecond: number;
  readonly blocksPerSecond: number;
}

/** A database of the bench's own, created for the run and dropped after it. */
export interface BenchDatabase {
  /** The URL the demo connects to. */
  readonly url: string;
  /** Whether the bench created it (and will drop it) or shares the given database. */
  readonly ownDatabase: boolean;
  read(): Promise<DatabaseCounters>;
  /** Drops the database if the bench created it, and closes the monitoring connection. */
  close(): Promise<void>;
}

/**
 * Creates `name` next to the database at `adminUrl` (dropping a leftover one first) and watches
 * it from a connection to the admin database, so the watching is not counted. Without the right
 * to create databases it watches the admin database itself, whose counters then include whatever
 * else runs there.
 */
export async function openBenchDatabase(adminUrl: string, name: string): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: adminUrl, application_name: 'ops-jobs bench (monitor)' });
  await admin.connect();
  let url = adminUrl;
  let ownDatabase = false;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    ownDatabase = true;
  } catch (error) {
    console.warn(`bench: could not create database ${name} (${(error as Error).message}); measuring the given database instead`);
  }
  const watched = ownDatabase ? name : decodeURIComponent(new URL(adminUrl).pathname.slice(1));
  return {
    url,
    ownDatabase,
    read: () => readCounters(admin, watched),
    async close() {
      try {
        if (ownDatabase) await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** Readings of one database's counters, taken from a connection to another database. */
export interface DatabaseWatch {
  read(): Promise<DatabaseCounters>;
  close(): Promise<void>;
}

/**
 * Watches database `name` (which must exist) from a connection to the database at `adminUrl`, so
 * the watching is not counted in its counters.
 */
export async function watchDatabase(adminUrl: string, name: string): Promise<DatabaseWatch> {
  const admin = new pg.Client({ connectionString: adminUrl, application_name: 'ops-jobs bench (monitor)' });
  await admin.connect();
  return { read: () => readCounters(admin, name), close: () => admin.end() };
}

async function readCounters(admin: pg.Client, datname: string): Promise<DatabaseCounters> {
  const { rows } = await admin.query<{ transactions: string; rows_read: string; blocks: string; active_ms: number }>(
    `SELECT xact_commit + xact_rollback AS transactions, tup_returned + tup_fetched AS rows_read, blks_hit + blks_read AS blocks,
            active_time AS active_ms
       FROM pg_stat_database WHERE datname = $1`,
    [datname],
  );
  const row = rows[0];
  if (!row) throw new Error(`pg_stat_database has no row for ${datname}`);
  return {
    at: performance.now(),
    transactions: Number(row.transactions),
    rowsRead: Number(row.rows_read),
    blocks: Number(row.blocks),
    activeMs: Number(row.active_ms),
  };
}

/** The rates between two readings of the same database. */
export function ratesBetween(start: DatabaseCounters, end: DatabaseCounters): DatabaseRates {
  const seconds = (end.at - start.at) / 1000;
  return {
    transactionsPerSecond: (end.transactions - start.transactions) / seconds,
    rowsReadPerSecond: (end.rowsRead - start.rowsRead) / seconds,
    blocksPerSecond: (end.blocks - start.blocks) / seconds,
  };
}
