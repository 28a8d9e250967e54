/**
 * The console's own store (`ops-jobs/postgres`): one SQL dialect over a `pg` Pool or an embedded
 * PGlite instance, neither of which is imported here.
 */
export { createPostgresStore } from './store.ts';
export type { LiveChannelOptions, PostgresStore, PostgresStoreOptions } from './store.ts';
export type { PgClientLike, PGliteLike, PgPoolLike } from './driver.ts';
export type { PgListeningClientLike } from './pg-membership.ts';
export type { PGliteListenLike } from './pglite-membership.ts';
export { DEFAULT_SCHEMA } from './schema-name.ts';
