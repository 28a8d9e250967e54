import type { OperatorAction } from '../vocabulary/actions.ts';
import type { JobState } from '../vocabulary/job-states.ts';
import type { StoredPreview } from '../contracts/preview.ts';
import { planDrift } from '../problems.ts';
import { isScheduleSubject, isWholeQueue, type ActionSubject } from '../vocabulary/job-selection.ts';
import { sha256Hex } from './preview-token.ts';

export type PlanEntry = StoredPreview['plan'][number];

/**
 * Hex SHA-256 over what an action will do: the action, the queue and every job with its state, and
 * for a change of settings (`subject.settings`), each setting with its value before and after.
 */
export function planHash(action: OperatorAction, queue: string, plan: readonly PlanEntry[], subject?: ActionSubject): Promise<string> {
  const entries = [...plan].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((entry) => [entry.id, entry.state]);
  const settings = subject && isWholeQueue(subject) && subject.settings ? subject.settings.map((change) => [change.setting, change.before, change.after]) : null;
  return sha256Hex(JSON.stringify(settings ? [action, queue, entries, settings] : [action, queue, entries]));
}

/** How many things a plan asks to change, as the audit log records it: its jobs, or 1 for a queue or schedule action (the queue, the schedule). */
export function requestedOf(preview: StoredPreview): number {
  return isWholeQueue(preview.selection) || isScheduleSubject(preview.selection) ? 1 : preview.plan.length;
}

/**
 * Refuses to act when any planned job is gone or in another state than at preview time: the
 * operator approved that set, not whatever is there now.
 */
export function assertNoDrift(plan: readonly PlanEntry[], current: ReadonlyMap<string, JobState>): void {
  const changed = plan.filter((entry) => current.get(entry.id) !== entry.state).length;
  if (changed > 0) {
    throw planDrift(changed, plan.length);
  }
}
