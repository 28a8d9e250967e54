// The host application's side of every example: pg-boss with a few jobs on embedded PGlite, and
// the console over it, mounted at /ops/jobs. Your application has its own engine, store and sign-in.
import { PGlite } from '@electric-sql/pglite';
import { PgBoss, fromPglite } from 'pg-boss';
import { createOpsJobs, hideKeysMatching, type OpsJobs } from 'ops-jobs';
import { fromPgBoss } from 'ops-jobs/pg-boss';
import { createPostgresStore } from 'ops-jobs/postgres';
import type { Request } from 'express';

/** The operator every request is signed in as: it stands in for your own sign-in. */
const OPERATOR = { id: 'example-operator', email: 'operator@example.com' };

export interface ExampleJobs {
  readonly opsJobs: OpsJobs<Request>;
  stop(): Promise<void>;
}

/** Starts pg-boss on an in-memory PGlite, adds jobs that failed and jobs that wait, and the console over them. */
export async function startExampleJobs(): Promise<ExampleJobs> {
  const pglite = await PGlite.create();
  const boss = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', supervise: false, schedule: false });
  boss.on('error', (error) => console.error('pg-boss:', error));
  await boss.start();
  await boss.createQueue('payments', { retryLimit: 0 });
  for (let index = 1; index <= 4; index += 1) await boss.send('payments', { invoice: `inv_${index}`, cardToken: 'tok_secret' });
  for (const job of await boss.fetch('payments', { batchSize: 2 })) {
    await boss.fail('payments', job.id, { message: 'card was declined' });
  }

  const opsJobs = createOpsJobs({
    engine: fromPgBoss(boss),
    store: createPostgresStore({ pglite }),
    auth: {
      currentActor: (_req: Request) => OPERATOR,
      authorize: () => true,
      auditPrincipal: (user) => ({ id: user.id, type: 'user', label: user.email }),
    },
    displayPolicy: hideKeysMatching(/token|secret|card/i),
  });
  await opsJobs.ready();
  return {
    opsJobs,
    async stop() {
      await opsJobs.close();
      await boss.stop({ graceful: false });
      await pglite.close();
    },
  };
}
