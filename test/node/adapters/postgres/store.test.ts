import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OptionsError } from '../../../../core/errors.ts';
import { createPostgresStore } from '../../../../adapters/postgres/index.ts';
import { fromPglite, fromPgPool } from '../../../../adapters/postgres/driver.ts';
import { runMigrations } from '../../../../adapters/postgres/migrate.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../../../adapters/postgres/migrations.ts';
import * as sql from '../../../../adapters/postgres/sql.ts';
import { uniqueSchema } from '../../support/database.ts';
import { pgliteTarget, postgresTarget } from './targets.ts';
import type { Target } from './targets.ts';

const ALL_VERSIONS = MIGRATIONS.map((migration) => migration.version);

test('migrations are numbered 1, 2, 3... with no gaps', () => {
  assert.deepEqual(ALL_VERSIONS, Array.from({ length: MIGRATIONS.length }, (_, index) => index + 1));
  assert.equal(LATEST_VERSION, MIGRATIONS.length);
});

test('the schema option must be a plain SQL identifier', () => {
  const pglite = { query: async () => ({ rows: [] }), transaction: async () => undefined as never };
  for (const schema of ['ops-jobs', 'Ops_Jobs', '1ops', 'ops jobs', 'ops_jobs"; DROP TABLE x; --', '', 'a'.repeat(64), 'pg_ops', 42, null]) {
    assert.throws(
      () => createPostgresStore({ pglite, schema: schema as string }),
      (error: unknown) => error instanceof OptionsError && error.option === 'schema' && /option `schema`/.test(error.message),
      `schema ${JSON.stringify(schema)} should be rejected`,
    );
  }
  assert.equal(createPostgresStore({ pglite }).schema, 'ops_jobs');
  assert.equal(createPostgresStore({ pglite, schema: 'ops_console_2' }).schema, 'ops_console_2');
});

test('the store needs exactly one of pool or pglite', () => {
  const pglite = { query: async () => ({ rows: [] }), transaction: async () => undefined as never };
  const pool = { query: async () => ({ rows: [] }), connect: async () => ({ query: async () => ({ rows: [] }), release() {} }) };
  assert.throws(() => createPostgresStore({} as never), /option `pool` is missing/);
  assert.throws(() => createPostgresStore({ pool, pglite } as never), /were both given/);
  assert.throws(() => createPostgresStore({ pool: {} } as never), /option `pool` must be a `pg` Pool/);
  assert.throws(() => createPostgresStore({ pglite: 'memory://' } as never), /option `pglite` must be a PGlite instance/);
});

function storeSuite(target: Target): void {
  describe(`postgres store on ${target.name}`, () => {
    const schemas: string[] = [];
    const freshSchema = (label: string): string => {
      const schema = uniqueSchema(`ops_jobs_test_${label}`);
      schemas.push(schema);
      return schema;
    };
    const recorded = async (schema: string): Promise<number[]> =>
      (await target.query(`SELECT version FROM "${schema}"."${sql.MIGRATIONS_TABLE}" ORDER BY version`)).rows.map((row) => Number(row.version));

    // Each test awaits the connection itself, so a missing database fails every test with the
    // reason (counted as failures) rather than cancelling them from a hook.
    let started: Promise<void> = Promise.resolve();
    const dbTest = (name: string, body: () => Promise<void>): void => {
      test(name, async () => {
        await started;
        await body();
      });
    };
    before(() => {
      started = target.start();
      started.catch(() => {});
    });
    after(async () => {
      for (const schema of schemas) await target.query(sql.dropSchema(schema).text).catch(() => {});
      await target.stop();
    });

    dbTest('the first run applies every migration and creates the schema', async () => {
      const schema = freshSchema('first');
      const report = await createPostgresStore({ ...target.connection(), schema }).migrate();
      assert.deepEqual(report, { schema, applied: ALL_VERSIONS, version: LATEST_VERSION });
      assert.deepEqual(await recorded(schema), ALL_VERSIONS);
    });

    dbTest('a second run applies nothing and reports the same version', async () => {
      const schema = freshSchema('second');
      const store = createPostgresStore({ ...target.connection(), schema });
      await store.migrate();
      assert.deepEqual(await store.migrate(), { schema, applied: [], version: LATEST_VERSION });
      assert.deepEqual(await recorded(schema), ALL_VERSIONS);
    });

    dbTest('two migrators on two connections at once apply each migration exactly once', async () => {
      const schema = freshSchema('race');
      const stores = [1, 2, 3, 4].map(() => createPostgresStore({ ...target.connection(), schema }));
      const reports = await Promise.all(stores.map((store) => store.migrate()));
      const applied = reports.flatMap((report) => report.applied).sort((a, b) => a - b);
      assert.deepEqual(applied, ALL_VERSIONS);
      assert.equal(reports.filter((report) => report.applied.length > 0).length, 1);
      for (const report of reports) assert.equal(report.version, LATEST_VERSION);
      assert.deepEqual(await recorded(schema), ALL_VERSIONS);
    });

    dbTest('a failing migration rolls the whole run back', async () => {
      const schema = freshSchema('rollback');
      const options = target.connection();
      const driver = 'pool' in options && options.pool ? fromPgPool(options.pool) : fromPglite(options.pglite!);
      const broken = [
        ...MIGRATIONS,
        { version: LATEST_VERSION + 1, name: 'broken', statements: () => [{ text: 'SELECT * FROM no_such_table_anywhere', values: [] }] },
      ];
      await assert.rejects(runMigrations(driver, schema, broken), /no_such_table_anywhere/);
      const { rows } = await target.query('SELECT to_regnamespace($1) IS NOT NULL AS "exists"', [schema]);
      assert.equal(rows[0].exists, false);
      // The connection is usable afterwards, and the good migrations apply on the next run.
      assert.deepEqual((await runMigrations(driver, schema)).applied, ALL_VERSIONS);
    });

    dbTest('a schema migrated by a newer release is left at its version', async () => {
      const schema = freshSchema('newer');
      const store = createPostgresStore({ ...target.connection(), schema });
      await store.migrate();
      await target.query(sql.recordMigration(schema, LATEST_VERSION + 5, 'from the future').text, [LATEST_VERSION + 5, 'from the future']);
      assert.deepEqual(await store.migrate(), { schema, applied: [], version: LATEST_VERSION + 5 });
    });
  });
}

storeSuite(pgliteTarget());
storeSuite(postgresTarget());
