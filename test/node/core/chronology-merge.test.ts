// The chronology's own logic, without an engine or a store: which points of a job's life it lists,
// and of a schedule's, how it merges them with audit records, and what it says is missing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEntries, chronologyGaps, jobEntries, mergeEntries, scheduleEntries, type ChronologyJob, type ChronologySchedule } from '../../../core/services/chronology-merge.ts';
import type { AuditRecordResponse } from '../../../core/vocabulary/wire.ts';

const now = new Date('2026-12-01T12:00:00.000Z');
const t = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

function job(overrides: Partial<Omit<ChronologyJob, 'timings'>> & { timings?: Partial<ChronologyJob['timings']> } = {}): ChronologyJob {
  return {
    state: 'completed', attempts: { made: 1, max: 1 }, errorMessage: null, ...overrides,
    timings: { createdAt: t(-60), runAfter: t(-60), startedAt: t(-59), finishedAt: t(-58), keepUntil: t(60), ...overrides.timings },
  };
}

function record(id: string, at: string, outcome: AuditRecordResponse['outcome'] = 'succeeded'): AuditRecordResponse {
  return {
    id, occurredAt: at, completedAt: outcome === 'pending' ? null : at, principal: { id: 'u', type: 'user', label: 'U' }, action: 'job.retry',
    resource: { queue: 'q', selection: { ids: ['j'] }, ids: ['j'] }, requested: 1, affected: outcome === 'pending' ? null : 1, outcome,
    reason: 'r', planHash: 'h', correlationId: 'c',
  };
}

test('a completed job: created, started and completed, the retention\'s end still to come; a run after at creation is not repeated', () => {
  const entries = jobEntries(job(), now);
  assert.deepEqual(entries.map((entry) => [entry.point, entry.future]), [['created', false], ['started', false], ['completed', false], ['kept_until', true]]);
  assert.equal(entries[1]?.attempt, 1);
});

test('a delayed job that has not started: its run after, in the future', () => {
  const entries = jobEntries(job({ state: 'scheduled', timings: { runAfter: t(30), startedAt: null, finishedAt: null, keepUntil: null } }), now);
  assert.deepEqual(entries.map((entry) => [entry.point, entry.future]), [['created', false], ['run_after', true]]);
});

test('a failed job carries its error on the failure, with the attempt', () => {
  const entries = jobEntries(job({ state: 'failed', attempts: { made: 3, max: 3 }, errorMessage: 'boom' }), now);
  const failed = entries.find((entry) => entry.point === 'failed');
  assert.deepEqual([failed?.attempt, failed?.errorMessage], [3, 'boom']);
});

test('a retrying job: its next attempt at its run after, with the last error; no run after of its own', () => {
  const entries = jobEntries(job({ state: 'retrying', attempts: { made: 2, max: 5 }, errorMessage: 'smtp', timings: { runAfter: t(5), finishedAt: null } }), now);
  assert.deepEqual(entries.map((entry) => entry.point), ['created', 'started', 'retry_at', 'kept_until']);
  const retry = entries.find((entry) => entry.point === 'retry_at');
  assert.deepEqual([retry?.attempt, retry?.errorMessage, retry?.future], [3, 'smtp', true]);
});

test('merging: oldest first, a job point before an action at the same moment, records in time order whatever order they came in', () => {
  const merged = mergeEntries(jobEntries(job(), now), auditEntries([record('3', t(-10)), record('2', t(-58)), record('1', t(-90))]));
  assert.deepEqual(merged.map((entry) => (entry.source === 'audit' ? entry.record.id : entry.point)), ['1', 'created', 'started', 'completed', '2', '3', 'kept_until']);
});

