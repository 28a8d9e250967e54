import type { JobDetail, JobSummary } from '../../core/contracts/jobs.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import type { JobPosition } from './cursor.ts';
import { toJobError } from './job-error.ts';

/** A row of `sql.listJobs` (and the first columns of `sql.getJob`). */
export interface JobSummaryRow {
  readonly id: string;
  readonly queue: string;
  readonly state: JobState;
  readonly priority: number;
  readonly retry_count: number;
  readonly retry_limit: number;
  readonly created_at: string;
  readonly run_after: string | null;
  readonly started_at: string | null;
  readonly finished_at: string | null;
  readonly error_message: string | null;
  readonly dead_lettered_from: string | null;
  readonly position_created_on: string;
  /** With a listing's `fields`: the values read at those paths (text), absent ones left out; null when none. */
  readonly fields?: Record<string, string> | null;
}

/** A row of `sql.getJob`. */
export interface JobDetailRow extends JobSummaryRow {
  readonly data: unknown;
  readonly output: unknown;
  readonly retry_delay: number;
  readonly retry_backoff: boolean;
  readonly retry_delay_max: number | null;
  readonly expire_seconds: number;
  readonly deletion_seconds: number;
  readonly heartbeat_seconds: number | null;
  readonly singleton_key: string | null;
  readonly singleton_on: string | null;
  readonly group_id: string | null;
  readonly group_tier: string | null;
  readonly dead_letter: string | null;
  readonly policy: string | null;
  readonly keep_until: string | null;
  readonly source_name: string | null;
  readonly source_id: string | null;
  readonly source_output: unknown;
}

/**
 * Attempts made and allowed. pg-boss's retry_count counts the claims after the first one, and a
 * job's first claim is when started_on is set; a job never started has made no attempt, whatever
 * its state (a cancelled queued job, a dead letter copy). An active job's current attempt counts
 * as made. At most retry_limit + 1 attempts are allowed, and pg-boss's retry of a failed job raises
 * retry_limit with it, so made never passes max.
 */
function attempts(row: JobSummaryRow): JobSummary['attempts'] {
  return { made: row.started_at === null ? 0 : row.retry_count + 1, max: row.retry_limit + 1 };
}

/** A listing row as the console's job summary. */
export function toJobSummary(row: JobSummaryRow): JobSummary {
  return {
    id: row.id,
    queue: row.queue,
    state: row.state,
    priority: row.priority,
    attempts: attempts(row),
    createdAt: row.created_at,
    runAfter: row.run_after,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    errorMessage: row.error_message,
    ...(row.dead_lettered_from === null ? {} : { deadLetteredFrom: { queue: row.dead_lettered_from } }),
    ...(row.fields ? { fields: row.fields } : {}),
  };
}

/** Where a listing that ends at this row continues. */
export function toJobPosition(row: JobSummaryRow): JobPosition {
  return { createdOn: row.position_created_on, id: row.id };
}

/** A job row as the console's job detail. */
export function toJobDetail(row: JobDetailRow): JobDetail {
  // pg-boss keeps one `output`: the result once the job completed, otherwise the last error. A dead
  // letter copy that has not failed itself shows the failure that sent it here.
  const completed = row.state === 'completed';
  const copied = row.source_name === null ? null : toJobError(row.source_output);
  const error = completed ? null : toJobError(row.output) ?? copied;
  return {
    ...toJobSummary(row),
    // The whole message, where the listing's is cut short.
    errorMessage: error?.message ?? null,
    data: row.data,
    output: completed ? row.output : null,
    error,
    options: jobOptions(row),
    timings: {
      createdAt: row.created_at,
      runAfter: row.run_after,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      keepUntil: row.keep_until,
    },
    deadLetteredFrom: row.source_name === null ? null : { queue: row.source_name, id: row.source_id },
  };
}

/** The options pg-boss stored on the job, leaving out those it has no value for. */
function jobOptions(row: JobDetailRow): Record<string, unknown> {
  const options: Record<string, unknown> = {
    priority: row.priority,
    retryLimit: row.retry_limit,
    retryDelay: row.retry_delay,
    retryBackoff: row.retry_backoff,
    retryDelayMax: row.retry_delay_max,
    expireInSeconds: row.expire_seconds,
    deleteAfterSeconds: row.deletion_seconds,
    heartbeatSeconds: row.heartbeat_seconds,
    singletonKey: row.singleton_key,
    singletonOn: row.singleton_on,
    groupId: row.group_id,
    groupTier: row.group_tier,
    deadLetter: row.dead_letter,
    policy: row.policy,
  };
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== null && value !== undefined));
}
