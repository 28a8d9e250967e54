/**
 * JSON shapes of the console API, as the browser receives them. Elements import these as types only.
 */
import type { Action } from '../contracts/actions.ts';
import type { JobState } from '../contracts/jobs.ts';

/** A value after the display policy: either shown (possibly redacted or truncated) or hidden. */
export type Shown =
  | { readonly value: unknown }
  | { readonly hidden: true }
  /** Too large to send whole: its size and the first characters of its JSON text. */
  | { readonly truncated: true; readonly bytes: number; readonly preview: string };

export interface SessionResponse {
  /** The operator's label, as the display policy allows (null when hidden). */
  readonly actor: { readonly label: string | null };
  /** For each action in the vocabulary, whether the operator may take it on the console as a whole. */
  readonly permissions: Readonly<Record<Action, boolean>>;
  readonly engine: { readonly name: string; readonly states: readonly JobState[] };
}

export interface QueueResponse {
  readonly name: string;
  readonly counts: Readonly<Partial<Record<JobState, number>>>;
  readonly total: number;
  readonly deadLetterQueue: string | null;
  readonly settings: Readonly<Record<string, string | number | boolean | null>>;
}

export interface QueueListResponse {
  readonly queues: readonly QueueResponse[];
}

export interface JobSummaryResponse {
  readonly id: string;
  readonly queue: string;
  readonly state: JobState;
  readonly priority: number;
  readonly attempts: { readonly made: number; readonly max: number };
  readonly createdAt: string;
  readonly runAfter: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /** The last failure's message as the display policy allows; null when there is none or it is hidden. */
  readonly errorMessage: string | null;
}

export interface JobPageResponse {
  readonly jobs: readonly JobSummaryResponse[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export interface JobDetailResponse extends JobSummaryResponse {
  readonly data: Shown;
  readonly output: Shown;
  readonly error: Shown;
  readonly options: Shown;
  readonly timings: {
    readonly createdAt: string;
    readonly runAfter: string | null;
    readonly startedAt: string | null;
    readonly finishedAt: string | null;
    readonly keepUntil: string | null;
  };
  readonly deadLetteredFrom: { readonly queue: string; readonly id: string | null } | null;
}

/** An RFC 9457 problem document, as every error is answered. */
export interface ProblemResponse {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly [extension: string]: unknown;
}
