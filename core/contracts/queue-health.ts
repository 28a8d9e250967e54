/**
 * What an engine can say cheaply about whether a queue's jobs are moving, for the console's
 * background diagnosis: how long the oldest job ready to run has waited, and running jobs that are
 * past their expiry or heartbeat. Never job data.
 */
export interface QueueHealth {
  readonly queue: string;
  /** Since when the oldest job ready to run has been ready (ISO 8601), or null when none waits. */
  readonly oldestReadySince: string | null;
  /** Running jobs past their expiry or their heartbeat, among those the engine looked at. */
  readonly overdue: {
    readonly count: number;
    /**
     * True when the engine stopped looking before it had seen every running job, to keep the read
     * bounded: more may be overdue.
     */
    readonly more: boolean;
    /**
     * The ids of the overdue jobs, at most `OVERDUE_NAMED` of them (all of them when `count` is no
     * more), for the incidents kept of each. Absent where the engine cannot name them.
     */
    readonly jobs?: readonly string[];
  };
  /**
   * Jobs waiting on another job of their flow that failed, among the waiting ones the engine
   * looked at: they will not run unless someone retries that job or releases them. Absent where the
   * engine cannot tell.
   */
  readonly stuckFlows?: {
    readonly count: number;
    /** True when the engine stopped looking before it had seen every waiting job of a flow. */
    readonly more: boolean;
  };
}

/** How many overdue jobs of a queue an engine names by id at most, in `QueueHealth.overdue.jobs`. */
export const OVERDUE_NAMED = 20;
