import type { OpsStore } from '../../core/contracts/store.ts';
import { OptionsError } from '../../core/errors.ts';
import { fromPglite, fromPgPool } from './driver.ts';
import type { PGliteLike, PgPoolLike, SqlDriver } from './driver.ts';
import { runMigrations } from './migrate.ts';
import { validateSchemaName } from './schema-name.ts';

/** Where the store keeps its tables: the host's `pg` pool, or an embedded PGlite instance. */
export type PostgresStoreOptions = (
  | { readonly pool: PgPoolLike; readonly pglite?: undefined }
  | { readonly pglite: PGliteLike; readonly pool?: undefined }
) & {
  /** The schema for the console's tables. A plain lower-case SQL identifier; `ops_jobs` by default. */
  readonly schema?: string;
};

/** The console's store over PostgreSQL or PGlite. */
export interface PostgresStore extends OpsStore {
  /** The schema the store's tables live in. */
  readonly schema: string;
}

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
  const driver = driverFor(options);
  return {
    schema,
    migrate: () => runMigrations(driver, schema),
  };
}
