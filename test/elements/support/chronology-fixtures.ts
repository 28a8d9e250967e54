// Chronology answers for element tests and screenshots, made by the server's own merge of a job's
// or a schedule's fixture and audit records, so the element sees what the API would send for them.
import { auditEntries, chronologyGaps, jobEntries, mergeEntries, scheduleEntries, type ChronologySchedule } from '../../../core/services/chronology-merge.ts';
import type { ChronologyResponse } from '../../../core/vocabulary/chronology.ts';
import type { AuditRecordResponse, JobDetailResponse } from '../../../core/vocabulary/wire.ts';

/** The chronology of `job` with `records` (those naming it), as the API would answer an operator who may read the audit log. */
export function jobChronology(job: JobDetailResponse, records: readonly AuditRecordResponse[], now = Date.now()): ChronologyResponse {
  const { data: _data, output: _output, error: _error, options: _options, timings, progress: _progress, logs: _logs, family: _family, deadLetteredFrom, ...summary } = job;
  const shown = records.map((record) => ({ ...record, resource: record.resource ? { ...record.resource, ids: [job.id] } : null }));
  return {
    subject: { kind: 'job', queue: job.queue, id: job.id },
    job: { ...summary, ...(deadLetteredFrom ? { deadLetteredFrom: { queue: deadLetteredFrom.queue } } : {}) },
    entries: mergeEntries(jobEntries({ ...job, timings }, new Date(now)), auditEntries(shown)),
    audit: 'shown',
    gaps: chronologyGaps({ subject: 'job', job: { ...job, timings }, queueExists: true, records: shown, audit: 'read', moreRecords: false }),
  };
}

/** The chronology of a job the engine no longer has, from its audit records alone. */
export function prunedChronology(queue: string, id: string, records: readonly AuditRecordResponse[]): ChronologyResponse {
  const shown = records.map((record) => ({ ...record, resource: { queue, selection: { ids: [id] }, ids: [id] } }));
  return {
    subject: { kind: 'job', queue, id },
    job: null,
    entries: mergeEntries([], auditEntries(shown)),
    audit: 'shown',
    gaps: chronologyGaps({ subject: 'job', job: null, queueExists: true, records: shown, audit: 'read', moreRecords: false }),
  };
}

/** A queue's chronology from `records`. */
export function queueChronology(queue: string, records: readonly AuditRecordResponse[], more = false): ChronologyResponse {
  return {
    subject: { kind: 'queue', queue },
    job: null,
    entries: mergeEntries([], auditEntries(records)),
    audit: 'shown',
    gaps: chronologyGaps({ subject: 'queue', job: null, queueExists: true, records, audit: 'read', moreRecords: more }),
  };
}

/** A schedule the stand-in engine has: the nightly digest, whose last job ran an hour ago and whose next run is due. */
export const SCHEDULE_STORY = { queue: 'email-send', key: 'nightly-digest' } as const;
/** A schedule an operator ran now and then removed: only the audit log still names it. */
export const REMOVED_SCHEDULE = { queue: 'invoice-sync', key: 'pulse' } as const;

/** The id of the job a fixture schedule's run now made: a uuid, as pg-boss gives it, one per schedule and record. */
export function madeJobId(key: string, index: number): string {
  return `4a7c9e21-0d3b-4f6a-8c5e-${String(key.length).padStart(6, '0')}${String(index).padStart(6, '0')}`;
}

/** Records of schedule actions, made from fixture records so they carry their principals and reasons. */
function scheduleRecords(queue: string, key: string, template: AuditRecordResponse, now: number, actions: readonly ['schedule.run' | 'schedule.remove', number][]): AuditRecordResponse[] {
  return actions.map(([action, minutesAgo], index) => ({
    ...template, id: `aud-sched-${key}-${index}`, action, outcome: 'succeeded', affected: 1, requested: 1,
    occurredAt: new Date(now - minutesAgo * 60_000).toISOString(), completedAt: new Date(now - minutesAgo * 60_000 + 300).toISOString(),
    // A run now names the job it made.
    resource: { queue, selection: { schedule: key }, ids: action === 'schedule.run' ? [madeJobId(key, index)] : [] },
  }));
}

/**
 * The chronology of a schedule over the fixtures: the nightly digest (written two days ago and
 * again yesterday, its last job, a missed run, its next run, one run now), the removed pulse
 * (two records), or null for any other.
 */
export function scheduleChronology(queue: string, key: string, template: AuditRecordResponse, lastJobId: string, now = Date.now()): ChronologyResponse | null {
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  let schedule: ChronologySchedule | 'gone';
  let records: AuditRecordResponse[];
  if (queue === SCHEDULE_STORY.queue && key === SCHEDULE_STORY.key) {
    schedule = { createdAt: at(-2880), updatedAt: at(-1440), nextRuns: [at(90), at(1530)], lastJob: { id: lastJobId, state: 'completed', createdAt: at(-1350) }, missedRunAt: at(-90) };
    records = scheduleRecords(queue, key, template, now, [['schedule.run', 60]]);
  } else if (queue === REMOVED_SCHEDULE.queue && key === REMOVED_SCHEDULE.key) {
    schedule = 'gone';
    records = scheduleRecords(queue, key, template, now, [['schedule.run', 240], ['schedule.remove', 30]]);
  } else {
    return null;
  }
  return {
    subject: { kind: 'schedule', queue, key },
    job: null,
    entries: mergeEntries(schedule === 'gone' ? [] : scheduleEntries(schedule, new Date(now)), auditEntries(records)),
    audit: 'shown',
    gaps: chronologyGaps({ subject: 'schedule', job: null, queueExists: true, schedule, records, audit: 'read', moreRecords: false }),
  };
}
