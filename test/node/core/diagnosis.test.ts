// The background diagnosis's rules, over plain readings and the in-memory engine: what is a
// finding, how failures are counted between passes, and that pages read the last pass instead of
// starting their own.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { QueueInfo } from '../../../core/contracts/jobs.ts';
import type { WorkerInstance } from '../../../core/contracts/workers.ts';
import { createDiagnosisPass } from '../../../core/diagnosis/diagnosis-pass.ts';
import { createFailureHistory } from '../../../core/diagnosis/failure-history.ts';
import { findingsOf, uncheckedKinds, type PassReadings } from '../../../core/diagnosis/findings.ts';
import { memoryEngine } from '../support/memory-engine.ts';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const thresholds = { backlogSeconds: 300, failureWindowSeconds: 300 };

function queue(name: string, counts: QueueInfo['counts'], deadLetterQueue: string | null = null): QueueInfo {
  return { name, counts, total: Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0), stale: {}, deadLetterQueue, settings: {} };
}

function worker(queues: readonly string[]): WorkerInstance {
  const at = new Date(NOW).toISOString();
  return {
    id: 'i1', name: 'api', host: 'web-1', pid: 1, version: null, runtime: null, heartbeatSeconds: 10, startedAt: at, lastSeenAt: at, stoppedAt: null, crashRestarts: 0,
    workers: queues.map((name) => ({ queue: name, concurrency: 1, active: 0, lastFetchedAt: null, lastFinishedAt: null, lastErrorAt: null })),
  };
}

function readings(parts: Partial<PassReadings>): PassReadings {
  return { now: NOW, queues: [], health: new Map(), runningInstances: null, schedules: [], trend: () => null, thresholds, ...parts };
}

const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

