import { typesOnly, type Flavour } from '../flavour.ts';

const MOUNTING = {
  express: {
    app: 'Express',
    types: "import type { Express, Request } from 'express';",
    adapter: "import { toExpress } from 'ops-jobs/express';",
    hostRequest: 'Request',
    use: 'app.use(toExpress(opsJobs));',
  },
  koa: {
    app: 'Koa',
    types: "import type Koa from 'koa';\nimport type { Context } from 'koa';",
    adapter: "import { toKoa } from 'ops-jobs/koa';",
    hostRequest: 'Context',
    use: 'app.use(toKoa(opsJobs));',
  },
} as const;

/** `ops-jobs/mount`: builds the console, migrates its store and mounts it on the host's app. */
export function mountModule(flavour: Flavour): string {
  const ts = typesOnly(flavour);
  const host = MOUNTING[flavour.framework];
  const ext = flavour.extension;
  return `// Mounts the console in your ${host.app} application. Written by \`npx ops-jobs init\`.
//
//   // after your session middleware, which the auth seam reads:
//   const opsJobs = await mountOpsJobs(app, { boss, pool });
//   // on shutdown, before boss.stop():
//   opsJobs.close();
${ts(`${host.types}
`)}import { createOpsJobs${ts(', type OpsJobs')} } from 'ops-jobs';
${host.adapter}
import { opsJobsOptions${ts(', type OpsJobsDependencies')} } from './options${ext}';

/**
 * Builds the console, applies its store migrations (failing early if the database is unreachable)
 * and mounts it on \`app\` at OPS_JOBS_MOUNT.
 */
export async function mountOpsJobs(app${ts(`: ${host.app}`)}, dependencies${ts(': OpsJobsDependencies')})${ts(`: Promise<OpsJobs<${host.hostRequest}>>`)} {
  const opsJobs = createOpsJobs(opsJobsOptions(dependencies));
  await opsJobs.ready();
  ${host.use}
  return opsJobs;
}
`;
}
