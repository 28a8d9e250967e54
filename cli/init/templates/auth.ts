import { castFor, typesOnly, type Flavour } from '../flavour.ts';

const HOST_REQUEST = {
  express: { name: 'req', type: 'Request', from: "import type { Request } from 'express';", says: "Express hands over its own `req`" },
  koa: { name: 'ctx', type: 'Context', from: "import type { Context } from 'koa';", says: 'Koa hands over its `ctx`' },
} as const;

/** `ops-jobs/auth`: the auth seam over the host's sessions, with a role table, marked as a starter. */
export function authModule(flavour: Flavour): string {
  const ts = typesOnly(flavour);
  const host = HOST_REQUEST[flavour.framework];
  const cast = castFor(flavour);
  return `// Who operates the console, and what each role may do on it.
//
// A starter written by \`npx ops-jobs init\`. Read the operator from your own session, give your
// roles the actions they need, then delete the \`starter: true\` line below: until then
// \`npx ops-jobs doctor\` reports this module, as an error when NODE_ENV is production.
// The actions and what each guards: docs/guides/policy-seams.md in the ops-jobs package.
${ts(`${host.from}
import type { Action, AuthSeam } from 'ops-jobs';

/** An operator as your session keeps them. */
export interface Operator {
  readonly id: string;
  readonly role: string;
  readonly email?: string;
}
`)}
/** What each role may do on the console. An action not listed is denied, and so is a role not listed. */
export const ROLE_ACTIONS = new Map${ts('<string, readonly Action[]>')}([
  ['viewer', ['queues.view', 'jobs.view']],
  ['operator', ['queues.view', 'jobs.view', 'job.retry', 'job.cancel', 'job.resume', 'job.redrive', 'audit.view']],
  ['admin', ['queues.view', 'jobs.view', 'job.retry', 'job.cancel', 'job.delete', 'job.resume', 'job.redrive', 'audit.view', 'audit.export']],
]);

/** The console's auth seam. Each method may be async; one that throws denies. */
export const opsJobsAuth${ts(`: AuthSeam<${host.type}, Operator>`)} = {
  starter: true,
  // ${host.says}: read the user your session middleware put there.
  currentActor: (${host.name}) => ${cast(host.name, `${host.type} & { session?: { user?: Operator } | null }`)}.session?.user ?? null,
  authorize: (operator, action) => ROLE_ACTIONS.get(operator.role)?.includes(action) ?? false,
  auditPrincipal: (operator) => ({ id: String(operator.id), type: 'user', label: operator.email ?? String(operator.id) }),
};
`;
}
