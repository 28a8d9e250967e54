import { typesOnly, type Flavour } from '../flavour.ts';

const HOST_TYPE = {
  express: { type: 'Request', from: "import type { Request } from 'express';" },
  koa: { type: 'Context', from: "import type { Context } from 'koa';" },
} as const;

/** `ops-jobs/options`: the console's options from the host's pg-boss and pool, shared by the app and the doctor. */
export function optionsModule(flavour: Flavour): string {
  const ts = typesOnly(flavour);
  const host = HOST_TYPE[flavour.framework];
  const ext = flavour.extension;
  return `// The console's options, built the same way by your application (mount${ext}) and by
// \`npx ops-jobs doctor\` (ops-jobs.config${ext}). Written by \`npx ops-jobs init\`.
${ts(`${host.from}
import type { OpsJobsOptions } from 'ops-jobs';
`)}import { fromPgBoss${ts(', type PgBossLike')} } from 'ops-jobs/pg-boss';
import { createPostgresStore${ts(', type PgPoolLike')} } from 'ops-jobs/postgres';
import { opsJobsAuth } from './auth${ext}';
import { opsJobsDisplayPolicy } from './display-policy${ext}';

/** Where the console answers in your application. */
export const OPS_JOBS_MOUNT = ${JSON.stringify(flavour.mount).replaceAll('"', "'")};
${ts(`
/** What the console needs from your application. */
export interface OpsJobsDependencies {
  /** Your pg-boss 12 instance (started by your application). */
  readonly boss: PgBossLike;
  /** A \`pg\` Pool on the same database, for the console's own tables (schema ops_jobs). */
  readonly pool: PgPoolLike;
}
`)}
/**
 * The console over your pg-boss, with its own tables beside pg-boss's in the same database, so an
 * operator's action and its audit record commit together.
 */
export function opsJobsOptions({ boss, pool }${ts(': OpsJobsDependencies')})${ts(`: OpsJobsOptions<${host.type}>`)} {
  return {
    engine: fromPgBoss(boss),
    store: createPostgresStore({ pool }),
    auth: opsJobsAuth,
    displayPolicy: opsJobsDisplayPolicy,
    mount: OPS_JOBS_MOUNT,
    // Where a signed-out operator is sent: your sign-in page.
    signInUrl: '/login',
  };
}
`;
}
