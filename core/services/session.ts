import { ALL_ACTIONS, type Action } from '../contracts/actions.ts';
import type { Actor, AuthSeam } from '../contracts/auth.ts';
import type { SessionResponse } from '../http/wire.ts';
import type { ServiceContext } from './context.ts';

/**
 * Who the operator is and what they may do on the console as a whole, so the console can hide or
 * disable what is not allowed before the operator tries it. Needs only a signed-in actor.
 */
export async function getSession(context: ServiceContext, auth: AuthSeam, actor: Actor): Promise<SessionResponse> {
  const verdicts = await Promise.all(ALL_ACTIONS.map((action) => context.access.check(actor, action, { type: 'console' })));
  const permissions = Object.fromEntries(ALL_ACTIONS.map((action, index) => [action, verdicts[index]?.allowed === true])) as Record<Action, boolean>;
  let label: string | null = null;
  try {
    label = context.presenter.actorLabel((await auth.auditPrincipal(actor)).label, actor);
  } catch {
    label = null;
  }
  return {
    actor: { label },
    permissions,
    engine: { name: context.engine.name, states: [...context.engine.capabilities.states] },
  };
}
