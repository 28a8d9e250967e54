import type { LiveChannel } from '../../core/contracts/live-channel.ts';
import type { MigrationStatus, OpsStore, StoreTransaction, TableSize } from '../../core/contracts/store.ts';
import { OptionsError } from '../../core/errors.ts';
import { exportAudit, getAudit, listAudit } from './audit-reads.ts';
import { suggestAudit } from './audit-suggestions.ts';
import { completeIntent } from './audit-writes.ts';
import { fromPglite, fromPgPool, rowsOf } from './driver.ts';
import type { PGliteLike, PgPoolLike, SqlDriver } from './driver.ts';
import { createLiveChannel, type ChannelMembership } from './live-channel.ts';
import { getIncident, listIncidents, recordIncidents } from './incidents.ts';
import { readMigrationStatus, runMigrations } from './migrate.ts';
import { pgMembership } from './pg-membership.ts';
import { pgliteMembership, type PGliteListenLike } from './pglite-membership.ts';
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
  /**
   * The live channel, through which the consoles of several host processes on this database work
   * as one (LISTEN/NOTIFY, and one poller picked by an advisory lock). On by default. Over `pg` it
   * keeps one connection of the pool for itself, from the first console opened in the process
   * until `opsJobs.close()`. Pass
   * `false` where sessions are not kept (PgBouncer in transaction pooling mode): each process then
   * polls for its own consoles and shows only its own actions live.
   */
  readonly liveChannel?: false | LiveChannelOptions;
};

/** Settings of the store's live channel. */
export interface LiveChannelOptions {
  /**
   * How often, in ms, a process that does not poll tries for the poller role, and the poller checks
   * its connection. Bounds how long consoles go without counts after the poller's process dies.
   * Default 5,000.
   */
  readonly checkIntervalMs?: number;
}

/** The console's store over PostgreSQL or PGlite. */
export interface PostgresStore extends OpsStore {
  /** The schema the store's tables live in. */
  readonly schema: string;
  /** Which migrations the schema has; reads only. */
  migrationStatus(): Promise<MigrationStatus>;
  tableSizes(): Promise<readonly TableSize[]>;
  /** Present unless the `liveChannel` option is `false` (or a PGlite-like lacks `listen`). */
  createLiveChannel?(): LiveChannel;
  /**
   * Runs `work` in one transaction on one connection. On PGlite, which is a single connection,
   * `work` must reach the database through `tx` only: a query on the instance from outside the
   * transaction waits for the transaction to end, which waits for `work`.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  recordIncidents: NonNullable<OpsStore['recordIncidents']>;
  listIncidents: NonNullable<OpsStore['listIncidents']>;
  getIncident: NonNullable<OpsStore['getIncident']>;
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

const DEFAULT_CHECK_INTERVAL_MS = 5_000;

/** How each new live channel hears notices and holds the poller role, or null when it is off. */
function membershipFor(options: PostgresStoreOptions, schema: string): (() => ChannelMembership) | null {
  const setting = options.liveChannel as unknown;
  if (setting === false) return null;
  if (setting !== undefined && (typeof setting !== 'object' || setting === null)) {
    throw new OptionsError('liveChannel', `must be false or an object such as { checkIntervalMs: ${DEFAULT_CHECK_INTERVAL_MS} }; got ${JSON.stringify(setting)}.`);
  }
  const interval = (setting as LiveChannelOptions | undefined)?.checkIntervalMs;
  if (interval !== undefined && (!Number.isInteger(interval) || interval < 50 || interval > 600_000)) {
    throw new OptionsError('liveChannel.checkIntervalMs', `must be an integer from 50 to 600000, such as ${DEFAULT_CHECK_INTERVAL_MS}; got ${JSON.stringify(interval)}.`);
  }
  const checkIntervalMs = interval ?? DEFAULT_CHECK_INTERVAL_MS;
  if (options.pool !== undefined) {
    // The channel keeps one of the pool's connections for LISTEN: a pool of one would leave the
    // console's own queries waiting for it forever.
    const max = (options.pool as { options?: { max?: unknown } }).options?.max;
    if (typeof max === 'number' && max < 2) {
      throw new OptionsError('liveChannel', `needs a pool of at least 2 connections: it holds one for LISTEN, and the console's queries need another; the pool's max is ${max}. Raise it, or pass \`liveChannel: false\` (live updates then reach only the consoles of this process).`);
    }
    return () => pgMembership({ pool: options.pool, schema, checkIntervalMs });
  }
  const pglite = options.pglite as Partial<PGliteListenLike>;
  // A PGlite-like without `listen` (a wrapper, say) simply has no channel.
  if (typeof pglite.listen !== 'function') return null;
  return () => pgliteMembership(pglite as PGliteListenLike, schema);
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
  const membership = membershipFor(options, schema);
  return {
    schema,
    ...(membership ? { createLiveChannel: () => createLiveChannel(driver, schema, membership()) } : {}),
    migrate: () => runMigrations(driver, schema),
    migrationStatus: () => readMigrationStatus(driver, schema),
    tableSizes: () => rowsOf<TableSize>(driver, sql.tableSizes(schema)),
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
    async purgeExpired(at, receiptsBefore) {
      const [previews] = await rowsOf<{ deleted: number }>(driver, sql.purgeExpiredPreviews(schema, at));
      const [receipts] = await rowsOf<{ deleted: number }>(driver, sql.purgeOldReceipts(schema, receiptsBefore));
      return { previews: previews?.deleted ?? 0, receipts: receipts?.deleted ?? 0 };
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
    recordIncidents: (sweep) => recordIncidents((work) => driver.transaction(async (connection) => {
      await rowsOf(connection, sql.readCommitted());
      return await work(connection);
    }), schema, sweep),
    listIncidents: (query) => listIncidents(driver, schema, query),
    getIncident: (id) => getIncident(driver, schema, id),
    completeIntent: (id, outcome, affected, at, jobIds) => completeIntent(driver, schema, id, outcome, affected, at, jobIds),
    getAudit: (id) => getAudit(driver, schema, id),
    listAudit: (query) => listAudit(driver, schema, query),
    exportAudit: (filter) => exportAudit(driver, schema, filter, exportBatchSize),
    suggestAudit: (field, prefix, limit) => suggestAudit(driver, schema, field, prefix, limit),
  };
}
