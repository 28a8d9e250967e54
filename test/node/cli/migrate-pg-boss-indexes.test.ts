// `ops-jobs migrate` and the listing index on pg-boss's job table, on PostgreSQL and on a PGlite
// directory: shown and left alone without --pg-boss-indexes, built with it (per partition,
// CONCURRENTLY on PostgreSQL), kept on partitions pg-boss adds later, rebuilt when an interrupted
// build left it invalid, and reported as present on every run after.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { after, before, describe, test } from 'node:test';
import type pg from 'pg';
import { PgBoss, fromPglite, type ConstructorOptions } from 'pg-boss';
import { createIndex, createParentIndex } from '../../../adapters/pg-boss/listing-index-build.ts';
import { LISTING_INDEX_NAME, readListingIndex, type CatalogQuery } from '../../../adapters/pg-boss/listing-index.ts';
import { DATABASE_URL, uniqueSchema, usePostgres } from '../support/database.ts';
import { runCli, type CliRun } from './support/run-cli.ts';
import { waitUntil } from '../support/wait.ts';

const QUIET: Partial<ConstructorOptions> = { supervise: false, schedule: false, registerInstance: false };

function jsonOf(run: CliRun): any {
  assert.equal(run.code, 0, `migrate failed: ${run.stderr}\n${run.stdout}`);
  return JSON.parse(run.stdout);
}

/** Resolves once the backend `pid` no longer reports an index build in progress. */
async function untilBuildEnded(pool: pg.Pool, pid: number): Promise<void> {
  await waitUntil(async () => !(await pool.query('SELECT 1 FROM pg_stat_progress_create_index WHERE pid = $1', [pid])).rowCount,
    `backend ${pid} to stop reporting an index build`, { timeoutMs: 5000, intervalMs: 20 });
}

