import type { CountFreshness } from '../vocabulary/count-freshness.ts';
import type { JobState } from '../vocabulary/job-states.ts';
import type { JobDetailResponse, JobSummaryResponse, QueueResponse } from '../vocabulary/wire.ts';

/** A queue as an engine describes it: what it is, never how many jobs it holds. */
export interface QueueDescription {
  readonly name: string;
  /** Where jobs that exhaust their retries go, if anywhere. */
  readonly deadLetterQueue: string | null;
  /** Engine-specific settings worth showing (policy, retention, retry defaults...). Never job data. */
  readonly settings: Readonly<Record<string, string | number | boolean | null>>;
  /**
   * Whether the queue is paused: it hands out no jobs to workers until resumed. Absent when the
   * engine cannot pause queues.
   */
  readonly paused?: boolean;
}

/** A queue's jobs by state, as cheaply as the engine can count them, saying how fresh each figure is. */
export interface QueueCounts {
  readonly queue: string;
  /** Jobs by state; a state the engine cannot count is absent. */
  readonly counts: Readonly<Partial<Record<JobState, number>>>;
  /** The sum of `counts`. */
  readonly total: number;
  /** The counted states whose figure was not taken at read time; a state absent here is exact and live. */
  readonly stale: Readonly<Partial<Record<JobState, CountFreshness>>>;
}

/**
 * A queue with its counts, as the console shows it: the engine's description with its counts. The
 * services' value and the API's answer are the same shape; the presenter copies it out.
 */
export type QueueInfo = QueueResponse;

/** The failure of a job, as far as the engine recorded it. Passes through the display policy. */
export interface JobError {
  readonly name?: string;
  readonly message?: string;
  readonly stack?: string;
  /** Anything else the engine stored with the failure. */
  readonly details?: unknown;
}

/**
 * One row of a job listing: enough to scan a page, not the payload. The engine's row and the API's
 * are the same shape; the presenter decides what of `errorMessage` is shown.
 */
export type JobSummary = JobSummaryResponse;

/** One job with everything the engine knows about it. */
export interface JobDetail extends JobSummary {
  readonly data: unknown;
  readonly output: unknown;
  readonly error: JobError | null;
  /** Engine options the job was sent with (retry policy, expiry, singleton key...). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly timings: JobDetailResponse['timings'];
  /** Where the job came from when it was moved into a dead letter queue. */
  readonly deadLetteredFrom: JobDetailResponse['deadLetteredFrom'];
  /** What the job reported of its progress while it ran, where the engine keeps it. Passes through the display policy as output. */
  readonly progress?: unknown;
  /** The job's own log lines, where the engine keeps them: the last few, oldest first. */
  readonly logs?: JobLogs;
  /** The flow the job belongs to (its parent and children), where the engine has flows. */
  readonly family?: JobFamily;
}

/** The last lines a job logged (oldest first; they pass through the display policy as output) and how many it has. */
export interface JobLogs {
  readonly lines: readonly string[];
  readonly total: number;
}

/** A job named by its queue and id. */
export interface JobRef {
  readonly queue: string;
  readonly id: string;
}

/** A job's place in a flow: the job waiting on it, and the jobs it waits on, counted by how they ended. */
export interface JobFamily {
  readonly parent: JobRef | null;
  readonly children: {
    /** Children not finished yet. */
    readonly pending: number;
    /** Children that completed (or failed in a way the parent was told to ignore or continue past). */
    readonly processed: number;
    /** Children that failed and held the parent back. */
    readonly failed: number;
    /** A few of the children, at most a page, with how each stands. */
    readonly sample: readonly (JobRef & { readonly outcome: 'pending' | 'processed' | 'failed' })[];
  };
}
