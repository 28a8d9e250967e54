// The audit reads a chronology makes, held by PostgreSQL's own account of the work: EXPLAIN
// (ANALYZE, BUFFERS) on a seeded audit table many times larger than one page of it. A job's
// records (its queue and id) come through the index of job ids, a queue's through the queue's
// index, newest first; a schedule's (its queue and key) through the index of schedule keys; none
// reads the table. Real PostgreSQL only. The table is large on
// purpose: PostgreSQL cannot tell how rare a job id is from the array's statistics, and on 60,000
// records (PostgreSQL 15) it still preferred reading the whole table to the index of job ids; on
// 300,000 it takes the index, as it would in production.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type pg from 'pg';
import { createPostgresStore } from '../../../../adapters/postgres/index.ts';
import { checkAuditFilter } from '../../../../adapters/postgres/audit-filter.ts';
import * as sql from '../../../../adapters/postgres/sql.ts';
import { CHRONOLOGY_AUDIT_LIMIT } from '../../../../core/vocabulary/chronology.ts';
import { connectPostgres, dropSchemas, uniqueSchema } from '../../support/database.ts';

const RECORDS = 300_000;
const QUEUES = 30;

const SCHEDULE_RECORDS = 20_000;

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly 'Relation Name'?: string;
  readonly 'Shared Hit Blocks'?: number;
  readonly 'Shared Read Blocks'?: number;
  readonly Plans?: readonly PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function explainIn(pool: pg.Pool, schema: string, filter: Parameters<typeof checkAuditFilter>[0]): Promise<{ plan: PlanNode[]; rows: number; buffers: number }> {
  const statement = sql.selectAuditPage(schema, { filter: checkAuditFilter(filter), after: null, limit: CHRONOLOGY_AUDIT_LIMIT + 1 });
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, [...statement.values]);
  const top = (rows[0]['QUERY PLAN'] as [{ Plan: PlanNode & { 'Actual Rows': number } }])[0].Plan;
  return { plan: nodes(top), rows: top['Actual Rows'], buffers: (top['Shared Hit Blocks'] ?? 0) + (top['Shared Read Blocks'] ?? 0) };
}

const planNames = (plan: PlanNode[]) => JSON.stringify(plan.map((node) => [node['Node Type'], node['Index Name']]));

describe('the chronology\'s audit reads on PostgreSQL, by EXPLAIN (ANALYZE, BUFFERS)', () => {
  const schema = uniqueSchema('ops_audit_shape');
  let pool: pg.Pool;

  before(async () => {
    pool = await connectPostgres(2);
    const store = createPostgresStore({ pool, schema });
    await store.migrate();
    // Records across many queues, each naming a few jobs; the job asked about is named by 3 of them.
    await pool.query(`INSERT INTO "${schema}".audit_events
        (occurred_at, completed_at, principal_id, principal_type, principal_label, action, queue, selection, job_ids, requested, affected, outcome, reason, plan_hash, correlation_id)
      SELECT now() - n * interval '1 second', now() - n * interval '1 second', 'u' || (n % 7), 'user', 'U', 'job.retry', 'q' || (n % ${QUEUES}),
        '{"ids":[]}'::jsonb, ARRAY['job-' || n, 'job-' || (n + 1)], 2, 2, 'succeeded', 'r', 'h', 'c'
      FROM generate_series(1, ${RECORDS}) AS n`);
    await pool.query(`INSERT INTO "${schema}".audit_events
        (occurred_at, completed_at, principal_id, principal_type, principal_label, action, queue, selection, job_ids, requested, affected, outcome, reason, plan_hash, correlation_id)
      SELECT now() - n * interval '1 minute', now(), 'u', 'user', 'U', 'job.retry', 'q1', '{"ids":[]}'::jsonb, ARRAY['asked-about'], 1, 1, 'succeeded', 'r', 'h', 'c'
      FROM generate_series(1, 3) AS n`);
    await pool.query(`ANALYZE "${schema}".audit_events`);
  });
  after(async () => {
    if (pool) {
      await dropSchemas((text) => pool.query(text), [schema]);
      await pool.end();
    }
  });

  async function explain(filter: Parameters<typeof checkAuditFilter>[0]): Promise<{ plan: PlanNode[]; rows: number; buffers: number }> {
    const statement = sql.selectAuditPage(schema, { filter: checkAuditFilter(filter), after: null, limit: CHRONOLOGY_AUDIT_LIMIT + 1 });
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, [...statement.values]);
    const top = (rows[0]['QUERY PLAN'] as [{ Plan: PlanNode & { 'Actual Rows': number } }])[0].Plan;
    return { plan: nodes(top), rows: top['Actual Rows'], buffers: (top['Shared Hit Blocks'] ?? 0) + (top['Shared Read Blocks'] ?? 0) };
  }

  test("a job's records come through the index of job ids, and read a few pages", async () => {
    const { plan, rows, buffers } = await explain({ queue: 'q1', jobId: 'asked-about' });
    assert.equal(rows, 3);
    assert.ok(plan.some((node) => node['Index Name'] === 'audit_events_job_ids_idx'), JSON.stringify(plan.map((node) => [node['Node Type'], node['Index Name']])));
    assert.equal(plan.some((node) => node['Node Type'] === 'Seq Scan'), false, 'no scan of the table');
    assert.ok(buffers < 30, `${buffers} buffers`);
  });

  test("a queue's newest records come through the queue's index, one page of it", async () => {
    const { plan, rows, buffers } = await explain({ queue: 'q7' });
    assert.equal(rows, CHRONOLOGY_AUDIT_LIMIT + 1);
    assert.ok(plan.some((node) => node['Index Name'] === 'audit_events_queue_idx'), JSON.stringify(plan.map((node) => [node['Node Type'], node['Index Name']])));
    assert.equal(plan.some((node) => node['Node Type'] === 'Seq Scan' || node['Node Type'] === 'Sort'), false, 'no scan of the table, no sort');
    // A page of 101 rows spread over the table: about a heap page each, and the index's few.
    assert.ok(buffers < CHRONOLOGY_AUDIT_LIMIT + 40, `${buffers} buffers`);
  });
});

