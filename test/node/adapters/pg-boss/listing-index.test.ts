// The listing index on pg-boss's job table, on real PostgreSQL and PGlite: its status from the
// catalog, its build per partition, partitions pg-boss attaches later, builds that were interrupted
// or are still running, and pg-boss's plain job table (noTablePartitioning).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PgBoss, fromPglite, type ConstructorOptions } from 'pg-boss';
import { buildListingIndex, createParentIndex, listingIndexSteps, quoteIdentifier } from '../../../../adapters/pg-boss/listing-index-build.ts';
import { LISTING_INDEX_NAME, listingIndexStatus, readListingIndex, type CatalogQuery } from '../../../../adapters/pg-boss/listing-index.ts';
import { connectPostgres, DATABASE_URL } from '../../support/database.ts';
import { uniqueBossSchema } from './targets.ts';
import { waitUntil } from '../../support/wait.ts';

const QUIET: Partial<ConstructorOptions> = { supervise: false, schedule: false, registerInstance: false };

/** Every statement on one client of its own, as `buildListingIndex` needs. */
async function session(pool: pg.Pool): Promise<{ query: CatalogQuery; client: pg.PoolClient }> {
  const client = await pool.connect();
  return { client, query: async (text, values) => (await client.query(text, values)).rows };
}

/**
 * Runs a build that a writer's open transaction holds up until a statement timeout interrupts it,
 * as a cancelled or crashed migrate would: CREATE INDEX CONCURRENTLY leaves an INVALID index behind.
 */
async function interruptBuild(pool: pg.Pool, schema: string, queue: string, query: CatalogQuery, client: pg.PoolClient): Promise<void> {
  const writer = await pool.connect();
  try {
    await writer.query('BEGIN');
    await writer.query(`INSERT INTO ${schema}.job (name, data) VALUES ($1, '{}')`, [queue]);
    await client.query(`SET statement_timeout = '1s'`);
    await assert.rejects(buildListingIndex(query, schema, { concurrently: true }), /statement timeout/);
  } finally {
    await client.query('RESET statement_timeout');
    await writer.query('ROLLBACK');
    writer.release();
  }
}

test('quoteIdentifier doubles embedded quotes and keeps everything else as written', () => {
  assert.equal(quoteIdentifier('job_common'), '"job_common"');
  assert.equal(quoteIdentifier('Odd "name"; DROP'), '"Odd ""name""; DROP"');
});

