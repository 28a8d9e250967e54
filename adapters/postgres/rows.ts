// Rows as `sql.ts` selects them, mapped to the contract's records. Timestamps arrive as ISO text
// and jsonb as parsed values, on `pg` and PGlite alike.
import type { AuditedAction, OperatorAction } from '../../core/vocabulary/actions.ts';
import type { AuditOutcome } from '../../core/vocabulary/audit-outcomes.ts';
import type { AuditRecord } from '../../core/contracts/audit.ts';
import type { IdempotencyReceipt, StoredPreview } from '../../core/contracts/preview.ts';
import type { JobSelection } from '../../core/vocabulary/job-selection.ts';
import type { AuditPosition } from './audit-position.ts';

/** A row of the audit columns in `sql.ts`. */
export interface AuditRow {
  readonly record_id: string;
  readonly occurred: string;
  readonly completed: string | null;
  readonly principal_id: string;
  readonly principal_type: string;
  readonly principal_label: string;
  readonly action: AuditedAction;
  /** Null, with `selection` and `job_ids`, on a record that touched no jobs. */
  readonly queue: string | null;
  readonly selection: JobSelection | null;
  readonly job_ids: string[] | null;
  readonly requested: number;
  readonly affected: number | null;
  readonly outcome: AuditOutcome;
  readonly reason: string;
  readonly plan_hash: string;
  readonly correlation_id: string;
  /** occurred_at with microseconds, for paging. */
  readonly position_at: string;
}

export interface PreviewRow {
  readonly token_hash: string;
  readonly principal_id: string;
  readonly action: OperatorAction;
  readonly queue: string;
  readonly selection: JobSelection;
  readonly plan: StoredPreview['plan'];
  readonly plan_hash: string;
  readonly created: string;
  readonly expires: string;
  readonly consumed: string | null;
}

export interface ReceiptRow {
  readonly principal_id: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
  readonly created: string;
}

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: row.record_id,
    occurredAt: row.occurred,
    completedAt: row.completed,
    principal: { id: row.principal_id, type: row.principal_type, label: row.principal_label },
    action: row.action,
    resource: row.queue === null || row.selection === null ? null : { queue: row.queue, selection: row.selection, ids: row.job_ids ?? [] },
    requested: row.requested,
    affected: row.affected,
    outcome: row.outcome,
    reason: row.reason,
    planHash: row.plan_hash,
    correlationId: row.correlation_id,
  };
}

/** Where paging continues after this row. */
export function toAuditPosition(row: AuditRow): AuditPosition {
  return { occurredAt: row.position_at, id: row.record_id };
}

export function toStoredPreview(row: PreviewRow): StoredPreview {
  return {
    tokenHash: row.token_hash,
    principalId: row.principal_id,
    action: row.action,
    queue: row.queue,
    selection: row.selection,
    plan: row.plan,
    planHash: row.plan_hash,
    createdAt: row.created,
    expiresAt: row.expires,
    consumedAt: row.consumed,
  };
}

export function toReceipt(row: ReceiptRow): IdempotencyReceipt {
  return { principalId: row.principal_id, key: row.key, fingerprint: row.fingerprint, status: row.status, body: row.body, createdAt: row.created };
}
