import type { JobError, JobSummary } from '../../core/contracts/jobs.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';

/** The fields of a BullMQ job hash a listing row needs, in the order `toJobSummary` reads them. */
export const SUMMARY_FIELDS = Object.freeze(['timestamp', 'delay', 'priority', 'processedOn', 'finishedOn', 'atm', 'attemptsMade', 'opts', 'failedReason'] as const);

/** BullMQ stores a few job options under short names; these are the names hosts wrote them with. */
const OPTION_NAMES: Readonly<Record<string, string>> = Object.freeze({
  de: 'deduplication', fpof: 'failParentOnFailure', cpof: 'continueParentOnFailure', idof: 'ignoreDependencyOnFailure',
  kl: 'keepLogs', rdof: 'removeDependencyOnFailure', tm: 'telemetryMetadata', omc: 'telemetryOmitContext',
});

/** A job's options as the host gave them to `Queue.add`, from the stored JSON. */
export function jobOptions(raw: string | null | undefined): Record<string, unknown> {
  const parsed = parseJson(raw);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [OPTION_NAMES[key] ?? key, value]));
}

/**
 * A listing row from the hash fields `SUMMARY_FIELDS` asked for, or null when the job is gone.
 * `delayedScore` is the job's score in the delayed set, when it is there.
 */
export function toJobSummary(queue: string, id: string, state: JobState, values: readonly (string | null)[] | undefined, delayedScore?: string | null): JobSummary | null {
  const [timestamp, delay, priority, processedOn, finishedOn, atm, attemptsMade, opts, failedReason] = values ?? [];
  if (timestamp === null || timestamp === undefined) return null;
  return summaryOf(queue, id, state, { timestamp, delay, priority, processedOn, finishedOn, atm, attemptsMade, opts, failedReason }, delayedScore);
}

/**
 * When a delayed job is due, from its score in the delayed set (milliseconds times 4096, the low
 * bits ordering jobs due in the same millisecond). Its hash cannot say: after a failed attempt
 * BullMQ records the backoff as `delay` but keeps the creation time.
 */
export function dueAt(delayedScore: string): number {
  return Math.floor(Number(delayedScore) / 0x1000);
}

/** The fields of a job hash by name, as HGETALL or HMGET gave them. */
export type JobHash = Readonly<Record<string, string | null | undefined>>;

export function summaryOf(queue: string, id: string, state: JobState, hash: JobHash, delayedScore?: string | null): JobSummary {
  const options = jobOptions(hash.opts);
  const created = millis(hash.timestamp) ?? 0;
  const delay = millis(hash.delay) ?? 0;
  const due = delayedScore ? dueAt(delayedScore) : delay > 0 ? created + delay : null;
  return {
    id,
    queue,
    state,
    priority: millis(hash.priority) ?? (typeof options.priority === 'number' ? options.priority : 0),
    attempts: {
      made: millis(hash.atm) ?? millis(hash.attemptsMade) ?? 0,
      max: typeof options.attempts === 'number' && options.attempts > 0 ? options.attempts : 1,
    },
    createdAt: iso(created),
    runAfter: due === null ? null : iso(due),
    startedAt: isoOrNull(millis(hash.processedOn)),
    finishedAt: isoOrNull(millis(hash.finishedOn)),
    errorMessage: hash.failedReason ? hash.failedReason : null,
  };
}

/** The last failure, with every stack trace BullMQ kept (newest last), or null when it never failed. */
export function jobError(hash: JobHash): JobError | null {
  const traces = parseJson(hash.stacktrace);
  const stacks = Array.isArray(traces) ? traces.filter((trace): trace is string => typeof trace === 'string') : [];
  if (!hash.failedReason && stacks.length === 0) return null;
  return {
    ...(hash.failedReason ? { message: hash.failedReason } : {}),
    ...(stacks.length > 0 ? { stack: stacks.at(-1)! } : {}),
    ...(stacks.length > 1 ? { details: { stacktraces: stacks } } : {}),
  };
}

/** JSON text as BullMQ stored it, parsed; text that is not JSON is answered as it is. */
export function parseJson(raw: string | null | undefined): unknown {
  if (raw === null || raw === undefined) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function millis(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

function iso(value: number): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

function isoOrNull(value: number | null): string | null {
  return value === null || value === 0 ? null : iso(value);
}
