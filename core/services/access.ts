import type { Action } from '../contracts/actions.ts';
import type { Actor, AuthSeam } from '../contracts/auth.ts';
import type { Resource } from '../contracts/resource.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Logger } from '../options.ts';

/** An allow-or-deny answer with the reason the host gave, if any. */
export interface Verdict {
  readonly allowed: boolean;
  readonly reason?: string;
}

/**
 * Asks the host's auth seam, failing closed: a seam that throws or answers anything but an
 * allowance denies, and the error stays in the server log.
 */
export interface Access {
  /** The signed-in operator; throws `UnauthenticatedError` when there is none. */
  actor(hostRequest: unknown): Promise<Actor>;
  check(actor: Actor, action: Action, resource: Resource): Promise<Verdict>;
  /** Throws `ForbiddenError` unless `actor` may take `action` on `resource`. */
  require(actor: Actor, action: Action, resource: Resource): Promise<void>;
}

export function createAccess(auth: AuthSeam, logger: Logger): Access {
  async function check(actor: Actor, action: Action, resource: Resource): Promise<Verdict> {
    try {
      const decision = await auth.authorize(actor, action, resource);
      if (decision === true) return { allowed: true };
      if (decision && typeof decision === 'object') {
        const reason = typeof decision.reason === 'string' ? decision.reason : undefined;
        return decision.allow === true ? { allowed: true } : reason === undefined ? { allowed: false } : { allowed: false, reason };
      }
    } catch (error) {
      logger.error(`ops-jobs: authorize() threw for ${action}; denied`, error);
    }
    return { allowed: false };
  }

  return {
    async actor(hostRequest) {
      let actor: Actor | null | undefined;
      try {
        actor = await auth.currentActor(hostRequest);
      } catch (error) {
        logger.error('ops-jobs: currentActor() threw; treated as signed out', error);
        actor = null;
      }
      if (actor === null || actor === undefined) throw new UnauthenticatedError();
      return actor;
    },
    check,
    async require(actor, action, resource) {
      const verdict = await check(actor, action, resource);
      if (!verdict.allowed) throw new ForbiddenError(action, verdict.reason);
    },
  };
}
