import type { JobDetail, JobState, JobSummary, QueueInfo } from './jobs.ts';

/**
 * Where a listing page ends, as the engine understands it. Core wraps it in an opaque cursor bound
 * to the listing it came from; the engine must check the shape and throw `InvalidInputError` for
 * one it did not produce.
 */
export type CursorPosition = readonly (string | number)[];

export interface JobListQuery {
  readonly queue: string;
  /** Only jobs in this state; all states when absent. */
  readonly state?: JobState;
  /** Page size, already validated by core. */
  readonly limit: number;
  /** Continue after this position (exclusive). */
  readonly after?: CursorPosition;
}

export interface JobPage {
  /** Newest first. */
  readonly jobs: readonly JobSummary[];
  /** Where the next page starts, or null when this is the last page. */
  readonly next: CursorPosition | null;
}

/** What an engine can do, so the console shows only that. */
export interface EngineCapabilities {
  /** The job states this engine has, in the order the console shows them. */
  readonly states: readonly JobState[];
}

/**
 * The port every job engine adapter implements. Reads only for now; actions arrive with their
 * capabilities.
 */
export interface JobEngine {
  /** Engine name and version for display, such as `pg-boss 12.38.0`. */
  readonly name: string;
  readonly capabilities: EngineCapabilities;
  listQueues(): Promise<readonly QueueInfo[]>;
  /** One queue, or null when it does not exist. */
  getQueue(name: string): Promise<QueueInfo | null>;
  /** One page of a queue's jobs. Callers check that the queue exists first. */
  listJobs(query: JobListQuery): Promise<JobPage>;
  /** One job, or null when the queue has no job with this id. */
  getJob(queue: string, id: string): Promise<JobDetail | null>;
}
