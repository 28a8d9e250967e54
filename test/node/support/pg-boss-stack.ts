// A real pg-boss 12 on embedded PGlite, seeded through pg-boss itself, for integration tests.
import { PGlite } from '@electric-sql/pglite';
import { PgBoss, fromPglite } from 'pg-boss';

export interface SeededStack {
  readonly boss: PgBoss;
  readonly pglite: PGlite;
  /** Ids of the seeded jobs by what happened to them. */
  readonly ids: { readonly failed: readonly string[]; readonly completed: readonly string[]; readonly queued: readonly string[] };
  stop(): Promise<void>;
}

/** The secret planted in the seeded job data, output and error, which no response may contain. */
export const PLANTED_SECRET = 'tok_live_PLANTED_4242';

/** Starts pg-boss on a fresh in-memory PGlite and seeds a `payments` queue with jobs in three states. */
export async function startSeededPgBoss(): Promise<SeededStack> {
  const pglite = new PGlite();
  const boss = new PgBoss({ db: fromPglite(pglite), supervise: false, schedule: false });
  boss.on('error', (error) => console.error('pg-boss error in test stack', error));
  await boss.start();
  await boss.createQueue('payments', { retryLimit: 0 });
  await boss.createQueue('emails');

  const failed: string[] = [];
  const completed: string[] = [];
  for (let index = 0; index < 5; index += 1) {
    await boss.send('payments', { amount: 100 + index, customer: `cus_${index}`, cardToken: PLANTED_SECRET });
  }
  const fetched = await boss.fetch('payments', { batchSize: 5 });
  for (const [index, job] of fetched.entries()) {
    if (index < 3) {
      await boss.fail('payments', job.id, { name: 'CardDeclined', message: 'card was declined', apiKey: PLANTED_SECRET });
      failed.push(job.id);
    } else {
      await boss.complete('payments', job.id, { receipt: `r_${index}`, token: PLANTED_SECRET });
      completed.push(job.id);
    }
  }
  const queued: string[] = [];
  for (let index = 0; index < 2; index += 1) {
    const id = await boss.send('payments', { amount: 1, cardToken: PLANTED_SECRET });
    if (id) queued.push(id);
  }
  return {
    boss,
    pglite,
    ids: { failed, completed, queued },
    async stop() {
      await boss.stop({ graceful: false });
      await pglite.close();
    },
  };
}
