/**
 * Everything the two demo hosts share: the database, pg-boss and its workload, and the console
 * configured with the demo's policies. A host adds only its framework, sessions and routes.
 */
import { randomBytes } from 'node:crypto';
import { createOpsJobs } from 'ops-jobs';
import type { OpsJobs } from 'ops-jobs';
import { fromPgBoss } from 'ops-jobs/pg-boss';
import { openDatabase } from './database.ts';
import { enqueueDemoJob } from './enqueue.ts';
import type { EnqueueRequest } from './enqueue.ts';
import { liveSettings } from './live-settings.ts';
import { demoAuth, demoDisplayPolicy } from './policies.ts';
import type { DemoResponse } from './problem.ts';
import { startQuietWorkload, startWorkload } from './workload.ts';
import { MOUNT } from './links.ts';


/** A running demo back end. */
export interface Demo {
  readonly opsJobs: OpsJobs;
  readonly mount: string;
  /** Signs the session cookie: `SESSION_SECRET`, or random per process (sessions end on restart). */
  readonly sessionSecret: string;
  /** `POST /demo/jobs`. */
  enqueue(request: EnqueueRequest): Promise<DemoResponse>;
  /** Stops the workload, pg-boss and the database, in that order. */
  stop(): Promise<void>;
}

/** `DEMO_WORKLOAD`: `on` (the default) or `off`, which creates the queues and runs no jobs at all. */
function workloadSetting(env: NodeJS.ProcessEnv = process.env): 'on' | 'off' {
  const value = env.DEMO_WORKLOAD || 'on';
  if (value !== 'on' && value !== 'off') throw new Error(`DEMO_WORKLOAD must be on or off, got ${JSON.stringify(value)}`);
  return value;
}

/** Opens the database, starts pg-boss with the demo workload, and migrates the console's store. */
export async function bootDemo(): Promise<Demo> {
  const database = await openDatabase();
  const { boss } = database;
  boss.on('error', (error) => console.error('pg-boss error:', error));
  await boss.start();
  const workload = workloadSetting() === 'off' ? await startQuietWorkload(boss) : await startWorkload(boss);

  const opsJobs = createOpsJobs({
    engine: fromPgBoss(boss),
    store: database.store,
    auth: demoAuth,
    displayPolicy: demoDisplayPolicy,
    mount: MOUNT,
    signInUrl: '/login',
    // The demo's sign-in page shows who is signed in, signs out, and signs in as someone else.
    signOutUrl: '/login',
    live: liveSettings(),
    // Looks often, so that a killed worker's job shows as an incident within seconds.
    diagnosis: { intervalSeconds: 5 },
    // Stand-ins for a pager or a chat message: the summaries hold no job data.
    onIncident: (summary) => console.log(`ops-jobs demo: incident ${summary.incidentId} opened: ${summary.sentence}`),
    onRepair: (summary) => console.log(`ops-jobs demo: incident ${summary.incidentId} repaired by ${summary.principalLabel} (${summary.action}, audit record ${summary.auditId})`),
  });
  await opsJobs.ready();
  console.log(`ops-jobs demo: jobs and console tables in ${database.description}`);

  return {
    opsJobs,
    mount: MOUNT,
    sessionSecret: process.env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    enqueue: (request) => enqueueDemoJob(boss, request),
    async stop() {
      // Ends open streams and gives back the live channel's connection, which `database.close()`
      // would otherwise wait for.
      await opsJobs.close();
      await workload.stop();
      // Running jobs get a few seconds to finish; pg-boss aborts their signal after that.
      await boss.stop({ graceful: true, timeout: 5_000 });
      await database.close();
    },
  };
}
