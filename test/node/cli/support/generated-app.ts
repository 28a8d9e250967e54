// Runs the mount code `ops-jobs init` wrote, in a real Express or Koa app on 127.0.0.1, over a
// real pg-boss on embedded PGlite. A stand-in for the host's session middleware turns the
// `x-test-role` header into `session.user`, where the starter auth seam reads the operator.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import express from 'express';
import Koa from 'koa';
import { PgBoss, fromPglite } from 'pg-boss';

export interface GeneratedApp {
  readonly url: string;
  close(): Promise<void>;
}

type Mount = (app: unknown, dependencies: { boss: unknown; pool: unknown }) => Promise<{ close(): void }>;

/** A `pg` Pool's shape over PGlite's one connection: enough for the store, one request at a time. */
function poolOver(pglite: PGlite) {
  const query = (text: string, values?: unknown[]) => pglite.query(text, values);
  return { query, connect: async () => ({ query, release: () => {} }) };
}

function userFrom(role: string | undefined) {
  return role ? { user: { id: `u-${role}`, role, email: `${role}@example.com` } } : {};
}

/** Imports `ops-jobs/mount<extension>` from `dir` and serves it with `framework`. */
export async function startGeneratedApp(dir: string, framework: 'express' | 'koa', extension: string): Promise<GeneratedApp> {
  const { mountOpsJobs } = (await import(pathToFileURL(join(dir, `ops-jobs/mount${extension}`)).href)) as { mountOpsJobs: Mount };
  const pglite = await PGlite.create();
  const boss = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', supervise: false, schedule: false });
  await boss.start();
  let server: Server;
  let opsJobs: { close(): void };
  if (framework === 'express') {
    const app = express();
    app.use((req, _res, next) => {
      Object.assign(req, { session: userFrom(req.get('x-test-role')) });
      next();
    });
    opsJobs = await mountOpsJobs(app, { boss, pool: poolOver(pglite) });
    server = app.listen(0, '127.0.0.1');
  } else {
    const app = new Koa();
    app.use(async (ctx, next) => {
      Object.assign(ctx, { session: userFrom(ctx.get('x-test-role') || undefined) });
      await next();
    });
    opsJobs = await mountOpsJobs(app, { boss, pool: poolOver(pglite) });
    server = app.listen(0, '127.0.0.1');
  }
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      opsJobs.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await boss.stop({ graceful: false });
      await pglite.close();
    },
  };
}
