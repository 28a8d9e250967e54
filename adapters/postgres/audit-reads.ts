import type { AuditFilter, AuditPage, AuditQuery, AuditRecord } from '../../core/contracts/audit.ts';
import { checkAuditFilter, checkAuditLimit } from './audit-filter.ts';
import { fromAuditCursor, isAuditId, toAuditCursor } from './audit-position.ts';
import type { AuditPosition } from './audit-position.ts';
import { rowsOf } from './driver.ts';
import type { SqlQueryable } from './driver.ts';
import { toAuditPosition, toAuditRecord } from './rows.ts';
import type { AuditRow } from './rows.ts';
import * as sql from './sql.ts';

/** One record, or null for an id that is unknown or could not be one. */
export async function getAudit(connection: SqlQueryable, schema: string, id: string): Promise<AuditRecord | null> {
  if (!isAuditId(id)) return null;
  const [row] = await rowsOf<AuditRow>(connection, sql.selectAudit(schema, id));
  return row ? toAuditRecord(row) : null;
}

/** One page, newest first. `next` is null on the last page. */
export async function listAudit(connection: SqlQueryable, schema: string, query: AuditQuery): Promise<AuditPage> {
  const filter = checkAuditFilter(query);
  const limit = checkAuditLimit(query.limit);
  const after = query.after === undefined ? null : fromAuditCursor(query.after);
  // One row more than the page tells whether another page follows, without a page that is empty.
  const rows = await rowsOf<AuditRow>(connection, sql.selectAuditPage(schema, { filter, after, limit: limit + 1 }));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    records: page.map(toAuditRecord),
    next: rows.length > limit && last ? toAuditCursor(toAuditPosition(last)) : null,
  };
}

/**
 * Every matching record, newest first, one keyset query of `batchSize` rows at a time. The filter
 * is checked now, so a bad one fails before an export starts streaming. Each batch continues after
 * the last record of the one before, so no record comes twice even while others are being written.
 */
export function exportAudit(connection: SqlQueryable, schema: string, filter: AuditFilter, batchSize: number): AsyncIterable<AuditRecord> {
  const checked = checkAuditFilter(filter);
  return (async function* batches() {
    let after: AuditPosition | null = null;
    for (;;) {
      const rows = await rowsOf<AuditRow>(connection, sql.selectAuditPage(schema, { filter: checked, after, limit: batchSize }));
      for (const row of rows) yield toAuditRecord(row);
      const last = rows.at(-1);
      if (rows.length < batchSize || !last) return;
      after = toAuditPosition(last);
    }
  })();
}
