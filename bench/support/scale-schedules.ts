// Schedules for the schedules view: a few per queue, each with the last job it made recorded as
// pg-boss's cron pass records it. Written straight into pg-boss's schedule table, once; a run that
// finds them keeps them.
import pg from 'pg';
import { SCALE_QUEUES } from './scale-data.ts';

/** Schedules per queue. */
const PER_QUEUE = 8;
const EXPRESSIONS = ['*/5 * * * *', '0 * * * *', '0 2 * * *', '30 6 * * 1', '0 0 1 * *', '15 3 * * *', '0 */6 * * *', '45 23 * * 5'];

/** Makes sure every scale queue has its schedules; returns how many schedules there are in all. */
export async function ensureSchedules(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, application_name: 'ops-jobs bench (schedules)' });
  await client.connect();
  try {
    for (const queue of SCALE_QUEUES) {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM pgboss.job WHERE name = $1 LIMIT 1', [queue]);
      for (let index = 0; index < PER_QUEUE; index += 1) {
        await client.query(
          `INSERT INTO pgboss.schedule (name, key, cron, timezone, data, last_job_id) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (name, key) DO NOTHING`,
          [queue, `bench-${index}`, EXPRESSIONS[index % EXPRESSIONS.length], index % 2 ? 'Europe/Amsterdam' : 'UTC', { batch: index }, rows[0]?.id ?? null],
        );
      }
    }
    const { rows } = await client.query<{ schedules: number }>('SELECT count(*)::int AS schedules FROM pgboss.schedule');
    return rows[0]?.schedules ?? 0;
  } finally {
    await client.end();
  }
}
