/**
 * The statements that give pg-boss's job table the listing index, and the run that applies them
 * one by one, picking up where an interrupted run stopped.
 *
 * PostgreSQL cannot build an index CONCURRENTLY on a partitioned table, and pg-boss 12 partitions
 * `job` by queue name unless started with `noTablePartitioning`. So on a partitioned table the
 * parent index is created ON ONLY the parent (instant, and invalid for now), each partition gets its
 * part CONCURRENTLY, and each part is attached; the parent turns valid once every partition has
 * one. Partitions pg-boss attaches later (`createQueue` with `partition: true`) get their part from
 * PostgreSQL at ATTACH PARTITION. On a plain job table it is one CREATE INDEX CONCURRENTLY.
 *
 * Without `concurrently` (PGlite: one connection, nothing else writes while it runs) the same
 * statements run as plain CREATE INDEX. CONCURRENTLY cannot run in a transaction block: every
 * statement runs on its own.
 */
import { LISTING_INDEX_COLUMNS, LISTING_INDEX_NAME, readListingIndex, type CatalogQuery, type JobTablePart, type ListingIndexReport } from './listing-index.ts';

/** What one statement does. */
export type ListingIndexStepKind = 'create-parent' | 'drop-invalid' | 'create' | 'rebuild' | 'attach';

/** One statement of the build, on one table. */
export interface ListingIndexStep {
  readonly kind: ListingIndexStepKind;
  /** The table it works on: a partition, or `job`. */
  readonly table: string;
  readonly sql: string;
}

/** How to build: CONCURRENTLY (PostgreSQL, while the application runs) or not (PGlite). */
export interface ListingIndexBuildOptions {
  readonly concurrently: boolean;
}

/** A double-quoted SQL identifier: names from the catalog may hold any character. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `CREATE INDEX … ON ONLY job`: the partitioned parent, without touching any partition. */
export function createParentIndex(schema: string): string {
  return `CREATE INDEX IF NOT EXISTS ${LISTING_INDEX_NAME} ON ONLY ${schema}.job (${LISTING_INDEX_COLUMNS})`;
}

/** Builds the index `index` on `table` (a partition, or the plain job table). */
export function createIndex(schema: string, table: string, index: string, options: ListingIndexBuildOptions): string {
  const how = options.concurrently ? 'CONCURRENTLY ' : '';
  return `CREATE INDEX ${how}IF NOT EXISTS ${quoteIdentifier(index)} ON ${schema}.${quoteIdentifier(table)} (${LISTING_INDEX_COLUMNS})`;
}

/** Drops what an interrupted build left: an index that is not valid and not attached. */
function dropIndex(schema: string, index: string, options: ListingIndexBuildOptions): string {
  const how = options.concurrently ? 'CONCURRENTLY ' : '';
  return `DROP INDEX ${how}IF EXISTS ${schema}.${quoteIdentifier(index)}`;
}

/** Rebuilds a partition's attached part that is not valid. */
function rebuildIndex(schema: string, index: string, options: ListingIndexBuildOptions): string {
  const how = options.concurrently ? 'CONCURRENTLY ' : '';
  return `REINDEX INDEX ${how}${schema}.${quoteIdentifier(index)}`;
}

/** Makes a partition's index part of the parent index. */
function attachIndex(schema: string, index: string): string {
  return `ALTER INDEX ${schema}.${LISTING_INDEX_NAME} ATTACH PARTITION ${schema}.${quoteIdentifier(index)}`;
}

function partSteps(schema: string, part: JobTablePart, options: ListingIndexBuildOptions, attach: boolean): ListingIndexStep[] {
  const { table, index } = part;
  if (part.attached && part.indexValid) return [];
  // Only a partition's part can be attached; an attached part cannot be dropped, only rebuilt.
  if (part.attached && attach) return [{ kind: 'rebuild', table, sql: rebuildIndex(schema, index, options) }];
  const steps: ListingIndexStep[] = [];
  if (part.indexExists && !part.indexValid) steps.push({ kind: 'drop-invalid', table, sql: dropIndex(schema, index, options) });
  if (!(part.indexExists && part.indexValid)) steps.push({ kind: 'create', table, sql: createIndex(schema, table, index, options) });
  if (attach) steps.push({ kind: 'attach', table, sql: attachIndex(schema, index) });
  return steps;
}

