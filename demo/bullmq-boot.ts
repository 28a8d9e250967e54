/**
 * The BullMQ demo's back end: BullMQ queues and their workload on Redis (`REDIS_URL`), the console
 * over them, and the console's own tables in embedded PGlite (or `DATABASE_URL`), with the same
 * sign-in users and policies as the pg-boss demo, and bull-board beside it as a read-only bridge.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createOpsJobs, type OpsStore } from 'ops-jobs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { bullBoardBridge } from 'ops-jobs/bull-board';
import { fromBullMQ } from 'ops-jobs/bullmq';
import { createPostgresStore } from 'ops-jobs/postgres';
import type { Demo } from './boot.ts';
import { connectDemoRedis } from './bullmq-redis.ts';
import { BULLMQ_DEMO_QUEUES, DEMO_PREFIX, startBullMQWorkload } from './bullmq-workload.ts';
import { enqueueInto } from './enqueue.ts';
import { liveSettings } from './live-settings.ts';
import { MOUNT } from './links.ts';
import { demoAuth, demoDisplayPolicy } from './policies.ts';

/** The console's store: on `DATABASE_URL` when set, otherwise embedded PGlite in memory. */
async function openStore(): Promise<{ readonly store: OpsStore; readonly description: string; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 5, application_name: 'ops-jobs BullMQ demo' });
    return { store: createPostgresStore({ pool }), description: 'PostgreSQL (DATABASE_URL)', close: () => pool.end() };
  }
  const pglite = await PGlite.create();
  return { store: createPostgresStore({ pglite }), description: 'embedded PGlite in memory', close: () => pglite.close() };
}

export async function bootBullMQDemo(): Promise<Demo> {
  const redis = await connectDemoRedis();
  const database = await openStore();
  const workload = await startBullMQWorkload(redis);
  const opsJobs = createOpsJobs({
    engine: fromBullMQ({ connection: redis, prefix: DEMO_PREFIX }),
    store: database.store,
    auth: demoAuth,
    displayPolicy: demoDisplayPolicy,
    mount: MOUNT,
    signInUrl: '/login',
    live: liveSettings(),
    // Looks often, so that a killed worker's job (demo/lifeline-worker.ts) shows as an incident within seconds.
    diagnosis: { intervalSeconds: 5 },
    // Stand-ins for a pager or a chat message: the summaries hold no job data.
    onIncident: (summary) => console.log(`ops-jobs demo: incident ${summary.incidentId} opened: ${summary.sentence}`),
    onRepair: (summary) => console.log(`ops-jobs demo: incident ${summary.incidentId} repaired by ${summary.principalLabel} (${summary.action}, audit record ${summary.auditId})`),
    // bull-board beside the console, read-only; the demo's policy lets only admins open it.
    bridge: await bullBoardBridge({ queues: [...workload.queues.values()].map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })) }),
  });
  await opsJobs.ready();
  console.log(`ops-jobs BullMQ demo: jobs in Redis under the prefix "${DEMO_PREFIX}", console tables in ${database.description}`);

  return {
    opsJobs,
    mount: MOUNT,
    sessionSecret: process.env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    enqueue: (request) => enqueueInto({
      has: async (queue) => (BULLMQ_DEMO_QUEUES as readonly string[]).includes(queue),
      names: async () => [...BULLMQ_DEMO_QUEUES].sort(),
      send: async (queue, data) => (await workload.queues.get(queue)!.add('demo', data)).id ?? null,
    }, request),
    async stop() {
      await opsJobs.close();
      await workload.stop();
      redis.disconnect();
      await database.close();
    },
  };
}
