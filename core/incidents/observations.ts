import type { IncidentObservation, IncidentSweep } from '../contracts/incidents.ts';
import type { QueueHealth } from '../contracts/queue-health.ts';
import type { AttentionKind } from '../vocabulary/attention-kinds.ts';
import type { IncidentKind } from '../vocabulary/incident-kinds.ts';
import type { AttentionFinding } from '../vocabulary/wire.ts';

/** Incidents one pass writes at most; past it, the kinds of the queues cut off are left as they are. */
export const INCIDENTS_PER_PASS = 200;

/** The stable name of a condition: its kind, its queue and what in the queue it is about (a job id, or nothing). */
export function incidentFingerprint(kind: IncidentKind, queue: string, jobId: string | null): string {
  return JSON.stringify([kind, queue, jobId ?? '']);
}

const observation = (kind: IncidentKind, queue: string, jobId: string | null, count: number): IncidentObservation =>
  ({ fingerprint: incidentFingerprint(kind, queue, jobId), kind, queue, jobId, count });

/**
 * The incident-worthy part of a pass's findings: each overdue job the engine names (`stuck-job`),
 * or the queue's overdue jobs as one (`overdue`) where it names none; flows stuck behind a failed
 * step; queues with ready jobs and no worker. What the pass could not see in full is `unsure`,
 * so that its open incidents are not resolved for want of a look.
 *
 * A queue with no worker becomes an incident only when the pass before found it too
 * (`unworkedBefore`): workers register a moment after their process starts, and a restart should
 * not page anyone. Until then its open incident, if any, is left as it is.
 */
export function incidentSweepOf(
  at: string,
  findings: readonly AttentionFinding[],
  unchecked: readonly AttentionKind[],
  health: ReadonlyMap<string, QueueHealth> | null,
  unworkedBefore: ReadonlySet<string> = new Set(),
  cap = INCIDENTS_PER_PASS,
): IncidentSweep {
  const observed: IncidentObservation[] = [];
  const unsure: { kind: IncidentKind; queue: string | null }[] = [];
  for (const finding of findings) {
    if (finding.kind === 'overdue') {
      const named = health?.get(finding.queue)?.overdue.jobs;
      if (named && named.length > 0) {
        for (const id of named) observed.push(observation('stuck-job', finding.queue, id, 1));
        if (finding.more || named.length < finding.count) unsure.push({ kind: 'stuck-job', queue: finding.queue });
      } else {
        observed.push(observation('overdue', finding.queue, null, finding.count));
      }
    } else if (finding.kind === 'stuck-flows') {
      observed.push(observation(finding.kind, finding.queue, null, finding.count));
    } else if (finding.kind === 'no-workers') {
      if (unworkedBefore.has(finding.queue)) observed.push(observation(finding.kind, finding.queue, null, finding.count));
      else unsure.push({ kind: 'no-workers', queue: finding.queue });
    }
  }
  if (unchecked.includes('overdue')) unsure.push({ kind: 'stuck-job', queue: null }, { kind: 'overdue', queue: null });
  if (unchecked.includes('stuck-flows')) unsure.push({ kind: 'stuck-flows', queue: null });
  if (unchecked.includes('no-workers')) unsure.push({ kind: 'no-workers', queue: null });
  const kept = observed.slice(0, cap);
  for (const cut of observed.slice(cap)) unsure.push({ kind: cut.kind, queue: cut.queue });
  return { at, observed: kept, unsure: dedupe(unsure) };
}

function dedupe(entries: readonly { kind: IncidentKind; queue: string | null }[]): { kind: IncidentKind; queue: string | null }[] {
  const seen = new Map(entries.map((entry) => [JSON.stringify([entry.kind, entry.queue]), entry]));
  return [...seen.values()];
}
