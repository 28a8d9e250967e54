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
}
