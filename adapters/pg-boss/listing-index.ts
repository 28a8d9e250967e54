/**
 * The one index ops-jobs asks a host to add to pg-boss's job table, so that a page of a queue's jobs
 * in one state reads about one page of index entries whatever the state's share of the queue.
 *
 * pg-boss's own indexes serve the listing of all states (job_i15: name, created_on) but not a
 * listing by state: a walk of job_i15 that skips the other states reads about
 * `page size / share of the state` rows. The host reviews and applies this index with
 * `ops-jobs migrate --pg-boss-indexes`; without it, listings by state stop after a bounded number
 * of rows and say so (see `LISTING_SCAN_LIMIT`).
 *
 * This file says whether the index is there, from the catalog alone; listing-index-build.ts holds
 * the statements that create it.
 */

/** The index's name on pg-boss's `job` table (the partitioned parent, or the plain table). */
export const LISTING_INDEX_NAME = 'ops_jobs_job_listing';

/** The key columns, in order: a queue's jobs of one pg-boss state, newest first. */
export const LISTING_INDEX_COLUMNS = 'name, state, created_on DESC, id DESC';

/**
 * How many of a queue's jobs a listing by state reads at most when the index is absent, before it
 * answers with what it found and a cursor to continue from. Each is an index entry and a table
 * row, so that a request reads fewer than 5,000 rows with room for the rest of its work.
 */
export const LISTING_SCAN_LIMIT = 2400;

/** What the console's views lose without the index, in words for operators and hosts. */
export const LISTING_INDEX_SERVES = Object.freeze([
  "listings of a queue's jobs filtered by state",
  'previews of bulk actions by state',
]);

/**
 * Whether the index can serve listings:
 * - `present`: built and valid (on a partitioned table: on every partition, all attached);
 * - `absent`: not there at all (also when the schema has no pg-boss job table);
 * - `invalid`: there but unusable, as an interrupted `CREATE INDEX CONCURRENTLY` leaves it, or a
 *   partitioned index some partitions of which still lack their part;
 * - `building`: unusable for now, because a build of it is running.
 */
export type ListingIndexStatus = 'present' | 'absent' | 'invalid' | 'building';

/** Runs one statement on the pg-boss database and returns its rows. */
export type CatalogQuery = <Row>(text: string, values: unknown[]) => Promise<Row[]>;

/** One table that holds job rows: a partition of `job`, or `job` itself when it is a plain table. */
export interface JobTablePart {
  /** The table's name, as the catalog spells it. */
  readonly table: string;
  /** The name its part of the index has, or would be given; the parent's own name on a plain table. */
  readonly index: string;
  /** Whether that index exists on the table. */
  readonly indexExists: boolean;
  readonly indexValid: boolean;
  /** On a partition: whether its index is attached to the parent index. Always true on a plain table. */
  readonly attached: boolean;
}

/** The index as the catalog describes it, with everything a build needs to know. */
export interface ListingIndexReport {
  readonly status: ListingIndexStatus;
  /** How pg-boss laid out its job table; null when the schema has none. */
  readonly jobTable: 'partitioned' | 'plain' | null;
  /** The parent index on a partitioned table (or the index on a plain one): whether it exists and is valid. */
  readonly parent: { readonly exists: boolean; readonly valid: boolean };
  /** The tables that hold rows, each with its part of the index. */
  readonly parts: readonly JobTablePart[];
}

/** The suffix of a partition's part of the index; the partition's name is cut to keep within PostgreSQL's 63 bytes. */
const PART_SUFFIX = '_ops_jobs_listing';

/**
 * The catalog lookup behind `readListingIndex`: pg_class, pg_index, pg_inherits and the progress of
 * index builds, never the job table itself. `$1` is `<schema>.job` as pg-boss spells it (to_regclass
 * applies PostgreSQL's own quoting and case rules to it), `$2` the index's name.
 *
 * A partition's part is the index attached to the parent index, or else the one named after the
 * partition (a build that stopped before attaching it). pg-boss names its partitions `j` and a
 * 56-character hash, or `job_common`, so cutting the name to 46 characters keeps it unique.
 */