describe("a schedule chronology's audit reads on PostgreSQL, by EXPLAIN (ANALYZE, BUFFERS)", () => {
  const schema = uniqueSchema('ops_audit_schedule_shape');
  let pool: pg.Pool;

  before(async () => {
    pool = await connectPostgres(2);
    await createPostgresStore({ pool, schema }).migrate();
    const insert = `INSERT INTO "${schema}".audit_events
        (occurred_at, completed_at, principal_id, principal_type, principal_label, action, queue, selection, job_ids, requested, affected, outcome, reason, plan_hash, correlation_id)`;
    // Actions on jobs across the queues, which name no schedule.
    await pool.query(`${insert}
      SELECT now() - n * interval '1 second', now(), 'u', 'user', 'U', 'job.retry', 'q' || (n % ${QUEUES}), '{"ids":[]}'::jsonb, ARRAY['job-' || n], 1, 1, 'succeeded', 'r', 'h', 'c'
      FROM generate_series(1, ${RECORDS}) AS n`);
    // Schedule actions among them: a busy schedule ('nightly' of q7, 5,000 records), pg-boss's
    // schedule without a key ('') of q2 (2,000), 50 keys spread over the queues; and q1's '', 3 times.
    await pool.query(`${insert}
      SELECT now() - n * interval '15 second', now(), 'u', 'user', 'U', 'schedule.run',
        CASE WHEN n % 4 = 0 THEN 'q7' WHEN n % 10 = 1 THEN 'q2' ELSE 'q' || (n % ${QUEUES}) END,
        jsonb_build_object('schedule', CASE WHEN n % 4 = 0 THEN 'nightly' WHEN n % 10 = 1 THEN '' ELSE 'key-' || (n % 50) END), '{}'::text[], 1, 1, 'succeeded', 'r', 'h', 'c'
      FROM generate_series(1, ${SCHEDULE_RECORDS}) AS n`);
    await pool.query(`${insert}
      SELECT now() - n * interval '1 hour', now(), 'u', 'user', 'U', 'schedule.remove', 'q1', '{"schedule":""}'::jsonb, '{}'::text[], 1, 1, 'succeeded', 'r', 'h', 'c'
      FROM generate_series(1, 3) AS n`);
    await pool.query(`ANALYZE "${schema}".audit_events`);
  });
  after(async () => {
    if (pool) {
      await dropSchemas((text) => pool.query(text), [schema]);
      await pool.end();
    }
  });

  test("a schedule's few records come through the index of schedule keys, though another queue's schedule has the same empty key often", async () => {
    const { plan, rows, buffers } = await explainIn(pool, schema, { queue: 'q1', schedule: '' });
    assert.equal(rows, 3);
    assert.ok(plan.some((node) => node['Index Name'] === 'audit_events_schedule_idx'), planNames(plan));
    assert.equal(plan.some((node) => node['Node Type'] === 'Seq Scan'), false, 'no scan of the table');
    assert.ok(buffers < 30, `${buffers} buffers`);
  });

  test("a busy schedule's newest records come through the same index, in its order: one page of it, no sort", async () => {
    const { plan, rows, buffers } = await explainIn(pool, schema, { queue: 'q7', schedule: 'nightly' });
    assert.equal(rows, CHRONOLOGY_AUDIT_LIMIT + 1);
    assert.ok(plan.some((node) => node['Index Name'] === 'audit_events_schedule_idx'), planNames(plan));
    assert.equal(plan.some((node) => node['Node Type'] === 'Seq Scan' || node['Node Type'] === 'Sort'), false, 'no scan of the table, no sort');
    // Of its 5,000 records, a page: about a heap page each at worst, and the index's few.
    assert.ok(buffers < CHRONOLOGY_AUDIT_LIMIT + 40, `${buffers} buffers`);
  });
});