describe('migrate and the listing index on PostgreSQL', { timeout: 180_000 }, () => {
  const postgres = usePostgres();
  const store = uniqueSchema('ops_cli_store');
  const bossSchema = uniqueSchema('ops_cli_boss');
  let boss: PgBoss;
  const query: CatalogQuery = async (text, values) => (await postgres.pool().query(text, values)).rows;
  const migrate = (...args: string[]) => runCli(['migrate', '--database-url', DATABASE_URL, '--schema', store, '--pg-boss-schema', bossSchema, ...args]);

  before(async () => {
    postgres.schemas.push(store, bossSchema);
    boss = new PgBoss({ ...QUIET, connectionString: DATABASE_URL, schema: bossSchema });
    await boss.start();
    await boss.createQueue('shared');
    await boss.createQueue('own', { partition: true });
    await boss.send('shared', {});
  });
  after(() => boss?.stop({ graceful: false }));

  test('without --pg-boss-indexes: the statements, what the index serves and costs, how to apply; nothing changes', async () => {
    const run = await migrate();
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`pg-boss listing index ${LISTING_INDEX_NAME} on ${bossSchema}\\.job: absent, not applied`));
    assert.match(run.stdout, /It serves listings of a queue's jobs filtered by state, and previews of bulk actions by state\. Without it, each of those reads at most \d+ /);
    assert.match(run.stdout, /Its cost: one more index pg-boss keeps up to date on every job insert and state change/);
    assert.match(run.stdout, new RegExp(`^ {4}CREATE INDEX IF NOT EXISTS ${LISTING_INDEX_NAME} ON ONLY ${bossSchema}\\.job \\(name, state, created_on DESC, id DESC\\);$`, 'm'));
    assert.match(run.stdout, /^ {4}CREATE INDEX CONCURRENTLY IF NOT EXISTS "job_common_ops_jobs_listing" ON .*"job_common" .*;$/m);
    assert.match(run.stdout, /^ {4}ALTER INDEX .* ATTACH PARTITION .*;$/m);
    assert.match(run.stdout, /To apply them: run this command again with --pg-boss-indexes\./);
    assert.equal((await readListingIndex(query, bossSchema)).status, 'absent');

    const json = jsonOf(await migrate('--json')).pgBoss;
    assert.equal(json.installed, true);
    assert.equal(json.listingIndex.status, 'absent');
    assert.equal(json.listingIndex.jobTable, 'partitioned');
    assert.equal(json.listingIndex.pending.length, 5, 'the parent, then a build and an attach per partition');
    assert.deepEqual(json.listingIndex.applied, []);
    assert.match(json.listingIndex.cost, /every job insert/);
    assert.equal((await readListingIndex(query, bossSchema)).status, 'absent');
  });

  test('with --pg-boss-indexes: built CONCURRENTLY partition by partition, progress as it goes; later partitions get it; a re-run says present', async () => {
    const run = await migrate('--pg-boss-indexes', '--json');
    const index = jsonOf(run).pgBoss.listingIndex;
    assert.equal(index.before, 'absent');
    assert.equal(index.status, 'present');
    assert.deepEqual(index.applied.map((step: any) => step.kind), ['create-parent', 'create', 'attach', 'create', 'attach']);
    assert.ok(index.applied.filter((step: any) => step.kind === 'create').every((step: any) => step.sql.includes('CONCURRENTLY')));
    assert.deepEqual(index.pending, []);
    assert.match(run.stderr, /^ {2}built on job_common in \d+ ms$/m, 'progress goes to stderr beside --json');
    assert.equal((await readListingIndex(query, bossSchema)).status, 'present');

    await boss.createQueue('later', { partition: true });
    const later = await readListingIndex(query, bossSchema);
    assert.equal(later.status, 'present');
    assert.equal(later.parts.length, 3);

    const again = await migrate('--pg-boss-indexes');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`pg-boss listing index ${LISTING_INDEX_NAME} on ${bossSchema}\\.job: present$`, 'm'));
    assert.doesNotMatch(again.stdout, /built on/);
  });

  test('an interrupted build: reported invalid with the DROP it would run; rebuilt only with the flag', async () => {
    const pool = postgres.pool();
    await pool.query(`DROP INDEX ${bossSchema}.${LISTING_INDEX_NAME}`);
    await pool.query(createParentIndex(bossSchema));
    // A writer's open transaction holds CREATE INDEX CONCURRENTLY up; the statement timeout then
    // interrupts it, as a cancelled migrate would, and leaves an INVALID index behind.
    const writer = await pool.connect();
    const builder = await pool.connect();
    let pid = 0;
    try {
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO ${bossSchema}.job (name, data) VALUES ('shared', '{}')`);
      await builder.query(`SET statement_timeout = '1s'`);
      pid = (await builder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      await assert.rejects(builder.query(createIndex(bossSchema, 'job_common', 'job_common_ops_jobs_listing', { concurrently: true })), /statement timeout/);
    } finally {
      await writer.query('ROLLBACK');
      writer.release();
      builder.release(true);
    }
    // Under load the server may still report the interrupted build for a moment after the error.
    await untilBuildEnded(pool, pid);
    assert.equal((await readListingIndex(query, bossSchema)).status, 'invalid');

    const shown = await migrate();
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /: invalid \(an interrupted build left it unusable; --pg-boss-indexes drops what is left and builds it again\), not applied/);
    assert.match(shown.stdout, /^ {4}DROP INDEX CONCURRENTLY IF EXISTS .*"job_common_ops_jobs_listing";$/m);
    assert.equal((await readListingIndex(query, bossSchema)).status, 'invalid');

    const fixed = await migrate('--pg-boss-indexes');
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(fixed.stdout, /^ {2}dropped the invalid leftover on job_common in \d+ ms$/m);
    assert.match(fixed.stdout, /: was invalid, now present$/m);
    assert.equal((await readListingIndex(query, bossSchema)).status, 'present');
  });

  test('a plain job table (pg-boss without partitioning): one CREATE INDEX CONCURRENTLY', async () => {
    const plainSchema = uniqueSchema('ops_cli_plain');
    postgres.schemas.push(plainSchema);
    // pg-boss turns partitioning off only through a backend profile; this one runs on PostgreSQL too.
    const plain = new PgBoss({ ...QUIET, connectionString: DATABASE_URL, schema: plainSchema, backend: 'yugabytedb' });
    await plain.start();
    await plain.stop({ graceful: false });
    const index = jsonOf(await runCli(['migrate', '--database-url', DATABASE_URL, '--schema', store, '--pg-boss-schema', plainSchema, '--pg-boss-indexes', '--json'])).pgBoss.listingIndex;
    assert.equal(index.jobTable, 'plain');
    assert.equal(index.status, 'present');
    assert.deepEqual(index.applied.map((step: any) => step.sql), [`CREATE INDEX CONCURRENTLY IF NOT EXISTS "${LISTING_INDEX_NAME}" ON ${plainSchema}."job" (name, state, created_on DESC, id DESC)`]);
  });

  test('a schema without pg-boss: said so, and --pg-boss-indexes fails saying how to name the right one', async () => {
    const missing = uniqueSchema('ops_cli_noboss');
    const run = await runCli(['migrate', '--database-url', DATABASE_URL, '--schema', store, '--pg-boss-schema', missing]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`pg-boss is not installed in schema ${missing} of this database`));
    const asked = await runCli(['migrate', '--database-url', DATABASE_URL, '--schema', store, '--pg-boss-schema', missing, '--pg-boss-indexes']);
    assert.equal(asked.code, 1);
    assert.match(asked.stderr, /Fix: pass --pg-boss-schema/);
    const bad = await runCli(['migrate', '--database-url', DATABASE_URL, '--pg-boss-schema', 'x; DROP']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--pg-boss-schema must be the schema pg-boss was started with/);
  });
});

describe('migrate and the listing index on a PGlite directory', { timeout: 180_000 }, () => {
  let workdir: string;
  before(async () => {
    workdir = await mkdtemp(join(tmpdir(), 'ops-jobs-migrate-index-'));
  });
  after(() => rm(workdir, { recursive: true, force: true }));

  test('built without CONCURRENTLY (one connection, nothing else writing), then present', async () => {
    const dir = join(workdir, 'app');
    const pglite = await PGlite.create(dir);
    const boss = new PgBoss({ ...QUIET, db: fromPglite(pglite), backend: 'pglite' });
    await boss.start();
    await boss.createQueue('own', { partition: true });
    await boss.stop({ graceful: false });
    await pglite.close();

    const shown = await runCli(['migrate', '--pglite', dir]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /pgboss\.job: absent, not applied/);
    assert.doesNotMatch(shown.stdout, /CONCURRENTLY/);

    const index = jsonOf(await runCli(['migrate', '--pglite', dir, '--pg-boss-indexes', '--json'])).pgBoss.listingIndex;
    assert.equal(index.status, 'present');
    assert.ok(index.applied.length > 0 && index.applied.every((step: any) => !step.sql.includes('CONCURRENTLY')));
    const again = await runCli(['migrate', '--pglite', dir, '--pg-boss-indexes']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /pgboss\.job: present$/m);
  });
});
