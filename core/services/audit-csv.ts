import type { AuditRecordResponse } from '../vocabulary/wire.ts';

const COLUMNS = [
  'id', 'occurred_at', 'completed_at', 'principal_id', 'principal_type', 'principal_label', 'action', 'queue',
  'selection', 'job_ids', 'requested', 'affected', 'outcome', 'reason', 'plan_hash', 'correlation_id',
] as const;

export const AUDIT_CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula (leading =, +, -, @, tab or
 * carriage return) is prefixed with an apostrophe, since reasons and labels are free text.
 */
function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsvRow(record: AuditRecordResponse): string {
  const resource = record.resource;
  const selection = resource === null ? null : 'whole' in resource.selection ? 'queue' : 'schedule' in resource.selection ? `schedule=${resource.selection.schedule}` : 'ids' in resource.selection ? 'ids' : `state=${resource.selection.filter.state}`;
  return [
    record.id, record.occurredAt, record.completedAt, record.principal.id, record.principal.type, record.principal.label,
    record.action, resource?.queue ?? null, selection, resource?.ids.join(' ') ?? null, record.requested, record.affected,
    record.outcome, record.reason, record.planHash, record.correlationId,
  ].map(field).join(',') + '\r\n';
}
