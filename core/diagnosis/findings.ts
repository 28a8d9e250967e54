import type { QueueInfo } from '../contracts/jobs.ts';
import type { QueueHealth } from '../contracts/queue-health.ts';
import type { ScheduleSummary } from '../contracts/schedules.ts';
import type { WorkerInstance } from '../contracts/workers.ts';
import { ATTENTION_KINDS, type AttentionKind } from '../vocabulary/attention-kinds.ts';
import type { AttentionFinding } from '../vocabulary/wire.ts';
import type { FailureTrend } from './failure-history.ts';

/** When the diagnosis calls something worth an operator's look. */
export interface DiagnosisThresholds {
  /** A backlog whose oldest ready job has waited this long, in seconds, is a warning; four times as long, critical. */
  readonly backlogSeconds: number;
  /** The window failures are counted over, in seconds. */
  readonly failureWindowSeconds: number;
}

/** What one pass read, for `findingsOf`. Null parts are what the engine cannot tell. */
export interface PassReadings {
  readonly now: number;
  readonly queues: readonly QueueInfo[];
  readonly health: ReadonlyMap<string, QueueHealth> | null;
  /** The worker processes that are running (neither stopped nor missing); null when the engine does not track them or knows none. */
  readonly runningInstances: readonly WorkerInstance[] | null;
  readonly trend: (queue: string) => FailureTrend | null;
  /** The schedules read (a bounded page); null when the engine has none to list. */
  readonly schedules: readonly ScheduleSummary[] | null;
  readonly thresholds: DiagnosisThresholds;
}

const SEVERITY_ORDER = { critical: 0, warning: 1 } as const;
/** A schedule that has not run for this long is critical. */
const LONG_MISSED_MS = 60 * 60_000;

/** Every finding of a pass, most urgent first: critical before warning, then by kind, then most jobs. */
export function findingsOf(readings: PassReadings): AttentionFinding[] {
  const { now, thresholds } = readings;
  const findings: AttentionFinding[] = [];
  const senders = new Map<string, string[]>();
  for (const queue of readings.queues) {
    if (queue.deadLetterQueue !== null && queue.deadLetterQueue !== queue.name) {
      senders.set(queue.deadLetterQueue, [...(senders.get(queue.deadLetterQueue) ?? []), queue.name]);
    }
  }
  const missed = new Map<string, string[]>();
  for (const schedule of readings.schedules ?? []) {
    if (schedule.missedRunAt) missed.set(schedule.queue, [...(missed.get(schedule.queue) ?? []), schedule.missedRunAt]);
  }
  const worked = readings.runningInstances ? new Set(readings.runningInstances.flatMap((instance) => instance.workers.map((worker) => worker.queue))) : null;

  for (const queue of readings.queues) {
    const ready = queue.counts.queued ?? 0;
    const health = readings.health?.get(queue.name);
    if (health && health.overdue.count > 0) {
      findings.push({ kind: 'overdue', queue: queue.name, severity: 'critical', count: health.overdue.count, more: health.overdue.more });
    }
    if (health?.stuckFlows && health.stuckFlows.count > 0) {
      findings.push({ kind: 'stuck-flows', queue: queue.name, severity: 'critical', count: health.stuckFlows.count, more: health.stuckFlows.more });
    }
    const trend = readings.trend(queue.name);
    if (trend && trend.recent > 0 && trend.recent > trend.previous) {
      findings.push({
        kind: 'failing', queue: queue.name, severity: trend.recent >= 2 * Math.max(1, trend.previous) ? 'critical' : 'warning',
        count: trend.recent, previous: trend.previous, windowSeconds: thresholds.failureWindowSeconds,
      });
    }
    const missedRuns = missed.get(queue.name);
    if (missedRuns) {
      const since = missedRuns.reduce((earliest, at) => (at < earliest ? at : earliest));
      findings.push({ kind: 'missed-schedules', queue: queue.name, severity: now - Date.parse(since) >= LONG_MISSED_MS ? 'critical' : 'warning', count: missedRuns.length, since });
    }
    const from = senders.get(queue.name);
    if (from) {
      // A dead letter queue's waiting jobs are for an operator to look at, not a backlog to work off.
      if (ready > 0) findings.push({ kind: 'dead-letters', queue: queue.name, severity: 'warning', count: ready, from });
      continue;
    }
    // A paused queue hands out no jobs on purpose: its waiting jobs are the operator's choice, not trouble.
    if (queue.paused) continue;
    if (ready > 0 && worked && !worked.has(queue.name)) {
      findings.push({ kind: 'no-workers', queue: queue.name, severity: 'critical', count: ready });
    }
    const since = health?.oldestReadySince ?? null;
    const waited = since === null ? 0 : (now - Date.parse(since)) / 1000;
    if (since !== null && waited >= thresholds.backlogSeconds) {
      findings.push({ kind: 'backlog', queue: queue.name, severity: waited >= 4 * thresholds.backlogSeconds ? 'critical' : 'warning', count: ready, since });
    }
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || ATTENTION_KINDS.indexOf(a.kind) - ATTENTION_KINDS.indexOf(b.kind)
    || b.count - a.count
    || a.queue.localeCompare(b.queue));
}

/** The kinds a pass could not look for, with what the engine offers. */
export function uncheckedKinds(readings: Pick<PassReadings, 'health' | 'runningInstances' | 'schedules'>): AttentionKind[] {
  const unchecked: AttentionKind[] = [];
  if (!readings.schedules || readings.schedules.some((schedule) => schedule.missedRunAt === undefined)) unchecked.push('missed-schedules');
  if (!readings.health) unchecked.push('overdue', 'backlog', 'stuck-flows');
  else if ([...readings.health.values()].some((health) => !health.stuckFlows)) unchecked.push('stuck-flows');
  if (!readings.runningInstances) unchecked.push('no-workers');
  return ATTENTION_KINDS.filter((kind) => unchecked.includes(kind));
}
