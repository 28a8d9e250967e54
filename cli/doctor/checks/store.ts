import type { Check } from '../context.ts';
import type { TableSize } from '../../../core/contracts/store.ts';
import { failure, messageOf, passed, warning, type Finding } from '../finding.ts';
import { withTimeout } from '../timeout.ts';

/** The console's store answers, and its schema has every migration this release has. */
export const checkStore: Check = async ({ config, timeoutMs }) => {
  const store = config?.options.store;
  if (store === null || typeof store !== 'object') return [];
  if (typeof store.migrationStatus !== 'function') {
    return [warning('store.unknown', 'The store cannot say whether it is migrated', 'It has no migrationStatus(); only the stores of ops-jobs/postgres do.',
      "Use createPostgresStore() from 'ops-jobs/postgres', or make sure your application calls opsJobs.ready() at start, which migrates.")];
  }
  let status;
  try {
    status = await withTimeout(store.migrationStatus(), timeoutMs, "the console's store");
  } catch (error) {
    return [failure('store.unreachable', "The console's store cannot be reached", messageOf(error),
      "Check the database connection the config gives createPostgresStore (for a pool: its connection string, network access and credentials; for PGlite: its directory), and that the database is running.")];
  }
  const { schema, version, latest, pending } = status;
  if (pending.length > 0) {
    return [failure('store.unmigrated', `The store's schema ${schema} lacks migrations ${pending.join(', ')}`,
      `It is at version ${version}; this release of ops-jobs needs version ${latest}. Until it is, every request to the console first tries to migrate it, and fails if the application's database user may not create tables.`,
      `Run \`npx ops-jobs migrate --database-url <the store's database URL> --schema ${schema}\` (or \`--pglite <dir>\`) with a user that may create tables, or start the application once: opsJobs.ready() migrates.`)];
  }
  if (version > latest) {
    return [warning('store.newer', `The store's schema ${schema} is at version ${version}, newer than this ops-jobs knows (${latest})`,
      'A newer release of ops-jobs migrated it; this project runs an older one.',
      'Run the same ops-jobs release here as in the application that migrated the schema.')];
  }
  return [passed('store.migrated', `The store answers and its schema ${schema} is migrated`, `At version ${version}, the latest this release has.`), ...(await sizesOf(store, timeoutMs))];
};

/** The store's tables with their estimated rows and sizes, so growth is seen before it hurts. */
async function sizesOf(store: { tableSizes?(): Promise<readonly TableSize[]> }, timeoutMs: number): Promise<Finding[]> {
  if (typeof store.tableSizes !== 'function') return [];
  const sizes = await withTimeout(store.tableSizes(), timeoutMs, "the console's store").catch(() => null);
  if (sizes === null) return [];
  const lines = sizes.map(({ table, rows, bytes }) => `${table}: ${rows < 0 ? 'not yet analyzed' : `about ${Math.round(rows).toLocaleString('en')} rows`}, ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  return [passed('store.sizes', "The store's tables", `${lines.join('; ')}. Previews and idempotency receipts are purged as previews are made; the audit log is kept.`)];
}
