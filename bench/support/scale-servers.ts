// Starts the two products the scale benchmark compares, each in its own process on 127.0.0.1.
import { freePort } from '../../test/proxy/support/free-port.ts';
import { startChildServer, type ChildServer } from '../../test/proxy/support/child-server.ts';

const root = new URL('../../', import.meta.url).pathname;

/** ops-jobs in the bench's Express host (bench/support/scale-host.ts), from the built package. */
export function startOpsJobsHost(databaseUrl: string): Promise<ChildServer> {
  return startChildServer({
    name: 'the ops-jobs bench host',
    args: ['bench/support/scale-host.ts'],
    env: { DATABASE_URL: databaseUrl },
    cwd: root,
    ready: /ops-jobs bench host: (http:\/\/127\.0\.0\.1:\d+)/,
    timeoutMs: 60_000,
  });
}

/** @pg-boss/dashboard as its own command line starts it, without authentication. */
export async function startPgBossDashboard(databaseUrl: string): Promise<ChildServer> {
  const port = await freePort();
  return startChildServer({
    name: '@pg-boss/dashboard',
    args: [`${root}node_modules/@pg-boss/dashboard/bin/cli.js`],
    env: { DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', PGBOSS_DASHBOARD_AUTH_USERNAME: '', PGBOSS_DASHBOARD_AUTH_PASSWORD: '' },
    cwd: root,
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    timeoutMs: 60_000,
  });
}
