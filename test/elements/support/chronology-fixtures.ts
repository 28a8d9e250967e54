// Chronology answers for element tests and screenshots, made by the server's own merge of a job's
// fixture and audit records, so the element sees what the API would send for them.
import { auditEntries, chronologyGaps, jobEntries, mergeEntries } from '../../../core/services/chronology-merge.ts';
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
