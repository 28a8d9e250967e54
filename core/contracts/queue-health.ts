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
