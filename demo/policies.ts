/**
 * The demo's auth seam and display policy: ordinary host code, the kind every application using
 * ops-jobs writes for itself. Sign-in is a form that picks one of four demo users; a real host
 * reads its own session and roles here instead.
 */
import { hideKeysMatching } from 'ops-jobs';
import type { AuditPrincipal, AuthSeam, Decision, DisplayPolicy } from 'ops-jobs';

/** What each demo role may do. */
export const ROLES = {
  viewer: 'sees every queue and job, and may act on nothing',
  operator: 'sees everything but the unredacted bridge, and may preview and run job and queue actions',
  admin: 'may do everything',
  guest: 'is signed in, and may do nothing at all',
} as const;

/** One of the demo roles: `viewer`, `operator`, `admin` or `guest`. */
export type Role = keyof typeof ROLES;

/** A demo user as the host's session knows it. */
export interface DemoUser {
  readonly id: string;
  readonly role: Role;
  readonly name: string;
}

/** One user per role; the sign-in form's field `user` is the role name. */
export const DEMO_USERS: Readonly<Record<Role, DemoUser>> = Object.freeze({
  viewer: { id: 'u_1001', role: 'viewer', name: 'Vera Viewer' },
  operator: { id: 'u_1002', role: 'operator', name: 'Omar Operator' },
  admin: { id: 'u_1003', role: 'admin', name: 'Ada Admin' },
  guest: { id: 'u_1004', role: 'guest', name: 'Gus Guest' },
});

/** Whether `value` names a demo role (the sign-in form's `user` field). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(ROLES, value);
}

/**
 * The signed-in user of a request. Both hosts keep the role name in `session.user`, and both
 * Express's `req` and Koa's `ctx` carry the session as `session`, so one reader serves both.
 */
export function sessionUser(hostRequest: unknown): DemoUser | null {
  const session = (hostRequest as { session?: { user?: unknown } | null } | null)?.session;
  return isRole(session?.user) ? DEMO_USERS[session.user] : null;
}

// A bridge to another dashboard shows job data unredacted: named on its own, never granted by `.view`.
const UNREDACTED_ONLY_FOR_ADMINS: Decision = { allow: false, reason: 'The bull-board bridge shows job data unredacted; only admins may open it.' };

function decide(user: DemoUser, action: string): Decision {
  switch (user.role) {
    case 'admin':
      return true;
    case 'operator':
      if (action === 'bridge.view') return UNREDACTED_ONLY_FOR_ADMINS;
      return action.endsWith('.view') || action.startsWith('job.') || action.startsWith('queue.')
        ? true
        : { allow: false, reason: 'Operators may view everything and act on jobs and queues; ask an admin for this.' };
    case 'viewer':
      if (action === 'bridge.view') return UNREDACTED_ONLY_FOR_ADMINS;
      return action.endsWith('.view') ? true : { allow: false, reason: 'Viewers may look but not act; sign in as an operator to act.' };
    case 'guest':
      return { allow: false, reason: 'Guests have no access to the jobs console.' };
  }
}

/** Who is operating the console and what they may do, read from the demo session. */
export const demoAuth: AuthSeam = {
  currentActor: (hostRequest) => sessionUser(hostRequest),
  authorize: (actor, action) => decide(actor as DemoUser, action),
  auditPrincipal: (actor): AuditPrincipal => {
    const user = actor as DemoUser;
    return { id: user.id, type: 'user', label: `${user.name} (${user.role})` };
  },
};

/**
 * Shows job data, output and errors with anything secret-looking replaced, at any depth, and lets
 * operators find jobs by customer or order (never by a hidden field).
 */
export const demoDisplayPolicy: DisplayPolicy = hideKeysMatching(/pass|secret|token|card|ssn|key/i, {
  searchable: ['customerId', 'orderNumber', 'paymentId', 'template'],
});
