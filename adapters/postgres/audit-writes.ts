import type { AuditOutcome } from '../../core/vocabulary/audit-outcomes.ts';
import type { AuditRecord, NewAuditRecord } from '../../core/contracts/audit.ts';
import { isAuditId } from './audit-position.ts';
import { rowsOf } from './driver.ts';
import type { SqlQueryable } from './driver.ts';
import { toAuditRecord } from './rows.ts';
import type { AuditRow } from './rows.ts';
import * as sql from './sql.ts';

/** Appends a record on `connection` (the pool, or an open transaction) and returns it as stored. */
export async function appendAudit(connection: SqlQueryable, schema: string, record: NewAuditRecord): Promise<AuditRecord> {
  const [row] = await rowsOf<AuditRow>(connection, sql.insertAudit(schema, record));
  // INSERT ... RETURNING yields exactly one row.
  return toAuditRecord(row!);
}

/**
 * Completes a pending intent, adding `jobIds` (the jobs the action made) to the jobs it names.
 * Anything but a pending record is refused: completing twice, or rewriting a finished record,
 * would make the log say something other than what happened; so are ids for a record without a
 * resource, which names no jobs.
 */
export async function completeIntent(
  connection: SqlQueryable,
  schema: string,
  id: string,
  outcome: Exclude<AuditOutcome, 'pending'>,
  affected: number,
  at: string,
  jobIds: readonly string[] = [],
): Promise<AuditRecord> {
  if (outcome !== 'succeeded' && outcome !== 'failed') {
    throw new RangeError(`ops-jobs: an intent completes as 'succeeded' or 'failed'; got ${JSON.stringify(outcome)}.`);
  }
  if (!Number.isInteger(affected) || affected < 0) {
    throw new RangeError(`ops-jobs: affected must be a count of jobs (an integer, 0 or more); got ${JSON.stringify(affected)}.`);
  }
  if (!Array.isArray(jobIds) || jobIds.some((jobId) => typeof jobId !== 'string' || jobId === '')) {
    throw new RangeError(`ops-jobs: the jobs an intent made are named by their ids (strings, not empty); got ${JSON.stringify(jobIds)}.`);
  }
  if (isAuditId(id)) {
    const [row] = await rowsOf<AuditRow>(connection, sql.completeIntent(schema, id, outcome, affected, at, [...new Set(jobIds)]));
    if (row) return toAuditRecord(row);
    const [existing] = await rowsOf<AuditRow>(connection, sql.selectAudit(schema, id));
    if (existing?.outcome === 'pending') {
      throw new Error(`ops-jobs: audit record ${id} has no resource, so it cannot name the jobs ${JSON.stringify(jobIds)}.`);
    }
    if (existing) {
      throw new Error(`ops-jobs: audit record ${id} is not a pending intent (its outcome is already '${existing.outcome}'), so it cannot be completed.`);
    }
  }
  throw new Error(`ops-jobs: there is no audit record ${JSON.stringify(id)} to complete.`);
}
