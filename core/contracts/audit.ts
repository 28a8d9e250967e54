import type { AuditedAction } from '../vocabulary/actions.ts';
import type { AuditOutcome } from '../vocabulary/audit-outcomes.ts';
import type { AuditPrincipal } from './auth.ts';
import type { ActionSubject } from '../vocabulary/job-selection.ts';

/** What an audited action touched. */
export interface AuditResource {
  readonly queue: string;
  /** The jobs acted on, or `{ whole: 'queue' }` for an action on the queue itself. */
  readonly selection: ActionSubject;
  /** The ids of the jobs in the plan (at most the console's cap); empty for a queue action. */
  readonly ids: readonly string[];
}

/** One append-only record of an operator action, or of a bridge opened. Never holds the preview token. */
export interface AuditRecord {
  readonly id: string;
  readonly occurredAt: string;
  /** When the outcome was recorded; null while pending. */
  readonly completedAt: string | null;
  readonly principal: AuditPrincipal;
  readonly action: AuditedAction;
  /** The jobs an operator action touched; null for a record that touched none (a bridge opened). */
  readonly resource: AuditResource | null;
  /** How many jobs the previewed plan held; 1 for a queue action (the queue). */
  readonly requested: number;
  /** How many jobs the engine changed (for a queue action, 1 if the queue changed); null while pending. */
  readonly affected: number | null;
  readonly outcome: AuditOutcome;
  readonly reason: string;
  readonly planHash: string;
  /** Ties the record to the request that made it, and to logs. */
  readonly correlationId: string;
}

export type NewAuditRecord = Omit<AuditRecord, 'id' | 'completedAt'> & { readonly completedAt?: string | null };

/** Filters of the audit log; all optional, combined with AND. */
export interface AuditFilter {
  readonly principalId?: string;
  readonly action?: AuditedAction;
  readonly queue?: string;
  /** Records whose plan held this job id. */
  readonly jobId?: string;
  /**
   * Records of actions on the schedule with this key (`schedule.run`, `schedule.remove`, whose
   * selection is `{ schedule: key }`); with `queue`, that queue's schedule. `''` is the key of
   * pg-boss's schedule without one.
   */
  readonly schedule?: string;
  readonly outcome?: AuditOutcome;
  /** ISO timestamps, inclusive `from`, exclusive `to`. */
  readonly from?: string;
  readonly to?: string;
}

export interface AuditQuery extends AuditFilter {
  readonly limit: number;
  /** Continue after this record (exclusive), newest first. */
  readonly after?: readonly (string | number)[];
}

export interface AuditPage {
  readonly records: readonly AuditRecord[];
  readonly next: readonly (string | number)[] | null;
}

/** The audit filters that suggest values as they are typed. */
export const AUDIT_SUGGESTION_FIELDS = Object.freeze(['operator', 'queue'] as const);

export type AuditSuggestionField = (typeof AUDIT_SUGGESTION_FIELDS)[number];

/**
 * A value of the audit log that an audit filter may take: for `operator`, a principal's id
 * (`value`) and the label recorded with it; for `queue`, its name (both).
 */
export interface AuditSuggestion {
  readonly value: string;
  readonly label: string;
}