describe('findings', () => {
  test('a backlog is a warning past the threshold and critical past four times it; a fresh one is none', () => {
    const queues = [queue('fresh', { queued: 5 }), queue('slow', { queued: 40 }), queue('stuck', { queued: 900 })];
    const health = new Map([
      ['fresh', { queue: 'fresh', oldestReadySince: minutesAgo(4), overdue: { count: 0, more: false }, stuckFlows: { count: 0, more: false } }],
      ['slow', { queue: 'slow', oldestReadySince: minutesAgo(6), overdue: { count: 0, more: false }, stuckFlows: { count: 0, more: false } }],
      ['stuck', { queue: 'stuck', oldestReadySince: minutesAgo(21), overdue: { count: 0, more: false }, stuckFlows: { count: 0, more: false } }],
    ]);
    assert.deepEqual(findingsOf(readings({ queues, health })), [
      { kind: 'backlog', queue: 'stuck', severity: 'critical', count: 900, since: minutesAgo(21) },
      { kind: 'backlog', queue: 'slow', severity: 'warning', count: 40, since: minutesAgo(6) },
    ]);
  });

  test('overdue running jobs and flows stuck behind a failed step come first; a queue nobody works is critical only when the engine knows its processes', () => {
    const queues = [queue('emails', { queued: 3, active: 2 }), queue('reports', { queued: 1 })];
    const health = new Map([
      ['emails', { queue: 'emails', oldestReadySince: null, overdue: { count: 2, more: true }, stuckFlows: { count: 0, more: false } }],
      ['reports', { queue: 'reports', oldestReadySince: null, overdue: { count: 0, more: false }, stuckFlows: { count: 4, more: false } }],
    ]);
    assert.deepEqual(findingsOf(readings({ queues, health, runningInstances: [worker(['emails'])] })), [
      { kind: 'overdue', queue: 'emails', severity: 'critical', count: 2, more: true },
      { kind: 'stuck-flows', queue: 'reports', severity: 'critical', count: 4, more: false },
      { kind: 'no-workers', queue: 'reports', severity: 'critical', count: 1 },
    ]);
    assert.deepEqual(findingsOf(readings({ queues, health, runningInstances: null })).map((finding) => finding.kind), ['overdue', 'stuck-flows']);
    assert.deepEqual(findingsOf(readings({ queues, health, runningInstances: [] })).map((finding) => `${finding.kind} ${finding.queue}`),
      ['overdue emails', 'stuck-flows reports', 'no-workers emails', 'no-workers reports'], 'every process gone: nobody works any queue');
  });

  test('a paused queue is neither a backlog nor a queue nobody works: it hands out no jobs on purpose', () => {
    const queues = [{ ...queue('exports', { queued: 40 }), paused: true }];
    const health = new Map([['exports', { queue: 'exports', oldestReadySince: minutesAgo(90), overdue: { count: 0, more: false }, stuckFlows: { count: 0, more: false } }]]);
    assert.deepEqual(findingsOf(readings({ queues, health, runningInstances: [worker([])] })), []);
  });

  test("a dead letter queue's waiting jobs are dead letters to look at, never a backlog or a queue nobody works", () => {
    const queues = [queue('payments', { queued: 0 }, 'payments-dlq'), queue('refunds', {}, 'payments-dlq'), queue('payments-dlq', { queued: 13 })];
    const health = new Map([['payments-dlq', { queue: 'payments-dlq', oldestReadySince: minutesAgo(600), overdue: { count: 0, more: false }, stuckFlows: { count: 0, more: false } }]]);
    assert.deepEqual(findingsOf(readings({ queues, health, runningInstances: [worker(['payments'])] })), [
      { kind: 'dead-letters', queue: 'payments-dlq', severity: 'warning', count: 13, from: ['payments', 'refunds'] },
    ]);
  });

  test('schedules that missed a run: one finding per queue, from the earliest missed run; critical after an hour', () => {
    const schedule = (queue: string, key: string, missedRunAt: string | null) => ({
      queue, key, kind: 'cron' as const, expression: '*/5 * * * *', timeZone: 'UTC', data: null, createdAt: minutesAgo(600), updatedAt: minutesAgo(600),
      nextRuns: [], lastJob: null, missedRunAt,
    });
    const queues = [queue('reports', {}), queue('billing', {}), queue('emails', {})];
    const schedules = [schedule('reports', 'a', minutesAgo(10)), schedule('reports', 'b', minutesAgo(25)), schedule('billing', 'nightly', minutesAgo(90)), schedule('emails', 'digest', null)];
    assert.deepEqual(findingsOf(readings({ queues, schedules })), [
      { kind: 'missed-schedules', queue: 'billing', severity: 'critical', count: 1, since: minutesAgo(90) },
      { kind: 'missed-schedules', queue: 'reports', severity: 'warning', count: 2, since: minutesAgo(25) },
    ]);
  });

  test('failures are a finding when more failed in the last window than in the one before', () => {
    const queues = [queue('rising', { failed: 30 }), queue('steady', { failed: 30 }), queue('spike', { failed: 9 })];
    const trends = { rising: { recent: 12, previous: 3 }, steady: { recent: 4, previous: 4 }, spike: { recent: 5, previous: 4 } };
    const found = findingsOf(readings({ queues, trend: (name) => trends[name as keyof typeof trends] }));
    assert.deepEqual(found, [
      { kind: 'failing', queue: 'rising', severity: 'critical', count: 12, previous: 3, windowSeconds: 300 },
      { kind: 'failing', queue: 'spike', severity: 'warning', count: 5, previous: 4, windowSeconds: 300 },
    ]);
  });

  test('says what the engine could not be asked', () => {
    assert.deepEqual(uncheckedKinds({ health: null, runningInstances: null, schedules: null }), ['overdue', 'stuck-flows', 'no-workers', 'missed-schedules', 'backlog']);
    assert.deepEqual(uncheckedKinds({ health: new Map(), runningInstances: [worker([])], schedules: [] }), []);
    const withoutFlows = new Map([['q', { queue: 'q', oldestReadySince: null, overdue: { count: 0, more: false } }]]);
    assert.deepEqual(uncheckedKinds({ health: withoutFlows, runningInstances: [worker([])], schedules: [] }), ['stuck-flows']);
  });
});