describe('the listing index on a partitioned job table (PostgreSQL)', { timeout: 120_000 }, () => {
  let pool: pg.Pool;
  let boss: PgBoss;
  const schema = uniqueBossSchema();
  let query: CatalogQuery;
  let client: pg.PoolClient;
  before(async () => {
    pool = await connectPostgres(4);
    boss = new PgBoss({ ...QUIET, connectionString: DATABASE_URL, schema });
    await boss.start();
    await boss.createQueue('shared');
    await boss.createQueue('own', { partition: true });
    await boss.send('shared', { n: 1 });
    await boss.send('own', { n: 2 });
    ({ query, client } = await session(pool));
  });
  after(async () => {
    client?.release();
    await boss?.stop({ graceful: false });
    await pool?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool?.end();
  });

  test('absent at first; the plan creates the parent ON ONLY, then builds and attaches each partition CONCURRENTLY', async () => {
    const report = await readListingIndex(query, schema);
    assert.equal(report.status, 'absent');
    assert.equal(report.jobTable, 'partitioned');
    assert.deepEqual(report.parts.map((part) => part.table).sort(), ['job_common', (await tableOf('own'))].sort());
    const steps = listingIndexSteps(schema, report, { concurrently: true });
    assert.deepEqual(steps.map((step) => step.kind), ['create-parent', 'create', 'attach', 'create', 'attach']);
    assert.match(steps[0]!.sql, new RegExp(`^CREATE INDEX IF NOT EXISTS ${LISTING_INDEX_NAME} ON ONLY ${schema}\\.job \\(name, state, created_on DESC, id DESC\\)$`));
    assert.ok(steps.filter((step) => step.kind === 'create').every((step) => step.sql.startsWith('CREATE INDEX CONCURRENTLY IF NOT EXISTS "')));
    for (const part of report.parts) assert.ok(Buffer.byteLength(part.index) <= 63, part.index);
  });

  test('built: present on every partition; a partition pg-boss attaches afterwards gets its part; a second build runs nothing', async () => {
    const build = await buildListingIndex(query, schema, { concurrently: true });
    assert.equal(build.before.status, 'absent');
    assert.equal(build.after.status, 'present');
    assert.ok(build.after.parts.every((part) => part.attached && part.indexValid));
    assert.equal(await listingIndexStatus(query, schema), 'present');

    await boss.createQueue('later', { partition: true });
    const later = await readListingIndex(query, schema);
    assert.equal(later.status, 'present');
    const laterTable = await tableOf('later');
    const laterPart = later.parts.find((part) => part.table === laterTable);
    assert.ok(laterPart?.attached && laterPart.indexValid);
    assert.equal(later.parts.length, 3);

    const again = await buildListingIndex(query, schema, { concurrently: true });
    assert.deepEqual(again.applied, []);
    // pg-boss keeps working with the index in place: a send and a fetch on the new partition.
    await boss.send('later', { n: 3 });
    assert.equal((await boss.fetch('later'))?.length, 1);
  });

  test('an interrupted build leaves it invalid; the next build drops the leftover CONCURRENTLY and finishes', async () => {
    await pool.query(`DROP INDEX ${schema}.${LISTING_INDEX_NAME}`);
    await pool.query(createParentIndex(schema));
    await interruptBuild(pool, schema, 'shared', query, client);
    const interrupted = await readListingIndex(query, schema);
    assert.equal(interrupted.status, 'invalid');
    const steps = listingIndexSteps(schema, interrupted, { concurrently: true });
    assert.ok(steps.some((step) => step.kind === 'drop-invalid' && /^DROP INDEX CONCURRENTLY IF EXISTS /.test(step.sql)), JSON.stringify(steps));
    assert.ok(!steps.some((step) => step.kind === 'create-parent'), 'the parent is kept');

    const rebuilt = await buildListingIndex(query, schema, { concurrently: true });
    assert.equal(rebuilt.after.status, 'present');
  });

  test('creating the parent gives up after a brief wait for pg-boss\'s writers, leaving nothing behind', async () => {
    await pool.query(`DROP INDEX ${schema}.${LISTING_INDEX_NAME}`);
    const writer = await pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO ${schema}.job (name, data) VALUES ('shared', '{}')`);
      await client.query(`SET statement_timeout = '1s'`);
      // The statement timeout stands in for the 10 s lock timeout, to keep the test short.
      await assert.rejects(buildListingIndex(query, schema, { concurrently: true }), /timeout/);
    } finally {
      await client.query('RESET statement_timeout');
      await writer.query('ROLLBACK');
      writer.release();
    }
    assert.equal(await listingIndexStatus(query, schema), 'absent');
    assert.equal((await buildListingIndex(query, schema, { concurrently: true })).after.status, 'present');
  });

  test('while a build runs it is building, and a second build leaves it alone', async () => {
    await pool.query(`DROP INDEX ${schema}.${LISTING_INDEX_NAME}`);
    // The parent first: creating it waits for pg-boss's writers, as the writer below would make it.
    await pool.query(createParentIndex(schema));
    const writer = await pool.connect();
    const builder = await session(pool);
    let running: Promise<unknown> = Promise.resolve();
    try {
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO ${schema}.job (name, data) VALUES ('shared', '{}')`);
      running = buildListingIndex(builder.query, schema, { concurrently: true });
      await waitUntil(async () => (await listingIndexStatus(query, schema)) === 'building', 'the build to show in pg_stat_progress_create_index');
      const second = await buildListingIndex(query, schema, { concurrently: false }).catch((error: unknown) => error);
      assert.ok(!(second instanceof Error), String(second));
      assert.deepEqual((second as { applied: unknown[] }).applied, [], 'nothing ran beside the running build');
    } finally {
      await writer.query('ROLLBACK');
      writer.release();
      await running.finally(() => builder.client.release());
    }
    assert.equal(await listingIndexStatus(query, schema), 'present');
  });

  async function tableOf(queue: string): Promise<string> {
    const { rows } = await pool.query(`SELECT table_name FROM ${schema}.queue WHERE name = $1`, [queue]);
    return rows[0].table_name;
  }
});