function listingIndexCatalog(): string {
  return `
    WITH job AS (
      SELECT c.oid, c.relkind FROM pg_class c WHERE c.oid = to_regclass($1)
    ), parent AS (
      SELECT x.indexrelid AS oid, x.indisvalid AND x.indisready AS valid
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = (SELECT oid FROM job) AND i.relname = $2
    ), tables AS (
      SELECT t.oid, t.relname, left(t.relname, ${63 - PART_SUFFIX.length}) || '${PART_SUFFIX}' AS wanted
      FROM pg_inherits h JOIN pg_class t ON t.oid = h.inhrelid
      WHERE h.inhparent = (SELECT oid FROM job) AND (SELECT relkind FROM job) = 'p'
      UNION ALL
      SELECT j.oid, c.relname, $2 FROM job j JOIN pg_class c ON c.oid = j.oid WHERE j.relkind = 'r'
    ), parts AS (
      SELECT t.oid AS table_oid, t.relname AS "table", COALESCE(p.relname, t.wanted) AS index,
        p.oid AS index_oid, COALESCE(p.valid, false) AS valid, COALESCE(p.attached, false) AS attached
      FROM tables t
      LEFT JOIN LATERAL (
        SELECT i.oid, i.relname, x.indisvalid AND x.indisready AS valid,
          (i.relname = $2 OR EXISTS (SELECT 1 FROM pg_inherits a WHERE a.inhrelid = i.oid AND a.inhparent = (SELECT oid FROM parent))) AS attached
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = t.oid
          AND (i.relname = t.wanted OR i.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = (SELECT oid FROM parent)))
        ORDER BY 4 DESC, 3 DESC
        LIMIT 1
      ) p ON true
    )
    SELECT
      (SELECT relkind::text FROM job) AS relkind,
      EXISTS (SELECT 1 FROM parent) AS parent_exists,
      COALESCE((SELECT valid FROM parent), false) AS parent_valid,
      EXISTS (
        SELECT 1 FROM pg_stat_progress_create_index b
        WHERE b.index_relid IN (SELECT oid FROM parent UNION ALL SELECT index_oid FROM parts)
      ) AS building,
      COALESCE((
        SELECT json_agg(json_build_object('table', "table", 'index', index, 'indexExists', index_oid IS NOT NULL, 'indexValid', valid, 'attached', attached) ORDER BY "table")
        FROM parts
      ), '[]'::json) AS parts
  `;
}

interface CatalogRow {
  relkind: string | null;
  parent_exists: boolean;
  parent_valid: boolean;
  building: boolean;
  parts: JobTablePart[] | string;
}

/** The status the catalog's facts amount to. */
function statusOf(row: CatalogRow): ListingIndexStatus {
  if (!row.parent_exists) return 'absent';
  if (row.parent_valid) return 'present';
  return row.building ? 'building' : 'invalid';
}

/**
 * Reads the listing index of pg-boss's job table in `schema` (as pg-boss spells it, already
 * validated) from the catalog: a few catalog rows, whatever the size of the job table.
 */
export async function readListingIndex(query: CatalogQuery, schema: string): Promise<ListingIndexReport> {
  const [row] = await query<CatalogRow>(listingIndexCatalog(), [`${schema}.job`, LISTING_INDEX_NAME]);
  if (!row || row.relkind === null) return { status: 'absent', jobTable: null, parent: { exists: false, valid: false }, parts: [] };
  // PGlite's driver hands json back as text where pg parses it.
  const parts = typeof row.parts === 'string' ? (JSON.parse(row.parts) as JobTablePart[]) : row.parts;
  return {
    status: statusOf(row),
    jobTable: row.relkind === 'p' ? 'partitioned' : 'plain',
    parent: { exists: row.parent_exists, valid: row.parent_valid },
    parts,
  };
}

/** Whether the listing index of pg-boss's job table in `schema` can serve listings; a catalog lookup. */
export async function listingIndexStatus(query: CatalogQuery, schema: string): Promise<ListingIndexStatus> {
  return (await readListingIndex(query, schema)).status;
}