test('gaps: a job gone, hidden audit, earlier attempts, records older than the job, an outcome never recorded, more records', () => {
  assert.deepEqual(chronologyGaps({ subject: 'job', job: null, queueExists: true, records: [record('1', t(-5))], audit: 'read', moreRecords: false }).map((gap) => gap.code), ['job_gone']);
  const hidden = chronologyGaps({ subject: 'job', job: job({ attempts: { made: 3, max: 3 } }), queueExists: true, records: null, audit: 'hidden', moreRecords: true });
  assert.deepEqual(hidden.map((gap) => [gap.code, gap.count]), [['earlier_attempts_untimed', 2], ['audit_hidden', undefined]]);
  const full = chronologyGaps({ subject: 'job', job: job(), queueExists: true, records: [record('1', t(-120)), record('2', t(-30), 'pending'), record('3', t(-60.01))], audit: 'read', moreRecords: true });
  assert.deepEqual(full.map((gap) => [gap.code, gap.count ?? gap.recordId ?? null]), [['audit_before_created', 1], ['outcome_unrecorded', '2'], ['audit_more', null]]);
  assert.deepEqual(chronologyGaps({ subject: 'job', job: job(), queueExists: true, records: [], audit: 'read', moreRecords: false }), []);
});

test('an audit log that could not be read is said so, and what the engine knows still is', () => {
  const gaps = chronologyGaps({ subject: 'job', job: job({ attempts: { made: 2, max: 3 } }), queueExists: true, records: null, audit: 'unreadable', moreRecords: false });
  assert.deepEqual(gaps.map((gap) => gap.code), ['earlier_attempts_untimed', 'audit_unreadable']);
});

test('gaps of a queue: that the engine keeps no history of it, or that it is gone', () => {
  assert.deepEqual(chronologyGaps({ subject: 'queue', job: null, queueExists: true, records: [], audit: 'read', moreRecords: false }).map((gap) => gap.code), ['queue_history_not_kept']);
  assert.deepEqual(chronologyGaps({ subject: 'queue', job: null, queueExists: false, records: [record('1', t(0))], audit: 'read', moreRecords: false }).map((gap) => gap.code), ['queue_gone']);
});

function schedule(overrides: Partial<ChronologySchedule> = {}): ChronologySchedule {
  return { createdAt: t(-600), updatedAt: t(-600), nextRuns: [t(5), t(65)], lastJob: { id: 'j9', state: 'completed', createdAt: t(-55) }, missedRunAt: null, ...overrides };
}

test("a schedule: written, its last job, a missed run and its next run; a rewrite to the same moment is not repeated", () => {
  const entries = scheduleEntries(schedule({ missedRunAt: t(-10) }), now);
  assert.deepEqual(entries.map((entry) => [entry.point, entry.future]), [['created', false], ['last_job', false], ['missed_run', false], ['next_run', true]]);
  assert.deepEqual(entries[1]?.job, { id: 'j9', state: 'completed' });
  const rewritten = scheduleEntries(schedule({ updatedAt: t(-30), lastJob: null, nextRuns: [] }), now);
  assert.deepEqual(rewritten.map((entry) => entry.point), ['created', 'updated']);
  // The last job the engine no longer has has no time: it is not listed, but said below.
  const gone = scheduleEntries(schedule({ lastJob: { id: 'j8', state: null, createdAt: null } }), now);
  assert.deepEqual(gone.map((entry) => entry.point), ['created', 'next_run']);
  const merged = mergeEntries(entries, auditEntries([record('1', t(-55)), record('2', t(-400))]));
  assert.deepEqual(merged.map((entry) => (entry.source === 'audit' ? entry.record.id : entry.point)), ['created', '2', 'last_job', '1', 'missed_run', 'next_run']);
});

test("gaps of a schedule: no runs kept before the last, a last job gone, a schedule gone or hidden", () => {
  const input = { subject: 'schedule', job: null, queueExists: true, records: [], audit: 'read', moreRecords: false } as const;
  assert.deepEqual(chronologyGaps({ ...input, schedule: schedule() }).map((gap) => gap.code), ['schedule_runs_not_kept']);
  const gone = chronologyGaps({ ...input, schedule: schedule({ lastJob: { id: 'j8', state: null, createdAt: null } }) });
  assert.deepEqual(gone.map((gap) => [gap.code, gap.jobId ?? null]), [['schedule_runs_not_kept', null], ['last_job_gone', 'j8']]);
  assert.deepEqual(chronologyGaps({ ...input, schedule: 'gone', records: [record('1', t(0), 'pending')] }).map((gap) => gap.code), ['schedule_gone', 'outcome_unrecorded']);
  assert.deepEqual(chronologyGaps({ ...input, schedule: 'hidden', records: null, audit: 'hidden' }).map((gap) => gap.code), ['schedule_hidden', 'audit_hidden']);
});
