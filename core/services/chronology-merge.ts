import type { ChronologyAuditEntry, ChronologyEntry, ChronologyGap, ChronologyJobEntry, ChronologyScheduleEntry, JobPoint, SchedulePoint } from '../vocabulary/chronology.ts';
import type { AuditRecordResponse, JobDetailResponse, ScheduleResponse } from '../vocabulary/wire.ts';

/** What of a job the chronology reads, as the presenter shows it (so the display policy applies). */
export type ChronologyJob = Pick<JobDetailResponse, 'state' | 'attempts' | 'errorMessage' | 'timings'>;

/** What of a schedule the chronology reads: its times and its last job, never its data. */
export type ChronologySchedule = Pick<ScheduleResponse, 'createdAt' | 'updatedAt' | 'nextRuns' | 'lastJob' | 'missedRunAt'>;

/** Audit and job clocks may differ a little; a record this much older than the job still counts as its own. */
const CLOCK_SLACK_MS = 1000;

const time = (iso: string): number => Date.parse(iso);

/**
 * The points of a job's life the engine keeps a time for, from its record as it is now. An engine
 * keeps one start and one end per job: those of its last attempt.
 */
export function jobEntries(job: ChronologyJob, now: Date): ChronologyJobEntry[] {
  const { createdAt, runAfter, startedAt, finishedAt, keepUntil } = job.timings;
  const made = job.attempts.made;
  const entries: ChronologyJobEntry[] = [];
  const add = (point: JobPoint, at: string, extra: Partial<Pick<ChronologyJobEntry, 'attempt' | 'errorMessage'>> = {}) =>
    entries.push({ source: 'job', at, point, ...extra, future: time(at) > now.getTime() });
  add('created', createdAt);
  const retrying = job.state === 'retrying';
  // A run delayed at creation; a retrying job's run after is its next attempt's, said below.
  if (runAfter && !retrying && time(runAfter) - time(createdAt) >= 1000) add('run_after', runAfter);
  if (startedAt) add('started', startedAt, made > 0 ? { attempt: made } : {});
  if (finishedAt) {
    const point: JobPoint = job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled' ? job.state : 'finished';
    add(point, finishedAt, point === 'failed' ? { errorMessage: job.errorMessage, ...(made > 0 ? { attempt: made } : {}) } : {});
  }
  if (retrying && runAfter) add('retry_at', runAfter, { attempt: made + 1, errorMessage: job.errorMessage });
  if (keepUntil) add('kept_until', keepUntil);
  return entries;
}

/**
 * The points of a schedule's life the engine keeps, from its record as it is now: when it was
 * written and last changed, the last job it made (when the engine still knows when), a run due
 * since that made no job, and its next run. An engine keeps no earlier runs.
 */
export function scheduleEntries(schedule: ChronologySchedule, now: Date): ChronologyScheduleEntry[] {
  const entries: ChronologyScheduleEntry[] = [];
  const add = (point: SchedulePoint, at: string, extra: Partial<Pick<ChronologyScheduleEntry, 'job'>> = {}) =>
    entries.push({ source: 'schedule', at, point, ...extra, future: time(at) > now.getTime() });
  add('created', schedule.createdAt);
  // Written again by the application at each start, often to the same timetable: said only when later.
  if (time(schedule.updatedAt) - time(schedule.createdAt) >= 1000) add('updated', schedule.updatedAt);
  const last = schedule.lastJob;
  if (last?.createdAt) add('last_job', last.createdAt, { job: { id: last.id, state: last.state } });
  if (schedule.missedRunAt) add('missed_run', schedule.missedRunAt);
  const next = schedule.nextRuns[0];
  if (next) add('next_run', next);
  return entries;
}

/** Audit records as entries, at the time each action was taken. */
export function auditEntries(records: readonly AuditRecordResponse[]): ChronologyAuditEntry[] {
  return records.map((record) => ({ source: 'audit', at: record.occurredAt, record }));
}

/**
 * One list, oldest first. Entries at the same moment keep the engine's (the job's or the
 * schedule's) before the audit's (an action follows what it acts on), and each source's own order.
 */
