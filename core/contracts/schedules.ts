import type { JobState } from '../vocabulary/job-states.ts';
import type { CursorPosition } from './engine.ts';

/** How a schedule's expression is written. */
export type ScheduleKind = 'cron' | 'rrule';

/** A recurring schedule as an engine keeps it: what it sends, to which queue, and when. */
export interface ScheduleSummary {
  /** The queue each run sends a job to. */
  readonly queue: string;
  /** Tells apart several schedules of one queue; empty for a queue's only schedule. */
  readonly key: string;
  readonly kind: ScheduleKind;
  /** The cron expression (`0 2 * * *`) or RFC 5545 recurrence rule (`FREQ=DAILY;BYHOUR=2`). */
  readonly expression: string;
  /** The IANA time zone the expression is read in, such as `Europe/Amsterdam`. */
  readonly timeZone: string;
  /** The data each run's job is sent with, before the display policy (kind `schedule_data`). */
  readonly data: unknown;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The next few times it will run (ISO 8601), soonest first; empty when it will not run again. */
  readonly nextRuns: readonly string[];
  /**
   * The job it made last, when the engine recorded one: its id, and its state, or null when the job
   * no longer exists (removed by retention, or deleted).
   */
  readonly lastJob: { readonly id: string; readonly state: JobState | null } | null;
}

export interface ScheduleListQuery {
  /** Only the schedules of this queue; every queue's when absent. */
  readonly queue?: string;
  /** Page size, already validated by core. */
  readonly limit: number;
  /** Continue after this position (exclusive). */
  readonly after?: CursorPosition;
}

export interface SchedulePage {
  /** Ordered by queue, then key. */
  readonly schedules: readonly ScheduleSummary[];
  /** Where the next page starts, or null on the last page. */
  readonly next: CursorPosition | null;
}
