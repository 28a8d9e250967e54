import { validatePgBossSchema } from '../adapters/pg-boss/schema-name.ts';
import { MIGRATIONS } from '../adapters/postgres/migrations.ts';
import { validateSchemaName } from '../adapters/postgres/schema-name.ts';
import { OptionsError } from '../core/errors.ts';
import { parseFlags, UsageError } from './arguments.ts';
import { EXIT, type CliIo } from './io.ts';
import { describeTarget, openStore, type MigrateTarget } from './migrate/open-store.ts';
import { checkPgBossIndexes, describePgBossIndexes, pgBossIndexesExitCode, pgBossIndexesFailed, type PgBossIndexOutcome } from './migrate/pg-boss-indexes.ts';

/** `npx ops-jobs migrate --help`. */
export const MIGRATE_HELP = `Usage: npx ops-jobs migrate (--database-url <url> | --pglite <dir>) [options]

Applies the console's store migrations (its own schema, ops_jobs by default) and says what it did.
Safe to run again, and from several processes at once: on PostgreSQL the runs take turns under an
advisory lock; on a PGlite directory, under a lock file in the directory.

Then, where the database has pg-boss, it checks the index ops-jobs adds to pg-boss's job table
(ops_jobs_job_listing: a queue's jobs by state, newest first). When it is missing, migrate prints
the statements that would create it, what it serves and what it costs, and changes nothing;
--pg-boss-indexes runs them: on PostgreSQL with CREATE INDEX CONCURRENTLY, one partition at a time,
while the application keeps running. Safe to run again; an interrupted build is picked up.

Options:
  --database-url <url>     a PostgreSQL URL (default: $DATABASE_URL)
  --pglite <dir>           a PGlite data directory instead; stop the application using it first
  --schema <name>          the console's schema (default: ops_jobs)
  --pg-boss-schema <name>  the schema pg-boss uses (default: pgboss)
  --pg-boss-indexes        create the listing index on pg-boss's job table when it is missing
  --json                   print the result as JSON
  -h, --help               this help
`;

const NAMES = new Map(MIGRATIONS.map((migration) => [migration.version, migration.name]));

function targetOf(databaseUrl: string | undefined, pglite: string | undefined, env: NodeJS.ProcessEnv): MigrateTarget {
  if (databaseUrl !== undefined && pglite !== undefined) throw new UsageError('Give --database-url or --pglite, not both.');
  if (pglite !== undefined) return { pgliteDir: pglite };
  const url = databaseUrl ?? env.DATABASE_URL;
  if (!url) throw new UsageError('Say which database to migrate: --database-url postgres://… (or DATABASE_URL), or --pglite <dir>.');
  return { databaseUrl: url };
}

/** The schema the store would use, checked before anything connects: a bad name is the command line's fault. */
function schemaOf(value: string | undefined): string {
  try {
    return validateSchemaName(value);
  } catch (error) {
    if (error instanceof OptionsError) throw new UsageError(`--schema ${error.message.replace(/^ops-jobs: option `schema` /, '')}`);
    throw error;
  }
}

/** The pg-boss schema, checked as `fromPgBoss` checks it: it is put into SQL text as given. */
function pgBossSchemaOf(value: string | undefined): string {
  try {
    return validatePgBossSchema(value);
  } catch (error) {
    if (error instanceof OptionsError) throw new UsageError(`--pg-boss-schema ${error.message.replace(/^ops-jobs: option `schema` /, '')}`);
    throw error;
  }
}

/** `npx ops-jobs migrate`: brings the store's schema up to date and reports the versions it applied. */
export async function migrate(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('migrate', argv, {
    'database-url': { type: 'string' },
    pglite: { type: 'string' },
    schema: { type: 'string' },
    'pg-boss-schema': { type: 'string' },
    'pg-boss-indexes': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (flags.help) {
    io.out(MIGRATE_HELP);
    return EXIT.ok;
  }
  const target = targetOf(flags['database-url'], flags.pglite, io.env);
  const schema = schemaOf(flags.schema);
  const bossSchema = pgBossSchemaOf(flags['pg-boss-schema']);
  const applyIndexes = flags['pg-boss-indexes'];
  let opened;
  try {
    opened = await openStore(target, schema, io.cwd);
  } catch (error) {
    return failed(io, flags.json, schema, describeTarget(target, io.cwd), error);
  }
  try {
    const report = await opened.store.migrate();
    const storeResult = { schema: report.schema, database: opened.description, applied: report.applied, version: report.version };
    if (!flags.json) {
      const lines = report.applied.map((version) => `  applied ${version}: ${NAMES.get(version) ?? ''}`);
      io.out([
        `ops-jobs migrate: schema ${report.schema} on ${opened.description}`,
        ...(lines.length > 0 ? lines : ['  nothing to apply']),
        `  at version ${report.version}`,
        '',
      ].join('\n'));
    }
    let indexes: PgBossIndexOutcome;
    try {
      indexes = await checkPgBossIndexes(opened, bossSchema, applyIndexes, io, flags.json);
    } catch (error) {
      return pgBossIndexesFailed(io, flags.json, storeResult, bossSchema, error);
    }
    if (flags.json) io.out(`${JSON.stringify({ ...storeResult, pgBoss: indexes })}\n`);
    else io.out(`${describePgBossIndexes(indexes, opened.concurrentIndexBuilds).join('\n')}\n`);
    return pgBossIndexesExitCode(indexes, applyIndexes, io);
  } catch (error) {
    return failed(io, flags.json, opened.store.schema, opened.description, error);
  } finally {
    await opened.close().catch(() => {});
  }
}

function failed(io: CliIo, json: boolean, schema: string, database: string, error: unknown): number {
  const message = error instanceof Error ? error.message || error.name : String(error);
  const fix = 'Check that the database is reachable with this URL (or directory) and that its user may create schemas and tables, then run again.';
  if (json) io.out(`${JSON.stringify({ schema, database, error: message, fix })}\n`);
  io.err(`ops-jobs migrate: could not migrate schema ${schema} on ${database}: ${message}\n  Fix: ${fix}\n`);
  return EXIT.failed;
}
