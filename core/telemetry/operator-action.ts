import type { OperatorAction } from '../vocabulary/actions.ts';
import { isScheduleSubject, isWholeQueue, type ActionSubject } from '../vocabulary/job-selection.ts';
import { AuthorizationFailedError, ProblemError } from '../errors.ts';
import { PROBLEM_TYPES, type ProblemType } from '../vocabulary/problem-types.ts';
import type { TelemetryTags } from './contract.ts';
import { emitTelemetry } from './emit.ts';
import { millisecondsSince } from './measure.ts';
import { isEngineError } from './observe-engine.ts';

type DenialReason = TelemetryTags<'operator_action', 'denied'>['reason'];

/** Problems that refuse an action, by problem type, and the reason category each reports. */
const REFUSALS: Readonly<Partial<Record<ProblemType, DenialReason>>> = Object.freeze({
  [PROBLEM_TYPES.forbidden]: 'denied',
  [PROBLEM_TYPES.noAuditPrincipal]: 'no_principal',
  [PROBLEM_TYPES.previewOtherOperator]: 'other_operator',
  [PROBLEM_TYPES.previewNotFound]: 'token_unknown',
  [PROBLEM_TYPES.previewUsed]: 'token_used',
  [PROBLEM_TYPES.previewExpired]: 'token_expired',
  [PROBLEM_TYPES.planDrift]: 'plan_drift',
});

/** `ids` or `filter`: how the operator chose the jobs; `queue` for an action on the queue itself, `schedule` for one on a schedule. */
export function selectionKindOf(selection: ActionSubject): 'ids' | 'filter' | 'queue' | 'schedule' {
  if (isWholeQueue(selection)) return 'queue';
  if (isScheduleSubject(selection)) return 'schedule';
  return 'ids' in selection ? 'ids' : 'filter';
}

/**
 * Reports what an error ending a preview or an execute means: a refusal (`denied`, with its reason
 * category), a failure of the engine or the console (`failed`), or nothing for bad input and
 * missing jobs or queues, which the `http` family counts as 4xx.
 */
export function reportActionError(phase: 'preview' | 'execute', action: OperatorAction | 'unknown', error: unknown, started: number): void {
  if (error instanceof ProblemError) {
    const reason = error instanceof AuthorizationFailedError ? 'policy_error' : REFUSALS[error.type];
    if (reason !== undefined) emitTelemetry('operator_action', 'denied', { action, phase, reason });
    return;
  }
  emitTelemetry('operator_action', 'failed', { action, phase, cause: isEngineError(error) ? 'engine' : 'other' }, { duration_ms: millisecondsSince(started) });
}
