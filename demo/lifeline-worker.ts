/**
 * A worker process to kill, for the console's incidents: `npm run demo:lifeline-worker` with the
 * same `DATABASE_URL` as the demo host. It sends one job to `lifeline.demo` (a queue whose jobs
 * send a heartbeat every 5 seconds and count as late after 10), takes it, and works it forever.
 * Kill it mid-job (`kill -9` the pid it prints): the job stays active with no heartbeat, and the
 * console's next diagnosis pass opens a `stuck-job` incident. See demo/README.md, "Lifeline".
 */
import { PgBoss } from 'pg-boss';

const QUEUE = 'lifeline.demo';
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('The lifeline worker runs beside the demo host on one PostgreSQL: set DATABASE_URL for both (an embedded PGlite lives in one process only).');
  process.exit(1);
}

const boss = new PgBoss({ connectionString: url, application_name: 'ops-jobs demo (lifeline worker)', instanceName: `lifeline worker ${process.pid}`, supervise: false, schedule: false });
boss.on('error', (error) => console.error('pg-boss error:', error));
await boss.start();
if (!(await boss.getQueue(QUEUE))) await boss.createQueue(QUEUE, { retryLimit: 0, heartbeatSeconds: 10, expireInSeconds: 3600 });
const sent = await boss.send(QUEUE, { report: 'quarterly close', apiKey: 'demo-lifeline-secret' });
console.log(`lifeline worker: sent job ${sent} to ${QUEUE}`);

await boss.work(QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
  console.log(`lifeline worker: working job ${job!.id} in process ${process.pid}; kill it mid-job with: kill -9 ${process.pid}`);
  // Works until killed; pg-boss sends the job's heartbeat meanwhile.
  await new Promise(() => {});
});

process.on('SIGINT', () => void boss.stop({ graceful: false }).then(() => process.exit(0)));
