import type { AuditSuggestion, AuditSuggestionField } from '../../core/contracts/audit.ts';
import { rowsOf } from './driver.ts';
import type { SqlQueryable } from './driver.ts';
import * as sql from './sql.ts';

/** Distinct queues, or operators, of the audit log that start with `prefix`: one index probe per value. */
export async function suggestAudit(connection: SqlQueryable, schema: string, field: AuditSuggestionField, prefix: string, limit: number): Promise<AuditSuggestion[]> {
  if (field === 'queue') {
    const rows = await rowsOf<{ name: string }>(connection, sql.selectAuditQueueSuggestions(schema, prefix, limit));
    return rows.map((row) => ({ value: row.name, label: row.name }));
  }
  const rows = await rowsOf<{ id: string; label: string }>(connection, sql.selectAuditOperatorSuggestions(schema, prefix.toLowerCase(), limit));
  return rows.map((row) => ({ value: row.id, label: row.label }));
}
