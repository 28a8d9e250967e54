import type { Action } from '../vocabulary/actions.ts';
import type { Resource } from './resource.ts';

/**
 * Whoever the host says is operating the console, when nothing narrower is known. The shape is the
 * host's own: the console only passes it back to `authorize`, `auditPrincipal` and the display
 * policy, and never shows it. `AuthSeam`, `DisplayPolicy` and `createOpsJobs` take the host's own
 * type as their `Operator` parameter instead, inferred from what `currentActor` returns.
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
 * Every method may answer at once or return a promise. A method that throws (or rejects) is
 * treated as a denial (fail closed); the error goes to the server log and never to the operator.
 *
 * @typeParam HostRequest - what the adapter hands to `currentActor`: Express `Request`, Koa
 *   `Context`, `node:http` `IncomingMessage`, or a Fetch `Request` for `handle` called directly.
 * @typeParam Operator - the host's own operator type, as `currentActor` returns it (without
 *   `null`); `authorize`, `auditPrincipal` and the display policy receive exactly that.
 */
export interface AuthSeam<HostRequest = unknown, Operator = Actor> {
  /**
   * Reads the operator from the host's own request object (Express `req`, Koa `ctx`,
   * `IncomingMessage`, or a Fetch `Request` when the host calls `handle` directly). Returns `null`
   * (or `undefined`) when nobody is signed in. Sync or async.
   */
  currentActor(hostRequest: HostRequest): Operator | null | undefined | Promise<Operator | null | undefined>;
  /** Decides whether `actor` may take `action` on `resource`. Sync or async. */
  authorize(actor: Operator, action: Action, resource: Resource): Decision | Promise<Decision>;
  /** The identity to record on audit records for `actor`. Sync or async. */
  auditPrincipal(actor: Operator): AuditPrincipal | Promise<AuditPrincipal>;
  /**
   * Set by the starter module `ops-jobs init` writes, until the host makes the seam its own by
   * deleting the line; `ops-jobs doctor` refuses a starter in production.
   */
  readonly starter?: boolean;
}
