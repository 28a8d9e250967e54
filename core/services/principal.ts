import type { Actor, AuditPrincipal } from '../contracts/auth.ts';
import { noAuditPrincipal } from '../problems.ts';
import type { ServiceContext } from './context.ts';

function isPrincipal(value: unknown): value is AuditPrincipal {
  const candidate = value as Partial<AuditPrincipal> | null;
  return typeof candidate === 'object' && candidate !== null
    && typeof candidate.id === 'string' && candidate.id.length > 0 && candidate.id.length <= 200
    && typeof candidate.type === 'string' && candidate.type.length > 0 && candidate.type.length <= 50
    && typeof candidate.label === 'string' && candidate.label.length <= 200;
}

/**
 * The identity an action is recorded under. A mutation whose principal cannot be derived is
 * refused: nothing may change without someone to record it against.
 */
export async function principalOf(context: ServiceContext, actor: Actor): Promise<AuditPrincipal> {
  let principal: unknown;
  try {
    principal = await context.auth.auditPrincipal(actor);
  } catch (error) {
    context.logger.error('ops-jobs: auditPrincipal() threw; the action is refused', error);
  }
  if (!isPrincipal(principal)) {
    throw noAuditPrincipal();
  }
  return { id: principal.id, type: principal.type, label: principal.label };
}
