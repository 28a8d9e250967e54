/**
 * How an audited action ended, in the order the console offers them as filters. `pending` is an
 * intent recorded before an action on an engine that cannot share the store's transaction; one
 * left pending by a crash stays visible as such. The others after `failed` are attempts the console
 * refused, recorded so the log shows what operators tried and not only what happened: `denied`
 * (not allowed, or another operator's preview), `expired` (the preview's time ran out),
 * `already_used` (its token was spent) and `drifted` (its jobs changed since). A refused attempt
 * changed no job (`affected` 0).
 */
export const AUDIT_OUTCOMES = Object.freeze(['succeeded', 'failed', 'pending', 'denied', 'expired', 'already_used', 'drifted'] as const);

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The outcomes of attempts that changed nothing because the console refused them. */
export type RefusedOutcome = Extract<AuditOutcome, 'denied' | 'expired' | 'already_used' | 'drifted'>;

/** Whether `value` is an audit outcome. */
export function isAuditOutcome(value: unknown): value is AuditOutcome {
  return typeof value === 'string' && (AUDIT_OUTCOMES as readonly string[]).includes(value);
}

/**
 * What an open intent means, in words, sent with every `pending` record: the console recorded the
 * action before the engine ran it and has recorded no outcome since. While the action runs that is
 * expected; once it has not finished for longer than an action takes, the process stopped between
 * the two steps, and only the jobs themselves can say whether the change happened.
 */
export const PENDING_OUTCOME_NOTE =
  'Outcome unknown: this action was recorded before the engine ran it, and no outcome has been recorded since. ' +
  'If it stays so, the process stopped between the two steps: check the jobs listed here to see whether the change happened.';

/** The same note on a pending record of a queue action (pause, resume), which lists no jobs. */
export const PENDING_QUEUE_OUTCOME_NOTE =
  'Outcome unknown: this action was recorded before the engine ran it, and no outcome has been recorded since. ' +
  'If it stays so, the process stopped between the two steps: check whether the queue is paused to see whether the change happened.';

/** `PENDING_OUTCOME_NOTE` for a schedule action (`schedule.run`, `schedule.remove`). */
export const PENDING_SCHEDULE_OUTCOME_NOTE =
  'Outcome unknown: this action was recorded before the engine ran it, and no outcome has been recorded since. ' +
  "If it stays so, the process stopped between the two steps: check the schedules (is it still there?) and the queue's newest jobs to see whether the change happened.";
