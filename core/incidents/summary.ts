import type { Incident } from '../contracts/incidents.ts';
import type { IncidentKind } from '../vocabulary/incident-kinds.ts';

/**
 * What a host's escalation hook hears of an incident: never job data, only what names it. A plain
 * English sentence is included for a page or a chat message.
 */
export interface IncidentSummary {
  readonly incidentId: string;
  readonly kind: IncidentKind;
  readonly queue: string;
  /** The job it is about, or null for a condition of the whole queue. */
  readonly jobId: string | null;
  readonly count: number;
  readonly sentence: string;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly resolvedAt: string | null;
}

/** What a host's `onRepair` hook hears: the incident, and the operator action that resolved it. */
export interface RepairSummary extends IncidentSummary {
  /** The operator action, such as `job.cancel`. */
  readonly action: string;
  /** The audit record of the action. */
  readonly auditId: string;
  /** Who repaired it, as the audit log names them. */
  readonly principalLabel: string;
}

/** One plain English sentence about an incident, for hosts' pages and chat messages. */
export function incidentSentence(incident: Pick<Incident, 'kind' | 'queue' | 'jobId' | 'count'>): string {
  switch (incident.kind) {
    case 'stuck-job':
      return `Job ${incident.jobId ?? ''} in queue ${incident.queue} is running past its expiry, heartbeat or lock; its worker may be gone.`;
    case 'overdue':
      return `${incident.count} running job(s) in queue ${incident.queue} are past their expiry, heartbeat or lock; their workers may be gone.`;
    case 'stuck-flows':
      return `${incident.count} job(s) in queue ${incident.queue} wait on a step of their flow that failed.`;
    case 'no-workers':
      return `${incident.count} job(s) in queue ${incident.queue} are ready to run and no running worker takes them.`;
  }
}

export function summaryOf(incident: Incident): IncidentSummary {
  return {
    incidentId: incident.id, kind: incident.kind, queue: incident.queue, jobId: incident.jobId, count: incident.count,
    sentence: incidentSentence(incident), firstSeenAt: incident.firstSeenAt, lastSeenAt: incident.lastSeenAt, resolvedAt: incident.resolvedAt,
  };
}
