// The chronology's own logic, without an engine or a store: which points of a job's life it lists,
// how it merges them with audit records, and what it says is missing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEntries, chronologyGaps, jobEntries, mergeEntries, type ChronologyJob } from '../../../core/services/chronology-merge.ts';
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
  assert.deepEqual(merged.map((entry) => (entry.source === 'job' ? entry.point : entry.record.id)), ['1', 'created', 'started', 'completed', '2', '3', 'kept_until']);
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
