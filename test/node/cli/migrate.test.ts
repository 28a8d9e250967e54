// `ops-jobs migrate` on a PGlite directory and on PostgreSQL: what it applies and reports, that a
// second run applies nothing, and that two runs at once apply everything exactly once.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { after, before, describe, test } from 'node:test';
import { LOCK_FILE } from '../../../cli/migrate/directory-lock.ts';
import { LATEST_VERSION } from '../../../adapters/postgres/migrations.ts';
import { DATABASE_URL, uniqueSchema, usePostgres } from '../support/database.ts';
import { runCli, type CliRun } from './support/run-cli.ts';

const ALL_VERSIONS = Array.from({ length: LATEST_VERSION }, (_, index) => index + 1);

function resultOf(run: CliRun): { schema: string; applied: number[]; version: number; database: string; pgBoss?: any } {
  assert.equal(run.code, 0, `migrate failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Both runs succeeded, and between them applied every migration exactly once. */
function assertOnceBetween(first: CliRun, second: CliRun): void {
  const results = [resultOf(first), resultOf(second)];
  assert.deepEqual(results.flatMap((result) => result.applied).sort(), ALL_VERSIONS);
  assert.ok(results.every((result) => result.version === LATEST_VERSION));
}

describe('migrate on a PGlite directory', { timeout: 120_000 }, () => {
  let workdir: string;
  before(async () => {
    workdir = await mkdtemp(join(tmpdir(), 'ops-jobs-migrate-'));
  });
  after(() => rm(workdir, { recursive: true, force: true }));

  test('applies every migration and says so; a second run applies nothing', async () => {
    const dir = join(workdir, 'once');
    const first = await runCli(['migrate', '--pglite', dir]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /schema ops_jobs on PGlite in/);
    for (const version of ALL_VERSIONS) assert.match(first.stdout, new RegExp(`applied ${version}: `));
    assert.match(first.stdout, new RegExp(`at version ${LATEST_VERSION}`));

    const second = await runCli(['migrate', '--pglite', dir]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /nothing to apply/);

    const db = await PGlite.create(dir);
    try {
      const { rows } = await db.query<{ version: number }>('SELECT version FROM ops_jobs.schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((row) => row.version), ALL_VERSIONS);
    } finally {
      await db.close();
    }
  });

  test('two processes at once take turns on the directory: both succeed, each migration applied once', async () => {
    const dir = join(workdir, 'twice');
    const args = ['migrate', '--pglite', dir, '--schema', 'console', '--json'];
    const [first, second] = await Promise.all([runCli(args), runCli(args)]);
    assertOnceBetween(first, second);
    assert.equal(resultOf(first).schema, 'console');
    assert.equal(existsSync(join(dir, LOCK_FILE)), false, 'the lock is released');
  });
});

describe('migrate on PostgreSQL', { timeout: 120_000 }, () => {
  const postgres = usePostgres();
  const { schemas } = postgres;

  test('applies every migration to a fresh schema; a second run applies nothing; the password is never printed', async () => {
    const schema = uniqueSchema('ops_cli_once');
    schemas.push(schema);
    const first = resultOf(await runCli(['migrate', '--database-url', DATABASE_URL, '--schema', schema, '--json']));
    const { pgBoss, ...store } = first;
    assert.deepEqual(store, { schema, database: first.database, applied: ALL_VERSIONS, version: LATEST_VERSION });
    assert.equal(pgBoss.schema, 'pgboss', 'the listing index is looked for in pg-boss\'s default schema');
    const second = await runCli(['migrate', '--schema', schema], { env: { DATABASE_URL } });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, new RegExp(`schema ${schema} on postgres://`));
    assert.match(second.stdout, /nothing to apply/);
    const { rows } = await postgres.pool().query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    assert.deepEqual(rows.map((row) => row.version), ALL_VERSIONS);

    const url = new URL(DATABASE_URL);
    url.password = 'hunter2-secret';
    url.port = '1';
    const refused = await runCli(['migrate', '--database-url', url.href, '--schema', schema]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /could not migrate .*ECONNREFUSED/);
    assert.match(refused.stderr, /Fix: /);
    assert.doesNotMatch(refused.stderr + refused.stdout, /hunter2/);
  });

  test('two processes at once: both succeed, each migration applied once', async () => {
    const schema = uniqueSchema('ops_cli_twice');
    schemas.push(schema);
    const args = ['migrate', '--database-url', DATABASE_URL, '--schema', schema, '--json'];
    const [first, second] = await Promise.all([runCli(args), runCli(args)]);
    assertOnceBetween(first, second);
  });

  test('a command line it cannot run says what to type instead', async () => {
    const none = await runCli(['migrate'], { env: { DATABASE_URL: '' } });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--database-url postgres:\/\/… \(or DATABASE_URL\), or --pglite <dir>/);
    const both = await runCli(['migrate', '--database-url', DATABASE_URL, '--pglite', '/tmp/x']);
    assert.equal(both.code, 2);
    const badSchema = await runCli(['migrate', '--database-url', DATABASE_URL, '--schema', 'Robert"); DROP']);
    assert.equal(badSchema.code, 2);
    assert.match(badSchema.stderr, /--schema must be a plain SQL identifier/);
  });
});