describe('failure history', () => {
  test('counts the rises of the failed count in each window; a fall (jobs retried) is not a failure', () => {
    const history = createFailureHistory(60_000);
    const at = (seconds: number) => NOW + seconds * 1000;
    const seen = (seconds: number, failed: number) => history.record(at(seconds), [queue('q', { failed })]);
    seen(0, 10);
    assert.equal(history.trend('q', at(30)), null, 'no trend before a whole window');
    seen(30, 14);
    seen(60, 2);
    seen(90, 7);
    seen(120, 9);
    // Last window (60 s, 120 s]: 2 -> 7 -> 9, so 7; the one before (0 s, 60 s]: 10 -> 14 -> 2, so 4.
    assert.deepEqual(history.trend('q', at(120)), { recent: 7, previous: 4 });
    assert.equal(history.trend('gone', at(120)), null);
  });
});

describe('diagnosis pass', () => {
  test('a request wakes it; later requests read the last result without a pass of their own', async () => {
    const engine = memoryEngine(['emails'], [{ id: 'a', queue: 'emails', state: 'failed', createdAt: minutesAgo(1) }]);
    let reads = 0;
    const counting = { ...engine, listQueues: async () => { reads += 1; return engine.listQueues(); } };
    let now = NOW;
    const pass = createDiagnosisPass({
      engine: counting, logger: console, clock: () => new Date(now), intervalMs: 60_000, thresholds,
      workerHealth: { lateAfterHeartbeats: 2, missingAfterHeartbeats: 5 }, watched: () => false,
    });
    try {
      assert.equal(pass.latest(), null);
      pass.wake();
      pass.wake();
      await pass.run();
      assert.equal(reads, 1, 'one pass for both requests');
      const first = pass.latest();
      assert.equal(first?.checkedAt, new Date(NOW).toISOString());
      assert.deepEqual(first?.unchecked, ['overdue', 'stuck-flows', 'no-workers', 'missed-schedules', 'backlog'], 'the in-memory engine cannot inspect queues, list processes or schedules');
      now += 10_000;
      pass.wake();
      assert.equal(reads, 1, 'a fresh result is read, not remade');
      now += 60_000;
      pass.close();
      pass.wake();
      assert.equal(reads, 1, 'a closed pass does nothing');
    } finally {
      pass.close();
    }
  });

  test('a pass that cannot read the engine says when, keeps the last result, and clears once one succeeds', async () => {
    const engine = memoryEngine(['emails'], []);
    let down = false;
    const flaky = { ...engine, listQueues: async () => { if (down) throw new Error('connection refused'); return engine.listQueues(); } };
    let now = NOW;
    const pass = createDiagnosisPass({
      engine: flaky, logger: console, clock: () => new Date(now), intervalMs: 60_000, thresholds,
      workerHealth: { lateAfterHeartbeats: 2, missingAfterHeartbeats: 5 }, watched: () => false,
    });
    try {
      const first = await pass.run();
      assert.equal(pass.failedAt(), null);
      down = true;
      now += 61_000;
      await assert.rejects(pass.run(), /connection refused/);
      assert.equal(pass.failedAt(), new Date(now).toISOString(), 'the failed pass says when');
      assert.equal(pass.latest(), first, 'the last result stays');
      down = false;
      now += 61_000;
      await pass.run();
      assert.equal(pass.failedAt(), null, 'a pass that succeeds clears it');
      assert.equal(pass.latest()?.checkedAt, new Date(now).toISOString());
    } finally {
      pass.close();
    }
  });

  test('with `always`, it keeps running with nobody watching; without, it sleeps after its linger', async () => {
    const engine = memoryEngine(['emails'], []);
    let reads = 0;
    const counting = { ...engine, listQueues: async () => { reads += 1; return engine.listQueues(); } };
    const passes = [true, false].map((always) => createDiagnosisPass({
      engine: counting, logger: console, clock: () => new Date(NOW + 3_600_000 * (reads + 1)), intervalMs: 5, thresholds,
      workerHealth: { lateAfterHeartbeats: 2, missingAfterHeartbeats: 5 }, watched: () => false, always,
    }));
    try {
      passes[0]!.wake();
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(reads >= 3, `an always-on pass ran on (${reads} passes)`);
      passes[0]!.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const before = reads;
      passes[1]!.wake();
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(reads - before, 1, 'a pass nobody watches, asked an hour of clock ago, runs once and sleeps');
    } finally {
      for (const pass of passes) pass.close();
    }
  });
});
