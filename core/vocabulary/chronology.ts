import type { JobState } from './job-states.ts';
import type { AuditRecordResponse, JobSummaryResponse } from './wire.ts';

/** The most audit records one chronology reads; older ones are left to the audit log, and it says so. */
export const CHRONOLOGY_AUDIT_LIMIT = 100;

/**
 * What a chronology is the story of: a job, a queue, or one recurring schedule of a queue (by its
 * key, empty for pg-boss's schedule without one).
 */
export type ChronologySubject =
  | { readonly kind: 'job'; readonly queue: string; readonly id: string }
  | { readonly kind: 'queue'; readonly queue: string }
  | { readonly kind: 'schedule'; readonly queue: string; readonly key: string };

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

/**
 * The points of a schedule's life the engine keeps: when it was written and last changed, the
 * last job it made, a run that was due and made no job, and its next run.
 */
export const SCHEDULE_POINTS = ['created', 'updated', 'last_job', 'missed_run', 'next_run'] as const;
export type SchedulePoint = (typeof SCHEDULE_POINTS)[number];

/** A point of a schedule's life, from the engine's record of the schedule as it is now. */
export interface ChronologyScheduleEntry {
  readonly source: 'schedule';
  readonly at: string;
  readonly point: SchedulePoint;
  /** last_job: the job it made last, and its state now (null when the engine no longer has it). */
  readonly job?: { readonly id: string; readonly state: JobState | null };
  /** True for a time still to come (the next run). */
  readonly future: boolean;
}

/** An operator action from the audit log that touched the subject. */
export interface ChronologyAuditEntry {
  readonly source: 'audit';
  /** When the action was taken (the record's occurredAt). */
  readonly at: string;
  readonly record: AuditRecordResponse;
}

export type ChronologyEntry = ChronologyJobEntry | ChronologyScheduleEntry | ChronologyAuditEntry;

/** What a chronology cannot show, each said once. */
export const CHRONOLOGY_GAPS = [
  'job_gone', 'queue_gone', 'earlier_attempts_untimed', 'outcome_unrecorded', 'audit_hidden', 'audit_unreadable', 'audit_more', 'audit_before_created', 'queue_history_not_kept',
  'schedule_gone', 'schedule_runs_not_kept', 'schedule_hidden', 'last_job_gone',
] as const;
export type ChronologyGapCode = (typeof CHRONOLOGY_GAPS)[number];

/** One thing the chronology does not know, and why. */
export interface ChronologyGap {
  readonly code: ChronologyGapCode;
  /** The statement in English, for API clients; the console words it from `code`. */
  readonly detail: string;
  /** outcome_unrecorded: the record whose outcome is missing. */
  readonly recordId?: string;
  /** last_job_gone: the id of the job the schedule made last, which the engine no longer has. */
  readonly jobId?: string;
  /** earlier_attempts_untimed: how many attempts; audit_before_created: how many records. */
  readonly count?: number;
}

/** A job's, a queue's or a schedule's story: what the engine and the audit log know of it, oldest first, and what is missing. */
export interface ChronologyResponse {
  readonly subject: ChronologySubject;
  /** The job as the engine has it now; null for a job the engine no longer has, and for a queue or a schedule. */
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