export function mergeEntries(engine: readonly (ChronologyJobEntry | ChronologyScheduleEntry)[], audit: readonly ChronologyAuditEntry[]): ChronologyEntry[] {
  const ordered = [...audit].sort((a, b) => time(a.at) - time(b.at) || a.record.id.localeCompare(b.record.id));
  const all: ChronologyEntry[] = [...engine, ...ordered];
  return all
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => time(a.entry.at) - time(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** What the chronology of a job, a queue or a schedule knows and how it was read. */
export interface GapInput {
  readonly subject: 'job' | 'queue' | 'schedule';
  /** The job as the engine has it now; null when it has it no longer (or for a queue or a schedule). */
  readonly job: ChronologyJob | null;
  /**
   * Only for a schedule's chronology: the schedule as the engine has it now, `gone` when it has it
   * no longer, `hidden` when the operator may not read schedules.
   */
  readonly schedule?: ChronologySchedule | 'gone' | 'hidden';
  /** False when the queue itself is unknown to the engine (only for a queue's chronology). */
  readonly queueExists: boolean;
  /** The records read; null when they were not (see `audit`). */
  readonly records: readonly AuditRecordResponse[] | null;
  /** Whether the audit log was read, hidden from the operator, or could not be read. */
  readonly audit: 'read' | 'hidden' | 'unreadable';
  /** More records match than were read. */
  readonly moreRecords: boolean;
}

/** Plain statements of what the chronology cannot show, in the order a reader needs them. */
export function chronologyGaps(input: GapInput): ChronologyGap[] {
  const gaps: ChronologyGap[] = [];
  const { job, records } = input;
  if (input.subject === 'job' && job === null) {
    gaps.push({ code: 'job_gone', detail: 'The engine no longer has this job: it was removed, or pruned once its retention ended. Its states, attempts and errors are gone; only the audit records remain.' });
  }
  if (input.subject === 'queue') {
    gaps.push(input.queueExists
      ? { code: 'queue_history_not_kept', detail: "The engine keeps no history of the queue itself: this lists the operator actions on it from the audit log. Its jobs' own lives are on each job's page." }
      : { code: 'queue_gone', detail: 'The engine no longer has this queue; only the audit records remain.' });
  }
  if (input.subject === 'schedule') gaps.push(...scheduleGaps(input.schedule ?? 'gone'));
  if (job && job.attempts.made > 1) {
    const count = job.attempts.made - 1;
    gaps.push({ code: 'earlier_attempts_untimed', count, detail: `The engine keeps the times of the last attempt only: when the ${count} attempt(s) before it started and failed is not known.` });
  }
  if (input.audit === 'hidden') {
    gaps.push({ code: 'audit_hidden', detail: 'Audit records are not included: reading the audit log needs the audit.view permission.' });
  }
  if (input.audit === 'unreadable') {
    gaps.push({ code: 'audit_unreadable', detail: 'Audit records are not included: the audit log could not be read. Try again.' });
  }
  if (records === null) return gaps;
  if (job) {
    const created = time(job.timings.createdAt) - CLOCK_SLACK_MS;
    const older = records.filter((record) => time(record.occurredAt) < created).length;
    if (older > 0) {
      gaps.push({ code: 'audit_before_created', count: older, detail: `${older} audit record(s) are older than the job: they concern an earlier job with the same id.` });
    }
  }
  for (const record of records) {
    if (record.outcome !== 'pending') continue;
    gaps.push({ code: 'outcome_unrecorded', recordId: record.id, detail: `The outcome of ${record.action} at ${record.occurredAt} was never recorded: the action may or may not have changed anything.` });
  }
  if (input.moreRecords) {
    gaps.push({ code: 'audit_more', detail: 'Older audit records are not included here; the audit log has them all.' });
  }
  return gaps;
}

/** What a schedule's chronology cannot show of the schedule itself. */
function scheduleGaps(schedule: ChronologySchedule | 'gone' | 'hidden'): ChronologyGap[] {
  if (schedule === 'hidden') {
    return [{ code: 'schedule_hidden', detail: 'The schedule itself is not included: reading schedules needs the schedules.view permission. The audit records of actions on it are.' }];
  }
  if (schedule === 'gone') {
    return [{ code: 'schedule_gone', detail: 'The engine no longer has this schedule: it was removed, or the application no longer creates it. Its timetable and the jobs it made are not known here; only the audit records remain.' }];
  }
  const gaps: ChronologyGap[] = [{
    code: 'schedule_runs_not_kept',
    detail: "The engine keeps no history of the schedule's runs: only the last job it made, and a run missed since. Earlier runs, and whether they made a job, are not known.",
  }];
  const last = schedule.lastJob;
  if (last && !last.createdAt) {
    gaps.push({ code: 'last_job_gone', jobId: last.id, detail: `The engine no longer has the last job the schedule made (${last.id}): when it was made and how it went are not known.` });
  }
  return gaps;
}
