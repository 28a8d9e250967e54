import type { IncidentKind } from '../vocabulary/incident-kinds.ts';
import type { IncidentResponse } from '../vocabulary/incident-wire.ts';

/**
 * One condition the background diagnosis found, as the store keeps it: opened when first seen,
 * updated by each pass that sees it again, resolved when a pass no longer does or an operator's
 * repair ends it. Never holds job data.
 */
export interface Incident extends IncidentResponse {
  /** Stable for the condition: kind, queue and subject (the job, for `stuck-job`). See `incidentFingerprint`. */
  readonly fingerprint: string;
}

/** One incident-worthy condition a pass found. */
export interface IncidentObservation {
  readonly fingerprint: string;
  readonly kind: IncidentKind;
  readonly queue: string;
  readonly jobId: string | null;
  readonly count: number;
}

/** What one diagnosis pass hands the store. */
export interface IncidentSweep {
  /** When the pass read the engine (ISO 8601). */
  readonly at: string;
  /** Every condition found, at most the console's cap per pass. */
  readonly observed: readonly IncidentObservation[];
  /**
   * Kinds, or kinds in one queue, the pass could not look at in full (the engine stopped looking,
   * the cap cut the list, or the engine cannot tell): their open incidents stay open even when not
   * observed. `queue` null means the kind in every queue.
   */
  readonly unsure: readonly { readonly kind: IncidentKind; readonly queue: string | null }[];
}

/** What a sweep changed. */
export interface IncidentChanges {
  /** Incidents this sweep opened (another process's sweep that opened one first is not counted). */
  readonly opened: readonly Incident[];
  /** Incidents this sweep resolved as cleared. */
  readonly resolved: readonly Incident[];
}

/** Where a listing continues: after the incident `id` whose sort position was `open`, `at`. */
export interface IncidentCursor {
  readonly open: boolean;
  /** The first seen time of an open incident, or the resolved time of a resolved one, with microseconds. */
  readonly at: string;
  readonly id: string;
}

export interface IncidentQuery {
  readonly limit: number;
  /** Resolved incidents older than this (ISO 8601) are not listed. */
  readonly resolvedSince: string;
  readonly after?: IncidentCursor;
}

/** Open incidents first, newest first; then resolved ones, most recently resolved first. */
export interface IncidentPage {
  readonly incidents: readonly Incident[];
  readonly next: IncidentCursor | null;
}
