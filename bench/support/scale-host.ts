// The host application the scale benchmark measures ops-jobs in: Express wired as
// docs/guides/getting-started.md shows, from the built package's entry points, on the database in
// DATABASE_URL. One fixed admin stands in for the host's session, so every request is signed in
// without a session store; pg-boss runs no supervision or schedules, so that the only database
// work while measuring is what the console asks for.
//   DATABASE_URL=postgres://... node bench/support/scale-host.ts
import express from 'express';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { createOpsJobs, hideKeysMatching } from 'ops-jobs';
import { toExpress } from 'ops-jobs/express';
import { fromPgBoss } from 'ops-jobs/pg-boss';
import { createPostgresStore } from 'ops-jobs/postgres';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const BENCH_ADMIN = { id: 'bench-admin', name: 'Bench Admin' };

const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, application_name: 'ops-jobs bench host (pg-boss)' });
boss.on('error', (error) => console.error('pg-boss error:', error));
await boss.start();
const pool = new pg.Pool({ connectionString: url, max: 5, application_name: 'ops-jobs bench host' });

const opsJobs = createOpsJobs({
  engine: fromPgBoss(boss),
  store: createPostgresStore({ pool }),
  auth: {
    currentActor: () => BENCH_ADMIN,
    authorize: () => true,
    auditPrincipal: (actor) => ({ id: (actor as typeof BENCH_ADMIN).id, type: 'user', label: (actor as typeof BENCH_ADMIN).name }),
  },
  // Two searchable fields, so that every page of jobs carries its payload column, as a host that lists them.
  displayPolicy: hideKeysMatching(/pass|secret|token|card|ssn|key/i, { searchable: ['customerId', 'template'] }),
});
await opsJobs.ready();

const app = express();
app.use(toExpress(opsJobs));
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`ops-jobs bench host: http://127.0.0.1:${port}/ops/jobs/`);
});

let stopping = false;
process.on('SIGTERM', async () => {
  if (stopping) return;
  stopping = true;
  server.close();
  // Open live streams would hold close() open.
  server.closeAllConnections();
  await boss.stop({ graceful: false });
  await pool.end();
  process.exit(0);
});
