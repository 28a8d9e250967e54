// The pg-boss engine describes its deployment from pg-boss's own version table: installed or not,
// at which schema version, and whether ops-jobs supports it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { PgBoss, fromPglite } from 'pg-boss';
import { buildListingIndex, fromPgBoss, isSupportedPgBossVersion, PG_BOSS_SUPPORT } from '../../../../adapters/pg-boss/index.ts';
import { listingIndexOf } from '../../../../adapters/pg-boss/describe.ts';

const installed = JSON.parse(await readFile(new URL('../../../../node_modules/pg-boss/package.json', import.meta.url), 'utf8')) as { version: string; pgboss: { schema: number } };

let pglite: PGlite;
let boss: PgBoss;
before(async () => {
  pglite = await PGlite.create();
  boss = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', supervise: false, schedule: false });
  await boss.start();
});
after(async () => {
  await boss.stop({ graceful: false });
  await pglite.close();
});

test('a started pg-boss: its schema version, supported, with the version the host passed', async () => {
  const description = await fromPgBoss(boss, { version: installed.version }).describe!();
  assert.deepEqual(description, {
    engine: 'pg-boss', version: installed.version, schema: 'pgboss', schemaVersion: installed.pgboss.schema, supported: PG_BOSS_SUPPORT.label, problems: [],
    listingIndex: 'absent',
  });
  assert.ok(installed.pgboss.schema >= PG_BOSS_SUPPORT.minSchemaVersion);
});

test('a schema pg-boss was never installed in: no schema version, and a problem saying how to install it', async () => {
  const description = await fromPgBoss(boss, { schema: 'nothing_here' }).describe!();
  assert.equal(description.schemaVersion, null);
  assert.equal(description.problems.length, 1);
  assert.match(description.problems[0]!.message, /not installed in schema nothing_here/);
  assert.match(description.problems[0]!.fix, /boss\.start\(\)/);
  assert.equal(listingIndexOf(description), null, 'no job table, no index to speak of');
});

test('a pg-boss release other than 12 is a problem; the version is read from its major number', async () => {
  const description = await fromPgBoss(boss, { version: '11.1.2' }).describe!();
  assert.match(description.problems.map((problem) => problem.message).join(), /pg-boss 11\.1\.2; ops-jobs supports pg-boss 12/);
  assert.equal(isSupportedPgBossVersion('12.0.0'), true);
  assert.equal(isSupportedPgBossVersion('v12.38.1'), true);
  assert.equal(isSupportedPgBossVersion('13.0.0'), false);
  assert.equal(isSupportedPgBossVersion('latest'), null);
});

test('describing reads only: nothing is created in a schema that lacks pg-boss', async () => {
  await fromPgBoss(boss, { schema: 'still_nothing' }).describe!();
  const { rows } = await pglite.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'still_nothing'");
  assert.equal(rows.length, 0);
});

test('the listing index on pg-boss\'s job table: absent, then present once built; other engines have none', async () => {
  const engine = fromPgBoss(boss);
  assert.equal(listingIndexOf(await engine.describe!()), 'absent');
  await buildListingIndex(async (text, values) => (await pglite.query<any>(text, values)).rows, 'pgboss', { concurrently: false });
  assert.equal(listingIndexOf(await engine.describe!()), 'present');
  assert.equal(listingIndexOf({ engine: 'bullmq', version: null, schema: null, schemaVersion: null, supported: '', problems: [] }), undefined);
});
