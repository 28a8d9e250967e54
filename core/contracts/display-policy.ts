import type { Actor } from './auth.ts';

/** The kinds of value a display policy is asked about. */
export const DISPLAY_KINDS = Object.freeze({
  jobData: 'job_data',
  jobOutput: 'job_output',
  jobError: 'job_error',
  jobOptions: 'job_options',
  /** The data a schedule sends with each job it creates. */
  scheduleData: 'schedule_data',
  /** The results a flow's jobs hand to the jobs that depend on them. */
  flowResult: 'flow_result',
  /** An operator's name as shown on the console and in the audit log. */
  actorLabel: 'actor_label',
  /** The reason an operator gave for an action. */
  reason: 'reason',
} as const);

export type DisplayKind = (typeof DISPLAY_KINDS)[keyof typeof DISPLAY_KINDS];

/**
 * Where a value is about to be shown.
 *
 * @typeParam Operator - the host's operator type, as `auth.currentActor` returns it.
 */
export interface DisplayContext<Operator = Actor> {
  /** The operator the value would be shown to. */
  readonly actor: Operator;
  readonly queue?: string;
  readonly jobId?: string;
}

/**
 * The answer of a display policy for one value:
 * - `{ show: value }` shows `value` (which may be a redacted copy of the original);
 * - `{ hide: true }` or `undefined` hides the value entirely.
 */
export type DisplayDecision = { readonly show: unknown } | { readonly hide: true } | undefined | null;

/**
 * The host-owned redaction boundary. Deny by default: a kind the policy does not answer is hidden.
 *
 * Both methods answer synchronously: the policy is applied while answers, live events and exports
 * are written, value by value. Anything the policy needs to look up (an operator's teams, say)
 * belongs in `auth.currentActor`, which may be async, so that it arrives as `context.actor`.
 * A policy that returns a promise is refused, never read as "hide": `createOpsJobs` throws an
 * `OptionsError` for an `async` method, and a promise returned at run time fails the request with
 * a 500 and an error in the log naming the fix.
 *
 * @typeParam Operator - the host's operator type, as `auth.currentActor` returns it.
 */
export interface DisplayPolicy<Operator = Actor> {
  /** Decides what `context.actor` sees of `value`, a value of `kind`. Synchronous. */
  display(kind: DisplayKind, value: unknown, context: DisplayContext<Operator>): DisplayDecision;
  /**
   * Whether operators may filter jobs on this payload field (a dotted path such as `customer.id`).
   * Absent or throwing means no field is searchable. Only mark fields whose values the operator may
   * see anyway: a filter answers "is it this value?" even when the value is hidden. Synchronous.
   */
  searchable?(field: string, context: DisplayContext<Operator>): boolean;
  /**
   * The searchable fields, listed so that the console can offer a filter for each and show them in
   * a column of the job list. Optional: without it, filters still work through the API but the
   * console offers none. Each listed field is still asked of `searchable` for the operator and the
   * queue, and its values still pass through `display` as job data, so listing a field never shows
   * more than the policy does.
   */
  readonly searchableFields?: readonly string[];
  /** Set by `showEverything()` so that deployment checks can flag it outside development. */
  readonly showsEverything?: boolean;
  /**
   * Set by the starter module `ops-jobs init` writes, until the host makes the policy its own by
   * deleting the line; `ops-jobs doctor` refuses a starter in production.
   */
  readonly starter?: boolean;
}
