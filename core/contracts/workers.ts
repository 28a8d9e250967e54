import type { WorkerInstanceResponse } from '../vocabulary/wire.ts';

/** One queue a worker process takes jobs from, as at its last heartbeat. */
export type QueueWorker = WorkerInstanceResponse['workers'][number];

/**
 * A process running the engine, as the engine keeps track of it (pg-boss: its instance rows): the
 * API's `WorkerInstanceResponse` before the console classes its state and hides the queues the
 * operator may not see.
 */
export type WorkerInstance = Omit<WorkerInstanceResponse, 'status' | 'otherQueues'>;

export interface WorkerInstancePage {
  readonly instances: readonly WorkerInstance[];
  /** True when the engine knows more instances than were read. */
  readonly more: boolean;
}
