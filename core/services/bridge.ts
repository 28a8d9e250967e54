import type { Actor } from '../contracts/auth.ts';
import type { ServiceContext } from './context.ts';
import { principalOf } from './principal.ts';

/** Throws `ForbiddenError` unless `actor` may open the bridge: any path of it, by any method. */
export function requireBridgeAccess(context: ServiceContext, actor: Actor): Promise<void> {
  return context.access.require(actor, 'bridge.view', { type: 'console' });
}

/**
 * Records that `actor` opened the bridge's page: the bridge shows job data the display policy
 * cannot redact, so who looked, and when, belongs in the audit log. Resolves once it is recorded;
 * a bridge page that cannot be recorded is not shown.
 */
export async function recordBridgeOpened(context: ServiceContext, actor: Actor, bridge: string, correlationId: string): Promise<void> {
  const principal = await principalOf(context, actor);
  await context.store.transaction((tx) => tx.appendAudit({
    occurredAt: context.clock().toISOString(),
    principal,
    action: 'bridge.view',
    resource: null,
    requested: 0,
    affected: 0,
    outcome: 'succeeded',
    reason: `Opened ${bridge} (read-only)`,
    planHash: '',
    correlationId,
  }));
}
