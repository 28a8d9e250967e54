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
