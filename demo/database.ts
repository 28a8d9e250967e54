import { PGlite } from '@electric-sql/pglite';
import { createPostgresStore } from 'ops-jobs/postgres';
import type { OpsStore } from 'ops-jobs';
import pg from 'pg';
import { fromPglite, PgBoss } from 'pg-boss';

/** Where the demo keeps its jobs and the console's tables. */
export interface DemoDatabase {
  /** For the start-up message. */
  readonly description: string;
  /** Not started yet. */
  readonly boss: PgBoss;
  readonly store: OpsStore;
  /** Closes connections; call after `boss.stop()`. */
  close(): Promise<void>;
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/**
 * With `DATABASE_URL`, that PostgreSQL: pg-boss opens its own connections and the console's store
 * uses a `pg` pool. Otherwise one embedded PGlite instance shared by both, in memory, or in
 * `DEMO_PGLITE_DIR` when that is set.
 */
// pg-boss records each queue's activity, for the console's charts, every 30 seconds.
const BOSS_OPTIONS = { instanceName: 'ops-jobs demo', persistQueueStats: true, monitorIntervalSeconds: 30 } as const;

/** `DEMO_SUPERVISE`: `on` (the default) or `off`. */
function supervision(env: NodeJS.ProcessEnv): boolean {
  const value = env.DEMO_SUPERVISE || 'on';
  if (value !== 'on' && value !== 'off') throw new Error(`DEMO_SUPERVISE must be on or off, got ${JSON.stringify(value)}`);
  return value === 'on';
}

export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DemoDatabase> {
  const url = env.DATABASE_URL;
  // `DEMO_SUPERVISE=off`: pg-boss fails no job past its expiry or heartbeat on its own, so a stuck
  // job stays stuck until an operator repairs it (see "Lifeline" in demo/README.md).
  const supervise = supervision(env);
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 5, application_name: 'ops-jobs demo' });
    return {
      description: describeUrl(url),
      boss: new PgBoss({ connectionString: url, application_name: 'ops-jobs demo (pg-boss)', ...BOSS_OPTIONS, supervise }),
      store: createPostgresStore({ pool }),
      close: () => pool.end(),
    };
  }
  const dir = env.DEMO_PGLITE_DIR;
  const pglite = dir ? await PGlite.create(dir) : await PGlite.create();
  return {
    description: dir ? `embedded PGlite in ${dir}` : 'embedded PGlite in memory',
    boss: new PgBoss({ db: fromPglite(pglite), backend: 'pglite', ...BOSS_OPTIONS, supervise }),
    store: createPostgresStore({ pglite }),
    close: () => pglite.close(),
  };
}
