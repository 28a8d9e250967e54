// The incidents' core: what a pass's findings become (with the cap and what the pass is unsure
// of), and the host's hooks called with a summary, whose failures and timeouts end in a
// follow-up audit record and never in an error of the console.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NewAuditRecord } from '../../../core/contracts/audit.ts';
import type { Incident } from '../../../core/contracts/incidents.ts';
import type { OpsStore } from '../../../core/contracts/store.ts';
import { escalate } from '../../../core/incidents/escalation.ts';
import { createIncidentKeeper } from '../../../core/incidents/keeper.ts';
import { incidentFingerprint, incidentSweepOf } from '../../../core/incidents/observations.ts';
import { summaryOf } from '../../../core/incidents/summary.ts';

const at = '2026-12-05T12:00:00.000Z';

test('overdue jobs the engine names become one incident each; unnamed ones, one for the queue', () => {
  const health = new Map([
    ['emails', { queue: 'emails', oldestReadySince: null, overdue: { count: 3, more: false, jobs: ['a', 'b'] } }],
    ['pdf', { queue: 'pdf', oldestReadySince: null, overdue: { count: 4, more: false } }],
  ]);
  const sweep = incidentSweepOf(at, [
    { kind: 'overdue', queue: 'emails', severity: 'critical', count: 3, more: false },
    { kind: 'overdue', queue: 'pdf', severity: 'critical', count: 4, more: false },
    { kind: 'no-workers', queue: 'sms', severity: 'critical', count: 9 },
    { kind: 'backlog', queue: 'sms', severity: 'warning', count: 9, since: at },
  ], [], health, new Set(['sms']));
  assert.deepEqual(sweep.observed.map((entry) => [entry.kind, entry.queue, entry.jobId, entry.count]), [
    ['stuck-job', 'emails', 'a', 1], ['stuck-job', 'emails', 'b', 1], ['overdue', 'pdf', null, 4], ['no-workers', 'sms', null, 9],
  ]);
  // Two of three named: the third's incident, if any, is not resolved for want of a look.
  assert.deepEqual(sweep.unsure, [{ kind: 'stuck-job', queue: 'emails' }]);
  assert.equal(sweep.observed[0]!.fingerprint, incidentFingerprint('stuck-job', 'emails', 'a'));
});

test('a queue nobody works becomes an incident at the second pass in a row that finds it', () => {
  const finding = { kind: 'no-workers' as const, queue: 'sms', severity: 'critical' as const, count: 2 };
  const first = incidentSweepOf(at, [finding], [], null);
  assert.deepEqual(first.observed, []);
  assert.deepEqual(first.unsure, [{ kind: 'no-workers', queue: 'sms' }]);
  const second = incidentSweepOf(at, [finding], [], null, new Set(['sms']));
  assert.deepEqual(second.observed.map((entry) => entry.kind), ['no-workers']);
});

test('a pass writes at most the cap, and leaves the kinds it cut and could not check as they are', () => {
  const findings = Array.from({ length: 5 }, (_, index) => ({ kind: 'no-workers' as const, queue: `q${index}`, severity: 'critical' as const, count: 1 }));
  const sweep = incidentSweepOf(at, findings, ['stuck-flows'], null, new Set(findings.map((finding) => finding.queue)), 3);
  assert.equal(sweep.observed.length, 3);
  assert.deepEqual(sweep.unsure, [{ kind: 'stuck-flows', queue: null }, { kind: 'no-workers', queue: 'q3' }, { kind: 'no-workers', queue: 'q4' }]);
});

function recordingStore(): { store: OpsStore; records: NewAuditRecord[] } {
  const records: NewAuditRecord[] = [];
  const store = {
    transaction: async (work: (tx: unknown) => Promise<unknown>) => work({ appendAudit: async (record: NewAuditRecord) => (records.push(record), { ...record, id: '1' }) }),
  } as unknown as OpsStore;
  return { store, records };
}

const incident: Incident = {
  id: '7', fingerprint: incidentFingerprint('stuck-job', 'emails', 'job-1'), kind: 'stuck-job', queue: 'emails', jobId: 'job-1', count: 1,
  firstSeenAt: at, lastSeenAt: at, resolvedAt: null, resolution: null,
};
const quiet = { error() {}, warn() {} };

test('a hook that throws leaves a failed follow-up record naming the incident, and escalate resolves', async () => {
  const { store, records } = recordingStore();
  await escalate({ store, logger: quiet, clock: () => new Date(at), timeoutMs: 1000 }, 'onIncident', () => {
    throw new Error('pager down');
  }, summaryOf(incident));
  assert.equal(records.length, 1);
  const [record] = records;
  assert.equal(record!.action, 'incident.escalate');
  assert.equal(record!.outcome, 'failed');
  assert.deepEqual(record!.resource, { queue: 'emails', selection: { ids: ['job-1'] }, ids: ['job-1'] });
  assert.match(record!.reason, /^onIncident for incident 7 \(stuck-job\) failed: Error: pager down$/);
});

test('a hook that never settles times out into a follow-up record', async () => {
  const { store, records } = recordingStore();
  await escalate({ store, logger: quiet, clock: () => new Date(at), timeoutMs: 20 }, 'onRepair', () => new Promise(() => {}), summaryOf(incident));
  assert.equal(records.length, 1);
  assert.match(records[0]!.reason, /timed out after 20 ms/);
});

test('a hook that succeeds leaves no record; a store that cannot record the failure is logged, not thrown', async () => {
  const { store, records } = recordingStore();
  await escalate({ store, logger: quiet, clock: () => new Date(at), timeoutMs: 100 }, 'onIncident', async () => 'paged', summaryOf(incident));
  assert.equal(records.length, 0);
  const logged: string[] = [];
  const broken = { transaction: async () => { throw new Error('database gone'); } } as unknown as OpsStore;
  await escalate({ store: broken, logger: { error: (message) => logged.push(message), warn() {} }, clock: () => new Date(at), timeoutMs: 100 }, 'onIncident', () => {
    throw new Error('pager down');
  }, summaryOf(incident));
  assert.equal(logged.length, 2);
  assert.match(logged[1]!, /could not be recorded in the audit log/);
});

test('the keeper escalates each incident a sweep opened once, with a summary that holds no job data', async () => {
  const heard: unknown[] = [];
  const { store: base } = recordingStore();
  const store = { ...base, recordIncidents: async () => ({ opened: [incident], resolved: [] }) } as unknown as OpsStore;
  const keeper = createIncidentKeeper({ store, logger: quiet, clock: () => new Date(at), hooks: { onIncident: (summary) => void heard.push(summary) }, hookTimeoutMs: 100 });
  assert.equal(keeper.enabled, true);
  await keeper.keep({ at, observed: [], unsure: [] });
  assert.deepEqual(heard, [{
    incidentId: '7', kind: 'stuck-job', queue: 'emails', jobId: 'job-1', count: 1, firstSeenAt: at, lastSeenAt: at, resolvedAt: null,
    sentence: 'Job job-1 in queue emails is running past its expiry, heartbeat or lock; its worker may be gone.',
  }]);
  const without = createIncidentKeeper({ store: base, logger: quiet, clock: () => new Date(at), hooks: {}, hookTimeoutMs: 100 });
  assert.equal(without.enabled, false);
});
