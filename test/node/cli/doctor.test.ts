// `ops-jobs doctor` against config fixtures on real PGlite and PostgreSQL: each check's finding,
// the exit code, the fix it states, and the table of who may do what.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { createIndex, createParentIndex } from '../../../adapters/pg-boss/listing-index-build.ts';
import { LISTING_SCAN_LIMIT, listingIndexStatus } from '../../../adapters/pg-boss/listing-index.ts';
import { DATABASE_URL, uniqueSchema, usePostgres } from '../support/database.ts';
import { reportOf, root, runCli, type CliRun } from './support/run-cli.ts';
import { waitUntil } from '../support/wait.ts';

const CONFIG = `${root}test/node/cli/fixtures/host-config.ts`;

function doctor(env: Record<string, string> = {}, args: readonly string[] = ['--json']): Promise<CliRun> {
  return runCli(['doctor', '--config', CONFIG, ...args], { env: { NODE_ENV: 'production', ...env } });
}

function finding(run: CliRun, id: string) {
  const found = reportOf(run).findings.find((entry) => entry.id === id);
  assert.ok(found, `no finding ${id} in ${run.stdout}`);
  return found;
}

function severities(run: CliRun): Record<string, string> {
  return Object.fromEntries(reportOf(run).findings.map((entry) => [entry.id, entry.severity]));
}

