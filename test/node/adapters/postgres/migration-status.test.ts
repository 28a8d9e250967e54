// migrationStatus() reads where a schema stands and changes nothing, on PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createPostgresStore } from '../../../../adapters/postgres/index.ts';
import { LATEST_VERSION } from '../../../../adapters/postgres/migrations.ts';
import { uniqueSchema } from '../../support/database.ts';
import { pgliteTarget, postgresTarget, type Target } from './targets.ts';

const ALL = Array.from({ length: LATEST_VERSION }, (_, index) => index + 1);

for (const target of [pgliteTarget(), postgresTarget()] as Target[]) {
  describe(`migrationStatus on ${target.name}`, () => {
    const schemas: string[] = [];
    const started = target.start();
    after(async () => {
      await started.catch(() => {});
      for (const schema of schemas) await target.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
      await target.stop();
    });

    test('a fresh schema has everything pending and is left as it was; a migrated one has nothing pending', async () => {
      await started;
      const schema = uniqueSchema('ops_jobs_test_status');
      schemas.push(schema);
      const store = createPostgresStore({ ...target.connection(), schema });
      assert.deepEqual(await store.migrationStatus(), { schema, version: 0, latest: LATEST_VERSION, pending: ALL });
      const { rows } = await target.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
      assert.equal(rows.length, 0, 'reading the status creates nothing');
      await store.migrate();
      assert.deepEqual(await store.migrationStatus(), { schema, version: LATEST_VERSION, latest: LATEST_VERSION, pending: [] });
    });
  });
}

test('migrationStatus on an unreachable database rejects', async () => {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ host: '127.0.0.1', port: 1, user: 'nobody', connectionTimeoutMillis: 2000 });
  try {
    await assert.rejects(createPostgresStore({ pool }).migrationStatus(), /ECONNREFUSED/);
  } finally {
    await pool.end();
  }
});
