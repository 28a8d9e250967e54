// The scale benchmark's data set: pg-boss jobs in five queues, made through pg-boss's own API once
// per kind of job and then copied in bulk inside PostgreSQL, so that loading a million jobs takes
// seconds of SQL rather than a million round trips through a client.
import pg from 'pg';
import { PgBoss } from 'pg-boss';

/** The benchmark's queues, each holding the same share of the jobs. */
export const SCALE_QUEUES = ['email.send', 'payment.capture', 'report.build', 'image.resize', 'webhook.deliver'] as const;

/** The kinds of job in every queue, with their share of it: 90% completed, 5% failed, 2.5% ready, 2.5% deferred. */
export const JOB_MIX = { completed: 0.9, failed: 0.05, ready: 0.025, deferred: 0.025 } as const;

/** One kind of job in {@link JOB_MIX}. */
export type JobKind = keyof typeof JOB_MIX;

/** What a load left in the database, for the report. */
export interface LoadedData {
  readonly jobs: number;
  /** Whether the data was already there and kept, rather than loaded by this run. */
  readonly reused: boolean;
  /** Seconds spent loading (0 when reused). */
  readonly loadSeconds: number;
  /** pg-boss's cached counts on its queue rows, per queue, after loading. */
  readonly cachedCounts: readonly Readonly<Record<string, number | string>>[];
}

// Jobs are spread over this much past time, every kind over all of it, so a page of one state
// interleaves with the others the way a long-running queue's history does.
const HISTORY_SECONDS = 24 * 60 * 60;
// Far enough ahead that the oldest copy of the deferred template, shifted back by the whole
// history, is still in the future.
const DEFER_SECONDS = 7 * 24 * 60 * 60;
const MARKER_TABLE = 'public.ops_jobs_bench_scale';

/** How many jobs of each kind one queue holds when the whole set is `jobs`. */
export function jobsPerQueue(jobs: number): Readonly<Record<JobKind, number>> {
  const perQueue = jobs / SCALE_QUEUES.length;
  return {
    completed: Math.round(perQueue * JOB_MIX.completed),
    failed: Math.round(perQueue * JOB_MIX.failed),
    ready: Math.round(perQueue * JOB_MIX.ready),
    deferred: Math.round(perQueue * JOB_MIX.deferred),
  };
}

/** Creates database `name` beside the one at `adminUrl` unless it exists; answers its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl, application_name: 'ops-jobs bench (setup)' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Makes the database at `url` hold `jobs` pg-boss jobs ({@link SCALE_QUEUES}, {@link JOB_MIX}) with
 * pg-boss's cached counts current. Keeps what an earlier run loaded when it holds the same number
 * of jobs, unless `reload`.
 */
export async function loadScaleData(url: string, jobs: number, options: { readonly reload: boolean; readonly log: (line: string) => void }): Promise<LoadedData> {
  const client = new pg.Client({ connectionString: url, application_name: 'ops-jobs bench (loader)' });
  await client.connect();
  try {
    if (!options.reload && (await loadedJobs(client)) === jobs) {
      options.log(`bench: reusing the ${jobs.toLocaleString('en-US')} jobs already loaded (--reload loads them again)`);
      return { jobs, reused: true, loadSeconds: 0, cachedCounts: await cachedCounts(client) };
    }
    const started = performance.now();
    await client.query(`DROP TABLE IF EXISTS ${MARKER_TABLE}; DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS ops_jobs CASCADE`);
    const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, application_name: 'ops-jobs bench (loader)' });
    boss.on('error', (error) => options.log(`bench: pg-boss error while loading: ${(error as Error).message}`));
    await boss.start();
    try {
      const counts = jobsPerQueue(jobs);
      const columns = await jobColumns(client);
      // Each statement commits on its own; a crash mid-load is repaired by the next run reloading.
      await client.query('SET synchronous_commit = off');
      for (const queue of SCALE_QUEUES) {
        const templates = await makeTemplates(boss, queue);
        for (const kind of Object.keys(templates) as JobKind[]) await copyTemplate(client, columns, queue, templates[kind], counts[kind] - 1);
        options.log(`bench: loaded queue ${queue} (${Object.values(counts).reduce((sum, count) => sum + count, 0).toLocaleString('en-US')} jobs)`);
      }
      options.log('bench: VACUUM ANALYZE');
      await client.query('VACUUM ANALYZE');
      // One monitor and maintenance pass writes the cached counts the dashboard shows.
      await boss.supervise(undefined, { reindex: false });
    } finally {
      await boss.stop({ graceful: false });
    }
    await client.query(`CREATE TABLE ${MARKER_TABLE} (jobs bigint NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())`);
    await client.query(`INSERT INTO ${MARKER_TABLE} (jobs) VALUES ($1)`, [jobs]);
    return { jobs, reused: false, loadSeconds: (performance.now() - started) / 1000, cachedCounts: await cachedCounts(client) };
  } finally {
    await client.end();
  }
}

