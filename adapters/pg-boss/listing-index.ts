/**
 * The one index ops-jobs asks a host to add to pg-boss's job table, so that a page of a queue's jobs
 * in one state reads about one page of index entries whatever the state's share of the queue.
 *
 * pg-boss's own indexes serve the listing of all states (job_i15: name, created_on) but not a
 * listing by state: a walk of job_i15 that skips the other states reads about
 * `page size / share of the state` rows. The host reviews and applies this index with
 * `ops-jobs migrate --pg-boss-indexes`; without it, listings by state stop after a bounded number
 * of rows and say so (see `LISTING_SCAN_LIMIT`).
 */

/** The index's name on pg-boss's `job` table (the partitioned parent, or the plain table). */
export const LISTING_INDEX_NAME = 'ops_jobs_job_listing';

/** The key columns, in order: a queue's jobs of one pg-boss state, newest first. */
export const LISTING_INDEX_COLUMNS = 'name, state, created_on DESC, id DESC';

/**
 * How many of a queue's jobs a listing by state reads at most when the index is absent, before it
 * answers with what it found and a cursor to continue from.
 */
export const LISTING_SCAN_LIMIT = 5000;
