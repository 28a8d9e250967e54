/**
 * A worker process to kill, for the console's incidents. It sends one job to a queue of its own,
 * takes it, and works it forever; kill it mid-job (`kill -9` the pid it prints) and the console's
 * next diagnosis pass opens a `stuck-job` incident. See demo/README.md, "Lifeline".
 *
 * - `npm run demo:lifeline-worker`, with the same `DATABASE_URL` as `npm run demo`: pg-boss, queue
 *   `lifeline.demo`, whose jobs send a heartbeat every 5 seconds and count as late after 10.
 * - `npm run demo:lifeline-worker -- bullmq`, beside `npm run demo:bullmq` (same `REDIS_URL`):
 *   BullMQ, queue `lifeline-demo` under the demo's prefix (or `BULLMQ_PREFIX`), whose lock lasts 5
 *   seconds: gone within 5 seconds of the kill.
 */
import { Queue, Worker } from 'bullmq';
import { PgBoss } from 'pg-boss';
import { connectDemoRedis } from './bullmq-redis.ts';
import { DEMO_PREFIX } from './bullmq-workload.ts';

/** What the job carries: a report name, and a key the demo's display policy hides. */
const DATA = { report: 'quarterly close', apiKey: 'demo-lifeline-secret' };

const working = (id: string | undefined) =>
  console.log(`lifeline worker: working job ${id} in process ${process.pid}; kill it mid-job with: kill -9 ${process.pid}`);

/** Works until killed; pg-boss sends the job's heartbeat meanwhile. */
async function onPgBoss(): Promise<void> {
  const queue = 'lifeline.demo';
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('The lifeline worker runs beside the demo host on one PostgreSQL: set DATABASE_URL for both (an embedded PGlite lives in one process only).');
    process.exit(1);
  }
  const boss = new PgBoss({ connectionString: url, application_name: 'ops-jobs demo (lifeline worker)', instanceName: `lifeline worker ${process.pid}`, supervise: false, schedule: false });
  boss.on('error', (error) => console.error('pg-boss error:', error));
  await boss.start();
  if (!(await boss.getQueue(queue))) await boss.createQueue(queue, { retryLimit: 0, heartbeatSeconds: 10, expireInSeconds: 3600 });
  const sent = await boss.send(queue, DATA);
  console.log(`lifeline worker: sent job ${sent} to ${queue}`);
  await boss.work(queue, { pollingIntervalSeconds: 1 }, async ([job]) => {
    working(job!.id);
    await new Promise(() => {});
  });
  process.on('SIGINT', () => void boss.stop({ graceful: false }).then(() => process.exit(0)));
}

/** Works until killed; BullMQ renews the job's lock meanwhile, every 2.5 seconds. */
async function onBullMQ(): Promise<void> {
  const name = 'lifeline-demo';
  const connection = await connectDemoRedis();
  const prefix = process.env.BULLMQ_PREFIX || DEMO_PREFIX;
  const queue = new Queue(name, { connection, prefix });
  // One attempt: failed by an operator, it fails for good (with more, BullMQ would retry it).
  const sent = await queue.add('lifeline', DATA, { attempts: 1 });
  console.log(`lifeline worker: sent job ${sent.id} to ${name}`);
  const worker = new Worker(name, async (job) => {
    working(job.id);
    await new Promise(() => {});
  }, {
    connection,
    prefix,
    // The lock is renewed every lockDuration / 2 while this process lives; killed, the process
    // leaves a lock that expires within 5 seconds, and the console names the job as stuck.
    lockDuration: 5000,
    // BullMQ's own recovery of a dead worker's job is the stalled-job check that every worker of
    // the queue runs (one at a time, every stalledInterval): a job still unlocked at its second
    // look goes back to wait, and that worker takes it. Left at its 30 s default, a lifeline worker
    // started again after a kill would take the stuck job back within a minute, clearing the
    // incident before an operator has looked at it. Ten minutes leaves the repair to the operator
    // in the demo. In production keep the default: BullMQ's recovery is what should happen first,
    // and the console's repair is for when it cannot (no worker left on the queue) or is too slow.
    stalledInterval: 600_000,
    concurrency: 1,
  });
  worker.on('error', (error) => console.error('lifeline worker: BullMQ error:', error.message));
  process.on('SIGINT', () => void Promise.all([worker.close(true), queue.close()]).then(() => process.exit(0)));
}

if (process.argv[2] === 'bullmq') await onBullMQ();
else if (process.argv[2] === undefined || process.argv[2] === 'pg-boss') await onPgBoss();
else {
  console.error(`lifeline worker: unknown engine ${JSON.stringify(process.argv[2])}; use pg-boss (the default) or bullmq.`);
  process.exit(1);
}
