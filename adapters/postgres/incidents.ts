import type { Incident, IncidentChanges, IncidentCursor, IncidentPage, IncidentQuery, IncidentSweep } from '../../core/contracts/incidents.ts';
import type { IncidentKind, IncidentResolution } from '../../core/vocabulary/incident-kinds.ts';
import { rowsOf } from './driver.ts';
import type { SqlQueryable } from './driver.ts';
import * as sql from './incident-sql.ts';

/** Open incidents resolved per sweep at most; the rest are resolved by the next sweeps. */
export const RESOLVE_BATCH = 500;
/** Resolved incidents are kept this long, then deleted a bounded batch per sweep. */
export const RESOLVED_RETENTION_MS = 30 * 86_400_000;
const PURGE_BATCH = 500;

/** A row of the incident columns in `incident-sql.ts`. */
interface IncidentRow {
  readonly incident_id: string;
  readonly fingerprint: string;
  readonly kind: IncidentKind;
  readonly queue: string;
  readonly job_id: string | null;
  readonly count: number;
  readonly first_seen: string;
  readonly last_seen: string;
  readonly resolved: string | null;
  readonly resolution: IncidentResolution | null;
  readonly is_open: boolean;
  readonly position_at: string;
}

function toIncident(row: IncidentRow): Incident {
  return {
    id: row.incident_id, fingerprint: row.fingerprint, kind: row.kind, queue: row.queue, jobId: row.job_id, count: Number(row.count),
    firstSeenAt: row.first_seen, lastSeenAt: row.last_seen, resolvedAt: row.resolved, resolution: row.resolution,
  };
}

const cursorOf = (row: IncidentRow): IncidentCursor => ({ open: row.is_open, at: row.position_at, id: row.incident_id });

/** Upserts what a sweep observed, then resolves what it no longer sees, in one transaction. */
export async function recordIncidents(run: <T>(work: (connection: SqlQueryable) => Promise<T>) => Promise<T>, schema: string, sweep: IncidentSweep): Promise<IncidentChanges> {
  return await run(async (connection) => {
    const opened = sweep.observed.length === 0 ? [] : await rowsOf<IncidentRow>(connection, sql.upsertIncidents(schema, sweep.at, sweep.observed));
    const cleared = await rowsOf<IncidentRow>(connection, sql.resolveCleared(schema, sweep.at, sweep.observed.map((entry) => entry.fingerprint), sweep.unsure, RESOLVE_BATCH));
    await rowsOf(connection, sql.purgeResolvedIncidents(schema, new Date(Date.parse(sweep.at) - RESOLVED_RETENTION_MS).toISOString(), PURGE_BATCH));
    return { opened: opened.map(toIncident), resolved: cleared.map(toIncident) };
  });
}

export async function listIncidents(connection: SqlQueryable, schema: string, query: IncidentQuery): Promise<IncidentPage> {
  const rows = await rowsOf<IncidentRow>(connection, sql.selectIncidentPage(schema, query.resolvedSince, query.limit + 1, query.after));
  const page = rows.slice(0, query.limit);
  return { incidents: page.map(toIncident), next: rows.length > query.limit ? cursorOf(page.at(-1)!) : null };
}

export async function getIncident(connection: SqlQueryable, schema: string, id: string): Promise<Incident | null> {
  if (!/^[1-9]\d{0,18}$/.test(id)) return null;
  const [row] = await rowsOf<IncidentRow>(connection, sql.selectIncident(schema, id));
  return row ? toIncident(row) : null;
}

export async function resolveJobIncidents(connection: SqlQueryable, schema: string, queue: string, jobIds: readonly string[], at: string): Promise<readonly Incident[]> {
  if (jobIds.length === 0) return [];
  return (await rowsOf<IncidentRow>(connection, sql.resolveJobIncidents(schema, queue, jobIds, at))).map(toIncident);
}
