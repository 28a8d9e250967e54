import type { JobEngine } from '../contracts/engine.ts';
import type { QueueHealth } from '../contracts/queue-health.ts';
import type { Logger, ResolvedOptions } from '../options.ts';
import { listQueuesWithCounts } from '../services/queue-info.ts';
import { workerStatus, WORKER_LIST_LIMIT } from '../services/workers.ts';
import type { AttentionFinding } from '../vocabulary/wire.ts';
import type { IncidentSweep } from '../contracts/incidents.ts';
import { incidentSweepOf } from '../incidents/observations.ts';
import type { AttentionKind } from '../vocabulary/attention-kinds.ts';
import { createFailureHistory } from './failure-history.ts';
import { findingsOf, uncheckedKinds, type DiagnosisThresholds } from './findings.ts';

export interface DiagnosisPassOptions {
  readonly engine: JobEngine;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** How often the pass runs while it is wanted. */
  readonly intervalMs: number;
  readonly thresholds: DiagnosisThresholds;
  readonly workerHealth: ResolvedOptions['workers'];
  /** Whether anyone is watching now (open live streams), which keeps the pass running. */
  readonly watched: () => boolean;
  /**
   * Whether the pass runs from its first wake until closed, watched or not: so it does when the
   * host escalates incidents, which must be found with no console open.
   */
  readonly always?: boolean;
  /** Called with each pass's incident-worthy findings, before the pass counts as done; a rejection is logged. */
  readonly keepIncidents?: (sweep: IncidentSweep) => Promise<void>;
}

/** What the last pass found, for every queue. */
export interface Diagnosis {
  readonly checkedAt: string;
  readonly findings: readonly AttentionFinding[];
  readonly unchecked: readonly AttentionKind[];
  /** What of it is worth keeping as incidents. */
  readonly incidents: IncidentSweep;
}

/**
 * The console's background diagnosis: one pass at an interval, shared by every console of the
 * process, that reads the queues with their counts, what the engine can say of each queue's
 * health (`inspectQueues`) and its worker processes, and keeps the findings. Pages read the last
 * result and never cause a pass of their own; a request only wakes the pass if it sleeps.
 *
 * It runs while someone watches (a live stream is open) or asked within the last few intervals,
 * and sleeps otherwise, so an idle host does no work.
 */
export interface DiagnosisPass {
  /** The last pass's result, or null before the first has finished. */
  latest(): Diagnosis | null;
  /** When the last pass failed, if it failed after the last that finished (the host's log has why). */
  failedAt(): string | null;
  /** Says someone wants results: starts the passes if they sleep. */
  wake(): void;
  /** Runs one pass now (unless one is under way, whose result it waits for). */
  run(): Promise<Diagnosis>;
  close(): void;
}

/** Schedules read per pass, the first page by queue and key: past it, later ones are not checked for missed runs. */
const SCHEDULE_WALK = 200;

/** Intervals after the last request during which the pass keeps running with nobody watching. */
const LINGER_INTERVALS = 5;

export function createDiagnosisPass(options: DiagnosisPassOptions): DiagnosisPass {
  const history = createFailureHistory(options.thresholds.failureWindowSeconds * 1000);
  let latest: Diagnosis | null = null;
  let failedAt: string | null = null;
  let running: Promise<Diagnosis> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let askedAt = -Infinity;
  let closed = false;
  /** The queues the last pass found nobody works, for the incidents (see `incidentSweepOf`). */
  let unworked: ReadonlySet<string> = new Set();

  async function readHealth(names: readonly string[]): Promise<ReadonlyMap<string, QueueHealth> | null> {
    if (!options.engine.inspectQueues) return null;
    const health = await options.engine.inspectQueues(names);
    return new Map(health.map((entry) => [entry.queue, entry]));
  }

  async function readSchedules() {
    if (!options.engine.listSchedules) return null;
    return (await options.engine.listSchedules({ limit: SCHEDULE_WALK })).schedules;
  }

  async function readRunningInstances(now: number) {
    if (!options.engine.listInstances) return null;
    const page = await options.engine.listInstances(WORKER_LIST_LIMIT);
    // An engine that knows no process at all cannot tell "nobody works this queue" from "workers are not tracked".
    if (page.instances.length === 0) return null;
    return page.instances.filter((instance) => {
      const status = workerStatus(instance, now, options.workerHealth);
      return status === 'healthy' || status === 'late';
    });
  }

  async function pass(): Promise<Diagnosis> {
    const queues = await listQueuesWithCounts(options.engine);
    const names = queues.map((queue) => queue.name);
    const now = options.clock().getTime();
    const [health, runningInstances, schedules] = await Promise.all([readHealth(names), readRunningInstances(now), readSchedules()]);
    history.record(now, queues);
    const readings = { now, queues, health, runningInstances, schedules, trend: (queue: string) => history.trend(queue, now), thresholds: options.thresholds };
    const checkedAt = new Date(now).toISOString();
    const findings = findingsOf(readings);
    const unchecked = uncheckedKinds(readings);
    const incidents = incidentSweepOf(checkedAt, findings, unchecked, health, unworked);
    unworked = new Set(findings.filter((finding) => finding.kind === 'no-workers').map((finding) => finding.queue));
    if (options.keepIncidents) {
      await options.keepIncidents(incidents).catch((error: unknown) => options.logger.error('ops-jobs: the diagnosis pass could not keep its incidents', error));
    }
    return { checkedAt, findings, unchecked, incidents };
  }

  function run(): Promise<Diagnosis> {
    running ??= pass().then((result) => {
      latest = result;
      failedAt = null;
      return result;
    }, (error: unknown) => {
      failedAt = options.clock().toISOString();
      throw error;
    }).finally(() => {
      running = undefined;
    });
    return running;
  }

  const wanted = (): boolean =>
    !closed && (options.always === true || options.watched() || options.clock().getTime() - askedAt < LINGER_INTERVALS * options.intervalMs);

  function runThenSchedule(): void {
    run().catch((error: unknown) => options.logger.error('ops-jobs: the diagnosis pass could not read the engine', error)).finally(schedule);
  }

  function schedule(): void {
    if (timer || !wanted()) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (wanted()) runThenSchedule();
    }, options.intervalMs);
    // The pass must never keep the host's process alive on its own.
    (timer as { unref?: () => void }).unref?.();
  }

  return {
    latest: () => latest,
    failedAt: () => failedAt,
    wake() {
      if (closed) return;
      const now = options.clock().getTime();
      askedAt = now;
      if (timer || running) return;
      // After a sleep the last result is old: the next is read now rather than an interval later.
      if (latest === null || now - Date.parse(latest.checkedAt) >= options.intervalMs) runThenSchedule();
      else schedule();
    },
    run,
    close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
