import type { AuditRecordResponse, JobSummaryResponse } from './wire.ts';

/** The most audit records one chronology reads; older ones are left to the audit log, and it says so. */
export const CHRONOLOGY_AUDIT_LIMIT = 100;

/**
 * What a chronology is the story of. A schedule's (`{ kind: 'schedule', queue, key }`) joins once
 * the audit log records schedule actions with their key: it needs only a filter of the audit log
 * on that key, served by an index, and no engine read beyond the schedule itself.
 */
export type ChronologySubject =
  | { readonly kind: 'job'; readonly queue: string; readonly id: string }
  | { readonly kind: 'queue'; readonly queue: string };

/** The points of a job's life the engine keeps a time for. */
export const JOB_POINTS = ['created', 'run_after', 'started', 'retry_at', 'completed', 'failed', 'cancelled', 'finished', 'kept_until'] as const;
export type JobPoint = (typeof JOB_POINTS)[number];

/** A point of the job's life, from the engine's record of the job as it is now. */
export interface ChronologyJobEntry {
  readonly source: 'job';
  readonly at: string;
  readonly point: JobPoint;
  /** started, retry_at, failed: the attempt it belongs to (1 for the first), where the engine counts them. */
  readonly attempt?: number;
  /** failed, retry_at: the failure's message as the display policy shows it; null when hidden or none. */
  readonly errorMessage?: string | null;
  /** True for a time still to come (a run or retry planned, the retention's end). */
  readonly future: boolean;
}

/** An operator action from the audit log that touched the subject. */
export interface ChronologyAuditEntry {
  readonly source: 'audit';
  /** When the action was taken (the record's occurredAt). */
  readonly at: string;
  readonly record: AuditRecordResponse;
}

export type ChronologyEntry = ChronologyJobEntry | ChronologyAuditEntry;

/** What a chronology cannot show, each said once. */
export const CHRONOLOGY_GAPS = [
  'job_gone', 'queue_gone', 'earlier_attempts_untimed', 'outcome_unrecorded', 'audit_hidden', 'audit_unreadable', 'audit_more', 'audit_before_created', 'queue_history_not_kept',
] as const;
export type ChronologyGapCode = (typeof CHRONOLOGY_GAPS)[number];

/** One thing the chronology does not know, and why. */
export interface ChronologyGap {
  readonly code: ChronologyGapCode;
  /** The statement in English, for API clients; the console words it from `code`. */
  readonly detail: string;
  /** outcome_unrecorded: the record whose outcome is missing. */
  readonly recordId?: string;
  /** earlier_attempts_untimed: how many attempts; audit_before_created: how many records. */
  readonly count?: number;
}

/** A job's or a queue's story: what the engine and the audit log know of it, oldest first, and what is missing. */
export interface ChronologyResponse {
  readonly subject: ChronologySubject;
  /** The job as the engine has it now; null for a job the engine no longer has, and for a queue. */
  readonly job: JobSummaryResponse | null;
  /** Oldest first; times to come (a planned run, the retention's end) last. */
  readonly entries: readonly ChronologyEntry[];
  /**
   * Whether audit records are included: `hidden` when the operator may not read the audit log,
   * `unreadable` when it could not be read (the rest of the chronology is still told).
   */
  readonly audit: 'shown' | 'hidden' | 'unreadable';
  readonly gaps: readonly ChronologyGap[];
}
