// Starts the Express (or Koa) demo as a child process on a port the OS picks, as a user would run it.
import { existsSync } from 'node:fs';
import { startChildServer, type ChildServer } from './child-server.ts';

const root = new URL('../../../', import.meta.url).pathname;

/** A demo running in a child process. */
export interface DemoProcess extends ChildServer {
  /** The console's path, such as `/ops/jobs`. */
  readonly mount: string;
}

/**
 * Starts `demo/express-host.ts` (or `demo/koa-host.ts`) with `env` added to this process's environment (on embedded
 * PGlite unless `env` sets `DATABASE_URL`) and resolves once it prints its URL.
 */
export async function startDemo(env: Record<string, string> = {}, timeoutMs = 90_000, host: 'express' | 'koa' = 'express'): Promise<DemoProcess> {
  if (!existsSync(`${root}dist/adapters/express/index.js`) || !existsSync(`${root}dist/console/manifest.json`)) {
    throw new Error('the demo needs the built package: run `npm run build` first (npm test does)');
  }
  const server = await startChildServer({
    name: 'the demo',
    args: [`demo/${host}-host.ts`],
    cwd: root,
    env: { PORT: '0', DATABASE_URL: '', DEMO_PGLITE_DIR: '', ...env },
    ready: /ops-jobs demo: (http:\/\/127\.0\.0\.1:\d+)(\/\S*)/,
    timeoutMs,
  });
  return { ...server, mount: server.ready[2]! };
}