/**
 * The statements that take the index from `report` to present, in order; none when it is present.
 * A valid part left by an interrupted run is attached rather than built again.
 */
export function listingIndexSteps(schema: string, report: ListingIndexReport, options: ListingIndexBuildOptions): ListingIndexStep[] {
  if (report.jobTable === null || report.status === 'present') return [];
  if (report.jobTable === 'plain') return report.parts.flatMap((part) => partSteps(schema, part, options, false));
  const parent: ListingIndexStep[] = report.parent.exists ? [] : [{ kind: 'create-parent', table: 'job', sql: createParentIndex(schema) }];
  return [...parent, ...report.parts.flatMap((part) => partSteps(schema, part, options, true))];
}

/** One statement the build ran, and how long it took. */
export interface AppliedStep extends ListingIndexStep {
  readonly ms: number;
}

/** What `buildListingIndex` found, ran and left. */
export interface ListingIndexBuild {
  readonly before: ListingIndexReport;
  readonly applied: readonly AppliedStep[];
  readonly after: ListingIndexReport;
}

/** How to build, and who to tell as each statement starts and ends. */
export interface BuildListingIndexOptions extends ListingIndexBuildOptions {
  /** Called before each statement runs. */
  onStep?(step: ListingIndexStep): void;
  /** Called after each statement ran. */
  onApplied?(step: AppliedStep): void;
}

// Creating the parent ON ONLY and attaching a part take brief locks on the job table that pg-boss's
// writes wait behind; waiting long for them would hold those writes up, so they give up instead
// (the build is picked up by the next run). The CONCURRENTLY statements wait without blocking writes.
const BRIEF_LOCK_TIMEOUT = '10s';
const BRIEF_STEPS: ReadonlySet<ListingIndexStepKind> = new Set(['create-parent', 'attach']);

async function runStep(query: CatalogQuery, step: ListingIndexStep, concurrently: boolean): Promise<void> {
  if (!concurrently || !BRIEF_STEPS.has(step.kind)) {
    await query(step.sql, []);
    return;
  }
  await query(`SET lock_timeout = '${BRIEF_LOCK_TIMEOUT}'`, []);
  try {
    await query(step.sql, []);
  } finally {
    await query('RESET lock_timeout', []);
  }
}

// Two builds at once would race on the same names; builds on one database take turns under this
// lock, per job table. It is a session lock, so `query` must run every statement on one connection.
const LOCK = `SELECT pg_advisory_lock(hashtext('ops_jobs.listing_index'), hashtext($1))`;
const UNLOCK = `SELECT pg_advisory_unlock(hashtext('ops_jobs.listing_index'), hashtext($1))`;

/**
 * Brings the listing index of pg-boss's job table in `schema` to present, one statement at a time,
 * outside any transaction. Idempotent: when it is present, runs nothing. A build that another
 * session is running is left alone (the result then says `building`).
 *
 * `query` must run each statement on its own, on one connection (not inside BEGIN…COMMIT).
 */
export async function buildListingIndex(query: CatalogQuery, schema: string, options: BuildListingIndexOptions): Promise<ListingIndexBuild> {
  if (options.concurrently) await query(LOCK, [schema]);
  try {
    const before = await readListingIndex(query, schema);
    if (before.status === 'building') return { before, applied: [], after: before };
    const applied: AppliedStep[] = [];
    for (const step of listingIndexSteps(schema, before, options)) {
      options.onStep?.(step);
      const started = performance.now();
      await runStep(query, step, options.concurrently);
      const done = { ...step, ms: Math.round(performance.now() - started) };
      applied.push(done);
      options.onApplied?.(done);
    }
    return { before, applied, after: await readListingIndex(query, schema) };
  } finally {
    if (options.concurrently) await query(UNLOCK, [schema]);
  }
}
