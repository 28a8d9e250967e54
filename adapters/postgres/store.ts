import type { MigrationStatus, OpsStore, StoreTransaction } from '../../core/contracts/store.ts';
import { OptionsError } from '../../core/errors.ts';
import { exportAudit, getAudit, listAudit } from './audit-reads.ts';
import { completeIntent } from './audit-writes.ts';
import { fromPglite, fromPgPool, rowsOf } from './driver.ts';
import type { PGliteLike, PgPoolLike, SqlDriver } from './driver.ts';
import { readMigrationStatus, runMigrations } from './migrate.ts';
import { toReceipt, toStoredPreview } from './rows.ts';
import type { PreviewRow, ReceiptRow } from './rows.ts';
import { validateSchemaName } from './schema-name.ts';
import * as sql from './sql.ts';
import { openStoreTransaction } from './transaction.ts';

/** Where the store keeps its tables: the host's `pg` pool, or an embedded PGlite instance. */
export type PostgresStoreOptions = (
  | { readonly pool: PgPoolLike; readonly pglite?: undefined }
  | { readonly pglite: PGliteLike; readonly pool?: undefined }
) & {
  /** The schema for the console's tables. A plain lower-case SQL identifier; `ops_jobs` by default. */
  readonly schema?: string;
  /** How many audit records an export reads per query; 500 by default. */
  readonly exportBatchSize?: number;
};

/** The console's store over PostgreSQL or PGlite. */
export interface PostgresStore extends OpsStore {
  /** The schema the store's tables live in. */
  readonly schema: string;
  /** Which migrations the schema has; reads only. */
  migrationStatus(): Promise<MigrationStatus>;
  /**
   * Runs `work` in one transaction on one connection. On PGlite, which is a single connection,
   * `work` must reach the database through `tx` only: a query on the instance from outside the
   * transaction waits for the transaction to end, which waits for `work`.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
}

const DEFAULT_EXPORT_BATCH_SIZE = 500;
const MAX_EXPORT_BATCH_SIZE = 10_000;

function driverFor(options: PostgresStoreOptions): SqlDriver {
  const { pool, pglite } = options as { pool?: unknown; pglite?: unknown };
  if (pool !== undefined && pglite !== undefined) {
    throw new OptionsError('pool', 'and option `pglite` were both given; pass one: `{ pool }` for a `pg` Pool or `{ pglite }` for a PGlite instance.');
  }
  if (pool !== undefined) {
    if (!hasMethods(pool, ['query', 'connect'])) {
      throw new OptionsError('pool', 'must be a `pg` Pool (with `query` and `connect`), such as `new pg.Pool({ connectionString })`.');
    }
    return fromPgPool(pool as PgPoolLike);
  }
  if (pglite !== undefined) {
    if (!hasMethods(pglite, ['query', 'transaction'])) {
      throw new OptionsError('pglite', 'must be a PGlite instance (with `query` and `transaction`), such as `new PGlite()` from @electric-sql/pglite.');
    }
    return fromPglite(pglite as PGliteLike);
  }
  throw new OptionsError('pool', 'is missing: pass `{ pool }` with a `pg` Pool, or `{ pglite }` with a PGlite instance.');
}

function hasMethods(value: unknown, names: readonly string[]): boolean {
  return typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
}

function exportBatchSizeOf(value: unknown): number {
  if (value === undefined) return DEFAULT_EXPORT_BATCH_SIZE;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_EXPORT_BATCH_SIZE) {
    throw new OptionsError('exportBatchSize', `must be an integer from 1 to ${MAX_EXPORT_BATCH_SIZE}, such as ${DEFAULT_EXPORT_BATCH_SIZE}; got ${JSON.stringify(value)}.`);
  }
  return value;
}

/**
 * Creates the console's store. Nothing touches the database until `migrate()` is called (which
 * `opsJobs.ready()` does).
 *
 * @example
 * createPostgresStore({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) })
 * createPostgresStore({ pglite: new PGlite('./data') , schema: 'ops_console' })
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  if (typeof options !== 'object' || options === null) {
    throw new OptionsError('store', 'needs options: `createPostgresStore({ pool })` or `createPostgresStore({ pglite })`.');
  }
  const schema = validateSchemaName(options.schema);
  const exportBatchSize = exportBatchSizeOf(options.exportBatchSize);
  const driver = driverFor(options);
  return {
    schema,
    migrate: () => runMigrations(driver, schema),
    migrationStatus: () => readMigrationStatus(driver, schema),
    async savePreview(preview) {
      await rowsOf(driver, sql.insertPreview(schema, preview));
    },
    async findPreview(tokenHash) {
      const [row] = await rowsOf<PreviewRow>(driver, sql.selectPreview(schema, tokenHash));
      return row ? toStoredPreview(row) : null;
    },
    async findReceipt(principalId, key) {
      const [row] = await rowsOf<ReceiptRow>(driver, sql.selectReceipt(schema, principalId, key));
      return row ? toReceipt(row) : null;
    },
    async purgeExpiredPreviews(at) {
      const [row] = await rowsOf<{ deleted: number }>(driver, sql.purgeExpiredPreviews(schema, at));
      return row?.deleted ?? 0;
    },
    async transaction(work) {
      return await driver.transaction(async (connection) => {
        await rowsOf(connection, sql.readCommitted());
        const { tx, end } = openStoreTransaction(connection, schema);
        try {
          return await work(tx);
        } finally {
          end();
        }
      });
    },
    completeIntent: (id, outcome, affected, at) => completeIntent(driver, schema, id, outcome, affected, at),
    getAudit: (id) => getAudit(driver, schema, id),
    listAudit: (query) => listAudit(driver, schema, query),
    exportAudit: (filter) => exportAudit(driver, schema, filter, exportBatchSize),
  };
}