describe('the listing index on a plain job table (noTablePartitioning, PostgreSQL)', { timeout: 120_000 }, () => {
  let pool: pg.Pool;
  let boss: PgBoss;
  const schema = uniqueBossSchema();
  before(async () => {
    pool = await connectPostgres(4);
    // pg-boss turns partitioning off only through a backend profile; this one runs on PostgreSQL too.
    boss = new PgBoss({ ...QUIET, connectionString: DATABASE_URL, schema, backend: 'yugabytedb' });
    await boss.start();
    await boss.createQueue('plain');
  });
  after(async () => {
    await boss?.stop({ graceful: false });
    await pool?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool?.end();
  });

  test('one CREATE INDEX CONCURRENTLY on job; an invalid one is dropped and built again', async () => {
    const { query, client } = await session(pool);
    try {
      const report = await readListingIndex(query, schema);
      assert.equal(report.jobTable, 'plain');
      assert.equal(report.status, 'absent');
      assert.deepEqual(listingIndexSteps(schema, report, { concurrently: true }).map((step) => step.sql), [
        `CREATE INDEX CONCURRENTLY IF NOT EXISTS "${LISTING_INDEX_NAME}" ON ${schema}."job" (name, state, created_on DESC, id DESC)`,
      ]);

      await interruptBuild(pool, schema, 'plain', query, client);
      const interrupted = await readListingIndex(query, schema);
      assert.equal(interrupted.status, 'invalid');
      assert.deepEqual(listingIndexSteps(schema, interrupted, { concurrently: true }).map((step) => step.kind), ['drop-invalid', 'create']);

      const build = await buildListingIndex(query, schema, { concurrently: true });
      assert.equal(build.after.status, 'present');
      assert.deepEqual((await buildListingIndex(query, schema, { concurrently: true })).applied, []);
    } finally {
      client.release();
    }
  });
});

describe('the listing index on PGlite', { timeout: 120_000 }, () => {
  let pglite: PGlite;
  let boss: PgBoss;
  const query: CatalogQuery = async (text, values) => (await pglite.query<any>(text, values)).rows;
  before(async () => {
    pglite = await PGlite.create();
    boss = new PgBoss({ ...QUIET, db: fromPglite(pglite), backend: 'pglite' });
    await boss.start();
    await boss.createQueue('shared');
    await boss.createQueue('own', { partition: true });
  });
  after(async () => {
    await boss?.stop({ graceful: false });
    await pglite?.close();
  });

  test('built without CONCURRENTLY, present, kept on partitions created afterwards', async () => {
    assert.equal(await listingIndexStatus(query, 'pgboss'), 'absent');
    const build = await buildListingIndex(query, 'pgboss', { concurrently: false });
    assert.ok(build.applied.every((step) => !step.sql.includes('CONCURRENTLY')));
    assert.equal(build.after.status, 'present');
    await boss.createQueue('later', { partition: true });
    assert.equal(await listingIndexStatus(query, 'pgboss'), 'present');
    assert.equal((await readListingIndex(query, 'pgboss')).parts.length, 3);
  });

  test('a schema without pg-boss: absent, with no job table and nothing to build', async () => {
    const report = await readListingIndex(query, 'nothing_here');
    assert.deepEqual(report, { status: 'absent', jobTable: null, parent: { exists: false, valid: false }, parts: [] });
    assert.deepEqual(listingIndexSteps('nothing_here', report, { concurrently: false }), []);
  });
});
