/**
 * What the console keeps as an incident, from the background diagnosis, most urgent first:
 * - `stuck-job`: one running job past its expiry or heartbeat, or whose lock is gone (its worker
 *   died or hangs);
 * - `overdue`: running jobs of a queue past their expiry or heartbeat, when the engine names no
 *   single job;
 * - `stuck-flows`: jobs of a queue waiting on a job of their flow that failed;
 * - `no-workers`: a queue with jobs ready to run, and no running worker process that takes them.
 */
export const INCIDENT_KINDS = Object.freeze(['stuck-job', 'overdue', 'stuck-flows', 'no-workers'] as const);

export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/**
 * How an incident ended: `cleared` when a diagnosis pass no longer found its condition, `repaired`
 * when an operator's action on its job resolved it.
 */
export const INCIDENT_RESOLUTIONS = Object.freeze(['cleared', 'repaired'] as const);

export type IncidentResolution = (typeof INCIDENT_RESOLUTIONS)[number];

export function isIncidentKind(value: unknown): value is IncidentKind {
  return typeof value === 'string' && (INCIDENT_KINDS as readonly string[]).includes(value);
}
