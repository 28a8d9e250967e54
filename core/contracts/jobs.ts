/**
 * Engine-neutral job states. Each engine maps its own states onto these and declares which it
 * supports in its capabilities.
 */
export const JOB_STATES = Object.freeze({
  /** Ready to run now. */
  queued: 'queued',
  /** Waiting for a start time in the future. */
  scheduled: 'scheduled',
  /** Waiting for other jobs it depends on. */
  blocked: 'blocked',
  /** Being processed by a worker. */
  active: 'active',
  /** Failed an attempt and waiting to be tried again. */
  retrying: 'retrying',
  completed: 'completed',
  /** Failed with no attempts left. */
  failed: 'failed',
  cancelled: 'cancelled',
} as const);

export type JobState = (typeof JOB_STATES)[keyof typeof JOB_STATES];

export const ALL_JOB_STATES: readonly JobState[] = Object.freeze(Object.values(JOB_STATES));

export function isJobState(value: unknown): value is JobState {
  return typeof value === 'string' && (ALL_JOB_STATES as readonly string[]).includes(value);
}

/** A queue as an engine reports it. Counts are by state; a state the engine cannot count is absent. */
export interface QueueInfo {
  readonly name: string;
  readonly counts: Readonly<Partial<Record<JobState, number>>>;
  /** All jobs the engine currently stores for the queue. */
  readonly total: number;
  /** Where jobs that exhaust their retries go, if anywhere. */
  readonly deadLetterQueue: string | null;
  /** Engine-specific settings worth showing (policy, retention, retry defaults...). Never job data. */
  readonly settings: Readonly<Record<string, string | number | boolean | null>>;
}

/** The failure of a job, as far as the engine recorded it. Passes through the display policy. */
export interface JobError {
  readonly name?: string;
  readonly message?: string;
  readonly stack?: string;
  /** Anything else the engine stored with the failure. */
  readonly details?: unknown;
}

/** One row of a job listing: enough to scan a page, not the payload. */
export interface JobSummary {
  readonly id: string;
  readonly queue: string;
  readonly state: JobState;
  readonly priority: number;
  /** Attempts made so far and the most allowed. */
  readonly attempts: { readonly made: number; readonly max: number };
  readonly createdAt: string;
  readonly runAfter: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /** The last failure's message, if any (shown only as the display policy allows). */
  readonly errorMessage: string | null;
}

/** One job with everything the engine knows about it. */
export interface JobDetail extends JobSummary {
  readonly data: unknown;
  readonly output: unknown;
  readonly error: JobError | null;
  /** Engine options the job was sent with (retry policy, expiry, singleton key...). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly timings: {
    readonly createdAt: string;
    readonly runAfter: string | null;
    readonly startedAt: string | null;
    readonly finishedAt: string | null;
    readonly keepUntil: string | null;
  };
  /** Where the job came from when it was moved into a dead letter queue. */
  readonly deadLetteredFrom: { readonly queue: string; readonly id: string | null } | null;
}
