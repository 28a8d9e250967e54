import { ALL_ACTIONS, isOperatorAction, type Action } from '../../core/vocabulary/actions.ts';
import type { Actor, AuthSeam } from '../../core/contracts/auth.ts';
import type { Phase } from '../../core/contracts/resource.ts';
import { createAccess } from '../../core/services/access.ts';
import { messageOf } from './finding.ts';
import { withTimeout } from './timeout.ts';

/** What `authorize` answered for one role. */
export interface PermissionCell {
  readonly allow: boolean;
  /** The reason a denial gave the operator, if any. */
  readonly reason?: string;
  /** Set when `authorize` threw or answered something that is not a decision: the console denies. */
  readonly error?: string;
}

/** One action (and, for actions on jobs, one phase) and each role's answer. */
export interface PermissionRow extends PermissionRowKey {
  readonly decisions: Readonly<Record<string, PermissionCell>>;
}

/** Who may do what on the console as a whole, as the console's session asks: rows are actions, columns roles. */
export interface PermissionsTable {
  readonly roles: readonly string[];
  readonly rows: readonly PermissionRow[];
}

/** An action and, for actions on jobs, the phase it is asked in. */
export interface PermissionRowKey {
  readonly action: Action;
  readonly phase: Phase | null;
}

/** Every action, with the phases of the actions on jobs, in the vocabulary's order. */
export const PERMISSION_ROWS: readonly PermissionRowKey[] = Object.freeze(
  ALL_ACTIONS.flatMap((action): PermissionRowKey[] => (isOperatorAction(action)
    ? [{ action, phase: 'preview' }, { action, phase: 'execute' }]
    : [{ action, phase: null }])),
);

/**
 * Asks `auth.authorize` about every action for each role's sample actor, on the console as a whole
 * (`{ type: 'console', phase }`, as `GET api/session` asks), deciding exactly as the console does.
 */
export async function permissionsTable(auth: AuthSeam, roles: Readonly<Record<string, Actor>>, timeoutMs: number): Promise<PermissionsTable> {
  let lastError: unknown;
  const access = createAccess(auth, { error: (_message, error) => (lastError = error), warn: () => {} });
  const names = Object.keys(roles);
  const rows: PermissionRow[] = [];
  // One question that gets no answer is enough to know: the rest are not asked, each at a timeout's cost.
  let stalled: string | undefined;
  for (const { action, phase } of PERMISSION_ROWS) {
    const decisions: Record<string, PermissionCell> = {};
    for (const role of names) {
      if (stalled !== undefined) {
        decisions[role] = { allow: false, error: `not asked: ${stalled}` };
        continue;
      }
      lastError = undefined;
      const resource = phase === null ? { type: 'console' as const } : { type: 'console' as const, phase };
      try {
        const verdict = await withTimeout(access.check(roles[role], action, resource), timeoutMs, `authorize(${role}, ${action})`);
        decisions[role] = verdict.failed
          ? { allow: false, error: lastError === undefined ? 'authorize() answered something that is not a decision' : `authorize() threw: ${messageOf(lastError)}` }
          : { allow: verdict.allowed, ...(verdict.reason === undefined ? {} : { reason: verdict.reason }) };
      } catch (error) {
        stalled = messageOf(error);
        decisions[role] = { allow: false, error: stalled };
      }
    }
    rows.push({ action, phase, decisions });
  }
  return { roles: names, rows };
}

/** `job.retry (preview)` or `audit.view`. */
export function rowLabel(row: PermissionRowKey): string {
  return row.phase === null ? row.action : `${row.action} (${row.phase})`;
}
