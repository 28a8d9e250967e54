/**
 * `ops-jobs/pg-boss`: the job engine over the host's own pg-boss 12 instance.
 *
 * ```ts
 * import { fromPgBoss } from 'ops-jobs/pg-boss';
 * const engine = fromPgBoss(boss, { schema: 'pgboss' });
 * ```
 */
export { fromPgBoss } from './engine.ts';
export { PG_BOSS_ACTION_STATES, PG_BOSS_STATES } from './states.ts';
export { startPgBoss, type StartedPgBoss } from './start-pg-boss.ts';
export { DEFAULT_PG_BOSS_SCHEMA } from './schema-name.ts';
export { PG_BOSS_SUPPORT, isSupportedPgBossVersion, type PgBossDescription } from './describe.ts';
export {
  LISTING_INDEX_COLUMNS,
  LISTING_INDEX_NAME,
  LISTING_SCAN_LIMIT,
  listingIndexStatus,
  readListingIndex,
  type CatalogQuery,
  type JobTablePart,
  type ListingIndexReport,
  type ListingIndexStatus,
} from './listing-index.ts';
export {
  buildListingIndex,
  listingIndexSteps,
  type AppliedStep,
  type BuildListingIndexOptions,
  type ListingIndexBuild,
  type ListingIndexStep,
} from './listing-index-build.ts';
export type {
  FromPgBossOptions,
  PgBossCommandOptions,
  PgBossCommandResponseLike,
  PgBossDbLike,
  PgBossLike,
  PgBossQueueLike,
  PgBossRedriveOptions,
  PgBossRedrivePreviewLike,
} from './pg-boss-like.ts';
