import type { Action } from '../vocabulary/actions.ts';
import type { Resource } from './resource.ts';

/**
 * Whoever the host says is operating the console. The shape is the host's own: the console only
 * passes it back to `authorize` and `auditPrincipal`, and never shows it.
 */
export type Actor = unknown;

/** The stable identity stored on audit records for an actor. */
export interface AuditPrincipal {
  /** Stable id, such as a user id. Never a session id. */
  readonly id: string;
  /** Kind of principal, such as `user` or `service`. */
  readonly type: string;
  /** Human label shown to operators (passes through the display policy as `actor_label`). */
  readonly label: string;
}

/** An authorization answer: `true`/`false`, or an object carrying a reason shown to the operator. */
export type Decision = boolean | { readonly allow: boolean; readonly reason?: string };

/**
 * The host-owned authentication and authorization seam.
 *
 * Each method may be sync or async. A method that throws is treated as a denial (fail closed); the
 * error goes to the server log and never to the operator.
 */
export interface AuthSeam<HostRequest = unknown> {
  /**
   * Reads the operator from the host's own request object (Express `req`, Koa `ctx`, or a Fetch
   * `Request` when the host calls `handle` directly). Returns `null` when nobody is signed in.
   */
  currentActor(hostRequest: HostRequest): Actor | null | undefined | Promise<Actor | null | undefined>;
  /** Decides whether `actor` may take `action` on `resource`. */
  authorize(actor: Actor, action: Action, resource: Resource): Decision | Promise<Decision>;
  /** The identity to record on audit records for `actor`. */
  auditPrincipal(actor: Actor): AuditPrincipal | Promise<AuditPrincipal>;
  /**
   * Set by the starter module `ops-jobs init` writes, until the host makes the seam its own by
   * deleting the line; `ops-jobs doctor` refuses a starter in production.
   */
  readonly starter?: boolean;
}
