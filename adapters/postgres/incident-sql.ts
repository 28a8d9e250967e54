/**
 * The statements over the store's incidents (migration 8 and the incident methods), one named
 * function each, as in `sql.ts`. Lists travel as one jsonb parameter, read the same way by `pg`
 * and PGlite.
 */
import type { IncidentCursor, IncidentObservation } from '../../core/contracts/incidents.ts';
import type { IncidentKind } from '../../core/vocabulary/incident-kinds.ts';
import type { Statement } from './sql.ts';

/** The incidents the diagnosis found. */
export const INCIDENTS_TABLE = 'incidents';

const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;
const incidents = (schema: string): string => `${quote(schema)}.${quote(INCIDENTS_TABLE)}`;
const iso = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoMicros = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const statement = (text: string, values: readonly unknown[] = []): Statement => ({ text, values });

/** The sort position of a listing: open ones first, then by first seen (open) or resolved (resolved) time. */
const SORT_AT = 'COALESCE(resolved_at, first_seen_at)';

/** Read by `toIncident`. */
const INCIDENT_COLUMNS = `
    id::text AS incident_id, fingerprint, kind, queue, job_id, count,
    ${iso('first_seen_at')} AS first_seen, ${iso('last_seen_at')} AS last_seen, ${iso('resolved_at')} AS resolved, resolution,
    (resolved_at IS NULL) AS is_open, ${isoMicros(SORT_AT)} AS position_at`;

/**
 * One row per condition and stretch of time: a condition found again after its incident resolved
 * opens a new one. At most one open incident per fingerprint, which the unique partial index makes
 * true even when several processes sweep at once.
 */
export function createIncidentsTable(schema: string): Statement {
  return statement(`CREATE TABLE ${incidents(schema)} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fingerprint text NOT NULL,
  kind text NOT NULL,
  queue text NOT NULL,
  job_id text,
  count integer NOT NULL CHECK (count >= 0),
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  resolved_at timestamptz,
  resolution text CHECK (resolution IN ('cleared', 'repaired')),
  CONSTRAINT incidents_resolved_iff_resolution CHECK ((resolved_at IS NULL) = (resolution IS NULL))
)`);
}

/**
 * The open incident of a fingerprint (the upsert's conflict target, and the sweep's walk over open
 * ones); the listing's order (open first, newest first), also the purge's walk over old resolved
 * ones; and the open incidents of a job, for a repair.
 */
export function createIncidentIndexes(schema: string): readonly Statement[] {
  const on = incidents(schema);
  return [
    statement(`CREATE UNIQUE INDEX incidents_open_fingerprint_idx ON ${on} (fingerprint) WHERE resolved_at IS NULL`),
    statement(`CREATE INDEX incidents_listing_idx ON ${on} ((resolved_at IS NULL), (${SORT_AT}), id)`),
    statement(`CREATE INDEX incidents_open_job_idx ON ${on} (queue, job_id) WHERE resolved_at IS NULL`),
  ];
}

/**
 * Updates the open incident of each observed fingerprint (its count, and its last seen time unless
 * a later pass saw it already), and opens one for each fingerprint that has none; returns the
 * incidents it opened. A fingerprint another process opened meanwhile conflicts on the unique
 * index and is left to that process: never two open incidents, and never one announced twice.
 */
export function upsertIncidents(schema: string, at: string, observed: readonly IncidentObservation[]): Statement {
  const rows = observed.map((entry) => ({ fingerprint: entry.fingerprint, kind: entry.kind, queue: entry.queue, job_id: entry.jobId, count: entry.count }));
  return statement(`
    WITH observed AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS o(fingerprint text, kind text, queue text, job_id text, count integer)
    ), seen_again AS (
      UPDATE ${incidents(schema)} AS i SET count = observed.count, last_seen_at = GREATEST(i.last_seen_at, $2::timestamptz)
      FROM observed
      WHERE i.fingerprint = observed.fingerprint AND i.resolved_at IS NULL
      RETURNING i.fingerprint
    )
    INSERT INTO ${incidents(schema)} (fingerprint, kind, queue, job_id, count, first_seen_at, last_seen_at)
    SELECT o.fingerprint, o.kind, o.queue, o.job_id, o.count, $2::timestamptz, $2::timestamptz
    FROM observed o
    WHERE NOT EXISTS (SELECT 1 FROM seen_again s WHERE s.fingerprint = o.fingerprint)
    ON CONFLICT (fingerprint) WHERE resolved_at IS NULL DO NOTHING
    RETURNING ${INCIDENT_COLUMNS}`, [JSON.stringify(rows), at]);
}

