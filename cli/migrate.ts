import { MIGRATIONS } from '../adapters/postgres/migrations.ts';
import { validateSchemaName } from '../adapters/postgres/schema-name.ts';
import { OptionsError } from '../core/errors.ts';
import { parseFlags, UsageError } from './arguments.ts';
import { EXIT, type CliIo } from './io.ts';
import { describeTarget, openStore, type MigrateTarget } from './migrate/open-store.ts';

/** `npx ops-jobs migrate --help`. */
export const MIGRATE_HELP = `Usage: npx ops-jobs migrate (--database-url <url> | --pglite <dir>) [options]

Applies the console's store migrations (its own schema, ops_jobs by default) and says what it did.
Safe to run again, and from several processes at once: on PostgreSQL the runs take turns under an
advisory lock; on a PGlite directory, under a lock file in the directory.

Options:
  --database-url <url>  a PostgreSQL URL (default: $DATABASE_URL)
  --pglite <dir>        a PGlite data directory instead; stop the application using it first
  --schema <name>       the console's schema (default: ops_jobs)
  --json                print the result as JSON
  -h, --help            this help
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

/** `npx ops-jobs migrate`: brings the store's schema up to date and reports the versions it applied. */
export async function migrate(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('migrate', argv, {
    'database-url': { type: 'string' },
    pglite: { type: 'string' },
    schema: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (flags.help) {
    io.out(MIGRATE_HELP);
    return EXIT.ok;
  }
  const target = targetOf(flags['database-url'], flags.pglite, io.env);
  const schema = schemaOf(flags.schema);
  let opened;
  try {
    opened = await openStore(target, schema, io.cwd);
  } catch (error) {
    return failed(io, flags.json, schema, describeTarget(target, io.cwd), error);
  }
  try {
    const report = await opened.store.migrate();
    if (flags.json) {
      io.out(`${JSON.stringify({ schema: report.schema, database: opened.description, applied: report.applied, version: report.version })}\n`);
    } else {
      const lines = report.applied.map((version) => `  applied ${version}: ${NAMES.get(version) ?? ''}`);
      io.out([
        `ops-jobs migrate: schema ${report.schema} on ${opened.description}`,
        ...(lines.length > 0 ? lines : ['  nothing to apply']),
        `  at version ${report.version}`,
        '',
      ].join('\n'));
    }
    return EXIT.ok;
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
