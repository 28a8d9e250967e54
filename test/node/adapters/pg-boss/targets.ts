// The two databases the pg-boss engine suite runs on: embedded PGlite through pg-boss's own
// fromPglite, and a real PostgreSQL server through pg. Each run installs pg-boss in a schema of its
// own, so runs can share a database.
import { PGlite } from '@electric-sql/pglite';
import { PgBoss, fromPglite } from 'pg-boss';
import type { ConstructorOptions } from 'pg-boss';
import type { SqlExecutor } from '../../../../core/contracts/sql.ts';
import { connectPostgres, DATABASE_URL, uniqueSchema } from '../../support/database.ts';

/** A started pg-boss on one database, with direct SQL beside it for checks. */
export interface BossRun {
  readonly boss: PgBoss;
  readonly schema: string;
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  /**
   * Runs `work` in a transaction on a connection of its own, wrapped as the console's store hands
   * it to an engine, then commits or rolls back.
   */
  transaction<T>(end: 'commit' | 'rollback', work: (db: SqlExecutor) => Promise<T>): Promise<T>;
  /** Another started pg-boss on the same database and schema, as another process would run; stopped with the run. */
  sibling(): Promise<PgBoss>;
  stop(): Promise<void>;
}

export interface BossTarget {
  readonly name: string;
  /** Installs and starts pg-boss, or throws saying what is needed. */
  start(): Promise<BossRun>;
}

/** A pg-boss schema name no other run uses. */
export function uniqueBossSchema(): string {
  return uniqueSchema('pgboss_test');
}

// No background passes: the suite seeds every state itself and must not race maintenance.
const QUIET: Partial<ConstructorOptions> = { supervise: false, schedule: false, registerInstance: false };

function watchErrors(boss: PgBoss): PgBoss {
  boss.on('error', (error) => console.error('pg-boss error during the suite:', error));
  return boss;
}

export const pgliteTarget: BossTarget = {
  name: 'PGlite',
  async start() {
    const pglite = await PGlite.create();
    const schema = uniqueBossSchema();
    const boss = watchErrors(new PgBoss({ ...QUIET, db: fromPglite(pglite), backend: 'pglite', schema }));
    try {
      await boss.start();
    } catch (error) {
      await pglite.close().catch(() => {});
      throw error;
    }
    const siblings: PgBoss[] = [];
    return {
      boss,
      schema,
      query: (text, values) => pglite.query(text, values),
      transaction: (end, work) =>
        pglite.transaction(async (tx) => {
          const result = await work({ executeSql: (text, values) => tx.query(text, values) });
          if (end === 'rollback') await tx.rollback();
          return result;
        }),
      async sibling() {
        const other = watchErrors(new PgBoss({ ...QUIET, db: fromPglite(pglite), backend: 'pglite', schema }));
        await other.start();
        siblings.push(other);
        return other;
      },
      async stop() {
        for (const other of siblings) await other.stop({ graceful: false });
        await boss.stop({ graceful: false });
        await pglite.close();
      },
    };
  },
};

export const postgresTarget: BossTarget = {
  name: 'PostgreSQL',
  async start() {
    // One connection for checks, one for a transaction under test, one to probe its locks.
    const admin = await connectPostgres(3);
    const schema = uniqueBossSchema();
    const boss = watchErrors(new PgBoss({ ...QUIET, connectionString: DATABASE_URL, schema, max: 2 }));
    try {
      await boss.start();
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => {});
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
      await admin.end().catch(() => {});
      throw error;
    }
    const siblings: PgBoss[] = [];
    return {
      boss,
      schema,
      query: (text, values) => admin.query(text, values),
      async transaction(end, work) {
        const client = await admin.connect();
        try {
          await client.query('BEGIN');
          const result = await work({ executeSql: (text, values) => client.query(text, values) });
          await client.query(end === 'commit' ? 'COMMIT' : 'ROLLBACK');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      },
      async sibling() {
        const other = watchErrors(new PgBoss({ ...QUIET, connectionString: DATABASE_URL, schema, max: 2 }));
        await other.start();
        siblings.push(other);
        return other;
      },
      async stop() {
        for (const other of siblings) await other.stop({ graceful: false });
        await boss.stop({ graceful: false });
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      },
    };
  },
};

/**
 * One started pg-boss on `target` for every suite of a test file that asks for it: `start()` gives
 * each the same run (started on the first call), whose `stop()` does nothing; `stopShared()` stops
 * it, from the file's own `after`. Each suite keeps to queues of its own.
 */
export function sharedTarget(target: BossTarget): BossTarget & { stopShared(): Promise<void> } {
  let started: Promise<BossRun> | undefined;
  return {
    name: target.name,
    start() {
      started ??= target.start();
      return started.then((run) => ({ ...run, stop: async () => {} }));
    },
    async stopShared() {
      const run = await started?.catch(() => undefined);
      await run?.stop();
    },
  };
}