/**
 * Resolves as cleared, at most `$4`, the open incidents last seen before `$1` whose fingerprint is
 * not among `$2` and whose kind (in their queue) is not among the unsure `$3`. Rows another
 * process is resolving are skipped, not waited for.
 */
export function resolveCleared(
  schema: string, at: string, fingerprints: readonly string[], unsure: readonly { readonly kind: IncidentKind; readonly queue: string | null }[], limit: number,
): Statement {
  return statement(`
    UPDATE ${incidents(schema)} SET resolved_at = $1::timestamptz, resolution = 'cleared'
    WHERE id IN (
      SELECT o.id FROM ${incidents(schema)} o
      WHERE o.resolved_at IS NULL AND o.last_seen_at < $1::timestamptz
        AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text($2::jsonb) AS f(fingerprint) WHERE f.fingerprint = o.fingerprint)
        AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($3::jsonb) AS u(kind text, queue text)
          WHERE u.kind = o.kind AND (u.queue IS NULL OR u.queue = o.queue))
      ORDER BY o.id
      LIMIT $4
      FOR UPDATE SKIP LOCKED)
    RETURNING ${INCIDENT_COLUMNS}`, [at, JSON.stringify(fingerprints), JSON.stringify(unsure), limit]);
}

/** Deletes at most `$2` incidents resolved before `$1`, through the listing index. */
export function purgeResolvedIncidents(schema: string, before: string, limit: number): Statement {
  return statement(`
    DELETE FROM ${incidents(schema)} WHERE id IN (
      SELECT id FROM ${incidents(schema)}
      WHERE (resolved_at IS NULL) = false AND ${SORT_AT} < $1::timestamptz
      LIMIT $2)`, [before, limit]);
}

/** Resolves as repaired the open `stuck-job` incidents of jobs `$2` of queue `$1`. */
export function resolveJobIncidents(schema: string, queue: string, jobIds: readonly string[], at: string): Statement {
  return statement(`
    UPDATE ${incidents(schema)} SET resolved_at = $3::timestamptz, resolution = 'repaired'
    WHERE resolved_at IS NULL AND queue = $1 AND kind = 'stuck-job'
      AND job_id IN (SELECT value FROM jsonb_array_elements_text($2::jsonb))
    RETURNING ${INCIDENT_COLUMNS}`, [queue, JSON.stringify(jobIds), at]);
}

/**
 * One page of incidents: open ones (newest first seen first), then those resolved since `$1`
 * (most recently resolved first), after the cursor, `$2` at most, walking incidents_listing_idx
 * backwards between the cursor and the oldest resolution wanted.
 */
export function selectIncidentPage(schema: string, resolvedSince: string, limit: number, after: IncidentCursor | undefined): Statement {
  const values: unknown[] = [resolvedSince, limit];
  let continues = '';
  if (after) {
    values.push(after.open, after.at, after.id);
    continues = `AND ((resolved_at IS NULL), ${SORT_AT}, id) < ($3::boolean, $4::timestamptz, $5::bigint)`;
  }
  return statement(`
    SELECT ${INCIDENT_COLUMNS} FROM ${incidents(schema)}
    WHERE ((resolved_at IS NULL), ${SORT_AT}) >= (false, $1::timestamptz) ${continues}
    ORDER BY (resolved_at IS NULL) DESC, ${SORT_AT} DESC, id DESC
    LIMIT $2`, values);
}

/** The incident `$1`, or no row. */
export function selectIncident(schema: string, id: string): Statement {
  return statement(`SELECT ${INCIDENT_COLUMNS} FROM ${incidents(schema)} WHERE id = $1::bigint`, [id]);
}
