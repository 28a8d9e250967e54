import type { JobOperatorAction, OperatorAction, QueueOperatorAction } from '../../core/vocabulary/actions.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { ACTION_ORDER, QUEUE_ACTION_ORDER , type FirstLoadAction } from './action-copy.ts';

/**
 * An action the console offers for some jobs. The console's rule: an action the engine cannot take
 * is never shown; one the operator may not take is shown disabled, with the host's reason.
 */
export interface ActionOption<A extends OperatorAction = FirstLoadAction> {
  readonly action: A;
  readonly allowed: boolean;
  /** Why it is not allowed, in the host's words; null when allowed or when the host gave none. */
  readonly reason: string | null;
}

/** Where the jobs are, as far as actions care. */
export interface ActionScope {
  /** Whether the jobs sit in a dead letter queue; only such jobs can be redriven. */
  readonly deadLetter: boolean;
}

/** The session's states for `action`, or null when the engine does not support it. */
export function actionStates(session: SessionResponse, action: JobOperatorAction): readonly JobState[] | null {
  return session.engine.actions?.[action] ?? null;
}

/** Whether `action` applies to a job in `state` within `scope`. */
export function appliesTo(session: SessionResponse, action: JobOperatorAction, state: JobState, scope: ActionScope): boolean {
  if (action === 'job.redrive' && !scope.deadLetter) return false;
  return actionStates(session, action)?.includes(state) ?? false;
}

/** Whether the operator may take `action`, and if not, why. */
function optionFor<A extends OperatorAction>(session: SessionResponse, action: A): ActionOption<A> {
  if (session.permissions?.[action] === true) return { action, allowed: true, reason: null };
  return { action, allowed: false, reason: session.reasons?.[action] ?? null };
}

/** The actions for jobs in any of `states` (for one job: its state), in the console's order. */
export function actionOptions(session: SessionResponse | undefined, states: readonly JobState[], scope: ActionScope): ActionOption<JobOperatorAction>[] {
  if (!session) return [];
  return ACTION_ORDER.filter((action) => states.some((state) => appliesTo(session, action, state, scope))).map((action) => optionFor(session, action));
}

/** Whether any action the engine supports here is one the operator may take: worth offering selection. */
export function mayActOnAny(session: SessionResponse | undefined, scope: ActionScope): boolean {
  if (!session) return false;
  return ACTION_ORDER.some((action) => session.permissions?.[action] === true && actionStates(session, action) !== null && (action !== 'job.redrive' || scope.deadLetter));
}

/**
 * Changing a queue's settings (`queue.configure`), when the engine can change some; null when it
 * cannot. Its `allowed` says whether the operator may.
 */
export function configureOption(session: SessionResponse | undefined): ActionOption<QueueOperatorAction> | null {
  if (!session || !(session.engine.queueActions ?? []).includes('queue.configure') || (session.engine.queueSettings ?? []).length === 0) return null;
  return optionFor(session, 'queue.configure');
}

/**
 * The queue action that changes a queue in this state (`queue.resume` for a paused queue,
 * `queue.pause` otherwise), when the engine supports it; null when it does not, or when the queue
 * does not say whether it is paused.
 */
export function queueActionOption(session: SessionResponse | undefined, paused: boolean | undefined): ActionOption<QueueOperatorAction> | null {
  if (!session || paused === undefined) return null;
  const action: QueueOperatorAction = paused ? 'queue.resume' : 'queue.pause';
  if (!QUEUE_ACTION_ORDER.includes(action) || !(session.engine.queueActions ?? []).includes(action)) return null;
  return optionFor(session, action);
}
