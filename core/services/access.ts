import type { Action } from '../vocabulary/actions.ts';
import type { Actor, AuthSeam } from '../contracts/auth.ts';
import type { Resource } from '../contracts/resource.ts';
import { AuthorizationFailedError, ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Logger } from '../options.ts';
import { emitTelemetry } from '../telemetry/emit.ts';

/** An allow-or-deny answer with the reason the host gave, if any. */
export interface Verdict {
  readonly allowed: boolean;
  readonly reason?: string;
  /** True when `authorize` threw or answered something that is not a decision (so it denies). */
  readonly failed?: boolean;
}

/**
 * Asks the host's auth seam, failing closed: a seam that throws or answers anything but an
 * allowance denies, and the error stays in the server log.
 */
export interface Access {
  /** The signed-in operator; throws `UnauthenticatedError` when there is none. */
  actor(hostRequest: unknown): Promise<Actor>;
  /** Asks without refusing anything, as the session does for every permission. */
  check(actor: Actor, action: Action, resource: Resource): Promise<Verdict>;
  /** Asks on behalf of a request that a denial refuses, and reports the refusal. */
  gate(actor: Actor, action: Action, resource: Resource): Promise<Verdict>;
  /** Throws `ForbiddenError` unless `actor` may take `action` on `resource` (see `gate`). */
  require(actor: Actor, action: Action, resource: Resource): Promise<void>;
}

export function createAccess(auth: AuthSeam, logger: Logger): Access {
  async function check(actor: Actor, action: Action, resource: Resource): Promise<Verdict> {
    try {
      const decision = await auth.authorize(actor, action, resource);
      if (decision === true) return { allowed: true };
      if (decision === false) return { allowed: false };
      if (decision && typeof decision === 'object') {
        const reason = typeof decision.reason === 'string' ? decision.reason : undefined;
        return decision.allow === true ? { allowed: true } : reason === undefined ? { allowed: false } : { allowed: false, reason };
      }
    } catch (error) {
      logger.error(`ops-jobs: authorize() threw for ${action}; denied`, error);
    }
    return { allowed: false, failed: true };
  }

  async function gate(actor: Actor, action: Action, resource: Resource): Promise<Verdict> {
    const verdict = await check(actor, action, resource);
    if (!verdict.allowed) {
      const phase = 'phase' in resource && resource.phase !== undefined ? resource.phase : 'none';
      emitTelemetry('auth', 'denied', { action, resource: resource.type, phase, reason: verdict.failed ? 'policy_error' : 'denied' });
    }
    return verdict;
  }

  return {
    async actor(hostRequest) {
      let actor: Actor | null | undefined;
      try {
        actor = await auth.currentActor(hostRequest);
      } catch (error) {
        logger.error('ops-jobs: currentActor() threw; treated as signed out', error);
        emitTelemetry('auth', 'unauthenticated', { reason: 'actor_error' });
        throw new UnauthenticatedError();
      }
      if (actor === null || actor === undefined) {
        emitTelemetry('auth', 'unauthenticated', { reason: 'no_actor' });
        throw new UnauthenticatedError();
      }
      return actor;
    },
    check,
    gate,
    async require(actor, action, resource) {
      const verdict = await gate(actor, action, resource);
      if (verdict.allowed) return;
      throw verdict.failed ? new AuthorizationFailedError(action) : new ForbiddenError(action, verdict.reason);
    },
  };
}
