import type { ScheduleResponse } from '../vocabulary/wire.ts';
import type { CursorPosition } from './engine.ts';

/** How a schedule's expression is written. */
export type ScheduleKind = ScheduleResponse['kind'];

/**
 * A recurring schedule as an engine keeps it: the API's `ScheduleResponse`, with the data each run
 * sends before the display policy (kind `schedule_data`).
 */
export type ScheduleSummary = Omit<ScheduleResponse, 'data'> & { readonly data: unknown };

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
