import type { IncidentKind, IncidentResolution } from './incident-kinds.ts';

/** One incident as `GET api/incidents` answers it. Never job data. */
export interface IncidentResponse {
  readonly id: string;
  readonly kind: IncidentKind;
  readonly queue: string;
  /** The job it is about (`stuck-job`), or null for a condition of the whole queue. */
  readonly jobId: string | null;
  /** How many jobs the last pass that saw it counted. */
  readonly count: number;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly resolvedAt: string | null;
  readonly resolution: IncidentResolution | null;
}

export interface IncidentListResponse {
  /** Whether the console's store keeps incidents; false means none are ever listed. */
  readonly kept: boolean;
  /** Open ones first (newest first), then those resolved in the last `resolvedWithinHours`. */
  readonly incidents: readonly IncidentResponse[];
  readonly resolvedWithinHours: number;
  readonly nextCursor: string | null;
}