async function loadedJobs(client: pg.Client): Promise<number | null> {
  const { rows } = await client.query<{ marker: string | null }>('SELECT to_regclass($1)::text AS marker', [MARKER_TABLE]);
  if (!rows[0]?.marker) return null;
  const { rows: loads } = await client.query<{ jobs: string }>(`SELECT jobs FROM ${MARKER_TABLE} ORDER BY loaded_at DESC LIMIT 1`);
  return loads[0] ? Number(loads[0].jobs) : null;
}

/** One job of each kind in `queue`, made the way an application would: sent, fetched, finished. */
async function makeTemplates(boss: PgBoss, queue: string): Promise<Record<JobKind, string>> {
  await boss.createQueue(queue);
  const payload = (n: number) => ({ customerId: `cus_${1000 + n}`, orderNumber: `A-${20000 + n}`, template: 'receipt', attempt: { source: 'bench' } });
  const completed = await boss.send(queue, payload(1));
  const failed = await boss.send(queue, payload(2), { retryLimit: 0 });
  if (!completed || !failed) throw new Error(`pg-boss did not create the template jobs of ${queue}`);
  const fetched = await boss.fetch(queue, { batchSize: 2 });
  if (fetched.length !== 2) throw new Error(`fetched ${fetched.length} of the 2 template jobs of ${queue}`);
  await boss.complete(queue, completed, { delivered: true, provider: 'bench' });
  await boss.fail(queue, failed, new Error('Upstream answered 503 Service Unavailable'));
  // Sent after the fetch, so that it could not take them.
  const ready = await boss.send(queue, payload(3));
  const deferred = await boss.send(queue, payload(4), { startAfter: DEFER_SECONDS });
  if (!ready || !deferred) throw new Error(`pg-boss did not create the waiting template jobs of ${queue}`);
  return { completed, failed, ready, deferred };
}

interface JobColumn {
  readonly column_name: string;
  readonly data_type: string;
}

/** The columns of pgboss.job that an INSERT may set, read from the schema so any pg-boss 12 fits. */
async function jobColumns(client: pg.Client): Promise<readonly JobColumn[]> {
  const { rows } = await client.query<JobColumn>(
    `SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'pgboss' AND table_name = 'job' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  return rows;
}

/**
 * Inserts `copies` copies of job `id`, each with a new id and every timestamp shifted back by the
 * same amount, spread evenly over {@link HISTORY_SECONDS}.
 */
async function copyTemplate(client: pg.Client, jobColumns: readonly JobColumn[], queue: string, id: string, copies: number): Promise<void> {
  if (copies <= 0) return;
  const shift = `make_interval(secs => g * ${HISTORY_SECONDS}.0 / ${copies})`;
  const columns = jobColumns.map((row) => pg.escapeIdentifier(row.column_name));
  const values = jobColumns.map((row) => {
    const column = `t.${pg.escapeIdentifier(row.column_name)}`;
    if (row.column_name === 'id') return 'gen_random_uuid()';
    return row.data_type === 'timestamp with time zone' ? `${column} - ${shift}` : column;
  });
  await client.query(
    `INSERT INTO pgboss.job (${columns.join(', ')})
     SELECT ${values.join(', ')} FROM pgboss.job t CROSS JOIN generate_series(1, $3::int) AS g
      WHERE t.name = $1 AND t.id = $2::uuid`,
    [queue, id, copies],
  );
}

async function cachedCounts(client: pg.Client): Promise<Readonly<Record<string, number | string>>[]> {
  const { rows } = await client.query<Record<string, number | string>>(
    `SELECT name, deferred_count AS deferred, queued_count AS queued, active_count AS active, failed_count AS failed,
            total_count AS total, to_char(monitor_on AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS monitor_on
       FROM pgboss.queue WHERE name = ANY($1::text[]) ORDER BY name`,
    [SCALE_QUEUES],
  );
  return rows;
}