describe('doctor', { timeout: 180_000 }, () => {
  const postgres = usePostgres();
  const { schemas } = postgres;

  test('a clean deployment in production: every check passes, exit 0, and the roles table in --json', async () => {
    const run = await doctor();
    const report = reportOf(run);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(report.findings.filter((entry) => entry.severity !== 'ok'), []);
    for (const id of ['config', 'options', 'auth.starter', 'auth.anonymous', 'display.policy', 'display.secrets', 'store.migrated', 'engine.supported', 'engine.listing-index', 'permissions.roles', 'permissions.read-only']) {
      assert.equal(severities(run)[id], 'ok', id);
    }
    assert.match(finding(run, 'engine.supported').title, /pg-boss 12\.\d+\.\d+ \(installed\), schema version \d+/);
    assert.equal(finding(run, 'thresholds').title, 'Workers are late after 2 missed heartbeats and missing after 5; the diagnosis runs every 30 s');
    assert.match(finding(run, 'thresholds').detail, /waited 300 s \(critical at 1200 s\); failures are compared over windows of 300 s/);
    assert.match(finding(run, 'thresholds').detail, /No escalation hook \(onIncident, onRepair\) is set/);
    assert.deepEqual(report.summary, { errors: 0, warnings: 0, ok: report.findings.length });
    assert.equal(report.exitCode, 0);

    const { roles, rows } = report.permissions;
    assert.deepEqual(roles, ['viewer', 'operator', 'admin']);
    assert.equal(rows.length, 32, 'eight actions once, twelve operator actions (on jobs, queues and schedules) in both phases');
    const cell = (action: string, phase: string | null, role: string) => rows.find((row: any) => row.action === action && row.phase === phase).decisions[role].allow;
    assert.equal(cell('queues.view', null, 'viewer'), true);
    assert.equal(cell('job.retry', 'preview', 'viewer'), false);
    assert.equal(cell('job.retry', 'execute', 'operator'), true);
    assert.equal(cell('job.delete', 'execute', 'operator'), false);
    assert.equal(cell('audit.export', null, 'admin'), true);
  });

  test('human output: each finding, the table of who may do what, and a summary', async () => {
    const run = await doctor({ NODE_ENV: 'development' }, []);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /^ops-jobs doctor: .*host-config\.ts$/m);
    assert.match(run.stdout, /^ {2}ok +store\.migrated +The store answers/m);
    assert.match(run.stdout, /^ {2}action +viewer +operator +admin$/m);
    assert.match(run.stdout, /^ {2}job\.retry \(preview\) +no +yes +yes$/m);
    assert.match(run.stdout, /Not checked: the console through your proxy/);
    assert.match(run.stdout, /0 errors, 0 warnings, \d+ passed\./);
  });

  test('starter seams with NODE_ENV=production: errors, exit 2; outside production: warnings, exit 1', async () => {
    const production = await doctor({ FIXTURE_SEAMS: 'starter' });
    assert.equal(production.code, 2);
    for (const id of ['auth.starter', 'display.starter']) {
      assert.equal(finding(production, id).severity, 'error');
      assert.match(finding(production, id).fix ?? '', /delete its `starter: true` line/);
    }
    const development = await doctor({ FIXTURE_SEAMS: 'starter', NODE_ENV: 'development' });
    assert.equal(development.code, 1);
    assert.equal(finding(development, 'auth.starter').severity, 'warning');
  });

  test('showEverything() in production: an error, and the secrets it would show', async () => {
    const run = await doctor({ FIXTURE_SEAMS: 'show-everything' });
    assert.equal(run.code, 2);
    const everything = finding(run, 'display.shows-everything');
    assert.equal(everything.severity, 'error');
    assert.match(everything.fix ?? '', /hideKeysMatching/);
    assert.equal(finding(run, 'display.secrets').severity, 'error');
    assert.match(finding(run, 'display.secrets').detail, /admin: password, apiKey/);
  });

  test('an unmigrated store: an error naming the migrate command; after it, the store passes', async () => {
    const schema = uniqueSchema('ops_cli_doctor');
    schemas.push(schema);
    const env = { FIXTURE_STORE: 'postgres', FIXTURE_DATABASE_URL: DATABASE_URL, FIXTURE_SCHEMA: schema };
    const before = await doctor(env);
    assert.equal(before.code, 2);
    const unmigrated = finding(before, 'store.unmigrated');
    assert.equal(unmigrated.severity, 'error');
    assert.match(unmigrated.title, /lacks migrations 1, 2/);
    assert.match(unmigrated.fix ?? '', new RegExp(`npx ops-jobs migrate --database-url .* --schema ${schema}`));

    assert.equal((await runCli(['migrate', '--database-url', DATABASE_URL, '--schema', schema])).code, 0);
    const afterwards = await doctor(env);
    assert.equal(finding(afterwards, 'store.migrated').severity, 'ok');
    // The store's tables by the catalog's estimate, so their growth is visible.
    const sizes = finding(afterwards, 'store.sizes');
    for (const table of ['audit_events', 'action_previews', 'idempotency_receipts']) assert.match(sizes.detail, new RegExp(`${table}: .*MiB`));
    assert.equal(afterwards.code, 0, afterwards.stdout);
  });

  test('an unreachable store, and an unreachable engine: errors saying what to check', async () => {
    const store = await doctor({ FIXTURE_STORE: 'unreachable' });
    assert.equal(store.code, 2);
    const unreachable = finding(store, 'store.unreachable');
    assert.match(unreachable.detail, /ECONNREFUSED/);
    assert.match(unreachable.fix ?? '', /connection/);
    const engine = await doctor({ FIXTURE_ENGINE: 'unreachable' });
    assert.equal(engine.code, 2);
    assert.match(finding(engine, 'engine.unreachable').detail, /ECONNREFUSED/);
  });

  test('an engine that is not installed, or not a supported version: errors with the fix', async () => {
    const bossSchema = uniqueSchema('ops_cli_noboss');
    const missing = await doctor({ FIXTURE_ENGINE: 'uninstalled', FIXTURE_DATABASE_URL: DATABASE_URL, FIXTURE_BOSS_SCHEMA: bossSchema });
    assert.equal(missing.code, 2);
    const notInstalled = finding(missing, 'engine.unsupported');
    assert.match(notInstalled.title, new RegExp(`pg-boss is not installed in schema ${bossSchema}`));
    assert.match(notInstalled.fix ?? '', /boss\.start\(\)/);

    const old = await doctor({ FIXTURE_PGBOSS_VERSION: '11.1.2' });
    assert.equal(old.code, 2);
    assert.match(finding(old, 'engine.unsupported').title, /pg-boss 11\.1\.2; ops-jobs supports pg-boss 12/);
  });

  test('the listing index on pg-boss\'s job table: absent or invalid, a warning naming what degrades and the migrate command', async () => {
    const absent = await doctor({ FIXTURE_LISTING_INDEX: 'absent' });
    assert.equal(absent.code, 1, absent.stdout);
    const missing = finding(absent, 'engine.listing-index-absent');
    assert.equal(missing.severity, 'warning');
    assert.match(missing.title, /ops_jobs_job_listing is not on pgboss\.job/);
    assert.ok(missing.detail.includes(`listings of a queue's jobs filtered by state and previews of bulk actions by state read at most ${LISTING_SCAN_LIMIT.toLocaleString('en-US')} of the queue's jobs per request, then stop and say so`), missing.detail);
    assert.match(missing.fix ?? '', /npx ops-jobs migrate --database-url .* --pg-boss-schema pgboss/);
    assert.match(missing.fix ?? '', /--pg-boss-indexes/);

    const invalid = await doctor({ FIXTURE_LISTING_INDEX: 'invalid' });
    assert.equal(invalid.code, 1, invalid.stdout);
    assert.match(finding(invalid, 'engine.listing-index-invalid').detail, /An interrupted build left it unusable/);
    assert.match(finding(invalid, 'engine.listing-index-invalid').fix ?? '', /--pg-boss-indexes/);

    const human = await doctor({ FIXTURE_LISTING_INDEX: 'absent', NODE_ENV: 'development' }, []);
    assert.match(human.stdout, /^ {2}WARN +engine\.listing-index-absent +The listing index/m);
  });

  test('the listing index while a build runs on PostgreSQL: a warning that it is being built', async () => {
    const bossSchema = uniqueSchema('ops_cli_building');
    schemas.push(bossSchema);
    const boss = new PgBoss({ connectionString: DATABASE_URL, schema: bossSchema, supervise: false, schedule: false, registerInstance: false });
    await boss.start();
    await boss.createQueue('shared');
    await boss.stop({ graceful: false });
    const pool = postgres.pool();
    await pool.query(createParentIndex(bossSchema));
    // A writer's open transaction holds CREATE INDEX CONCURRENTLY up for as long as the doctor runs.
    const writer = new pg.Client({ connectionString: DATABASE_URL });
    const builder = new pg.Client({ connectionString: DATABASE_URL });
    await writer.connect();
    await builder.connect();
    let build: Promise<unknown> = Promise.resolve();
    try {
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO ${bossSchema}.job (name, data) VALUES ('shared', '{}')`);
      build = builder.query(createIndex(bossSchema, 'job_common', 'job_common_ops_jobs_listing', { concurrently: true }));
      const query = async (text: string, values: unknown[]) => (await pool.query(text, values)).rows;
      await waitUntil(async () => (await listingIndexStatus(query, bossSchema)) === 'building', 'the build to show in pg_stat_progress_create_index');
      const run = await doctor({ FIXTURE_ENGINE: 'uninstalled', FIXTURE_DATABASE_URL: DATABASE_URL, FIXTURE_BOSS_SCHEMA: bossSchema });
      const building = finding(run, 'engine.listing-index-building');
      assert.equal(building.severity, 'warning');
      assert.match(building.detail, /Until it finishes, listings of a queue's jobs filtered by state/);
    } finally {
      await writer.query('ROLLBACK');
      await writer.end();
      await build.finally(() => builder.end());
    }
  });

  test('a currentActor that signs in a request without a session: an error', async () => {
    const run = await doctor({ FIXTURE_SEAMS: 'open-door' });
    assert.equal(run.code, 2);
    assert.equal(finding(run, 'auth.anonymous').severity, 'error');
    assert.match(finding(run, 'auth.anonymous').fix ?? '', /return null/);
  });

  test('an authorize that throws: an error, and ERROR in the table where it did', async () => {
    const run = await doctor({ FIXTURE_SEAMS: 'throwing-authorize' });
    assert.equal(run.code, 2);
    assert.match(finding(run, 'permissions.policy-error').detail, /viewer \/ audit\.export: authorize\(\) threw: no rule for audit\.export/);
    const human = await doctor({ FIXTURE_SEAMS: 'throwing-authorize' }, []);
    assert.match(human.stdout, /^ {2}audit\.export +ERROR +ERROR +ERROR$/m);
  });

  test('a role the config calls read-only that may change jobs: an error listing what it may do', async () => {
    const run = await doctor({ FIXTURE_READ_ONLY: 'viewer,operator' });
    assert.equal(run.code, 2);
    const readOnly = finding(run, 'permissions.read-only');
    assert.match(readOnly.detail, /operator: job\.retry \(preview\)/);
    assert.doesNotMatch(readOnly.detail, /viewer:/);
  });

  test('no config module, or one that fails: an error saying how to get one, exit 2', async () => {
    const none = await runCli(['doctor', '--json'], { cwd: `${root}test/node/cli/support` });
    assert.equal(none.code, 2);
    assert.match(finding(none, 'config').fix ?? '', /npx ops-jobs init/);
    const broken = await runCli(['doctor', '--json', '--config', `${root}test/node/cli/support/run-cli.ts`]);
    assert.equal(broken.code, 2);
    assert.match(finding(broken, 'config').detail, /not a usable config/);
    const badFlag = await runCli(['doctor', '--header', 'no colon']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /--header must look like 'Name: value'/);
  });
});
