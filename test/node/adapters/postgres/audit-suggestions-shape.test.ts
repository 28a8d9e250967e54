// The shape of the audit suggestion queries, by PostgreSQL's own account of the work: EXPLAIN
// (ANALYZE, BUFFERS) over an audit log of 60,000 records by 40 operators in 80 queues. Each walk
// reads one index probe per value it suggests, never the table: a change that brings back a scan
// fails here on any machine, however fast it is.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type pg from 'pg';
import { createPostgresStore } from '../../../../adapters/postgres/index.ts';
import * as sql from '../../../../adapters/postgres/sql.ts';
import { connectPostgres, dropSchemas, uniqueSchema } from '../../support/database.ts';

const RECORDS = 60_000;
/** Ten suggestions, each a probe of a few index pages, and the plan's own reads: far under the table's pages. */
const BUFFER_BOUND = 150;

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe('audit suggestion query shapes on PostgreSQL', () => {
  let pool: pg.Pool;
  const schema = uniqueSchema('ops_suggest_shape');
  let tablePages = 0;

  before(async () => {
    pool = await connectPostgres(2);
    await createPostgresStore({ pool, schema }).migrate();
    await pool.query(`INSERT INTO "${schema}".audit_events
      (occurred_at, completed_at, principal_id, principal_type, principal_label, action, queue, selection, job_ids, requested, affected, outcome, reason, plan_hash, correlation_id)
      SELECT now() - n * interval '1 minute', now(), 'user-' || (n % 40), 'user', 'Operator ' || (n % 40), 'job.retry', 'queue-' || (n % 80),
        '{"ids":["j"]}', ARRAY['j' || n], 1, 1, 'succeeded', 'seeded for the shape test', 'h', 'c' || n
      FROM generate_series(1, ${RECORDS}) AS n`);
    await pool.query(`ANALYZE "${schema}".audit_events`);
    const { rows } = await pool.query(`SELECT relpages FROM pg_class WHERE oid = $1::regclass`, [`"${schema}".audit_events`]);
    tablePages = rows[0].relpages;
  });
  after(async () => {
    if (pool) {
      await dropSchemas((text) => pool.query(text), [schema]);
      await pool.end();
    }
  });

  async function explain(statement: sql.Statement): Promise<{ buffers: number; nodes: PlanNode[]; rows: number }> {
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, [...statement.values]);
    const [{ Plan: plan }] = rows[0]['QUERY PLAN'];
    const result = await pool.query(statement.text, [...statement.values]);
    return { buffers: plan['Shared Hit Blocks'] + plan['Shared Read Blocks'], nodes: nodes(plan), rows: result.rowCount ?? 0 };
  }

  for (const [name, statement, expected] of [
    ['queues from a prefix', () => sql.selectAuditQueueSuggestions(schema, 'queue-1', 10), 10],
    ['queues from nothing typed', () => sql.selectAuditQueueSuggestions(schema, '', 10), 10],
    ['operators from a prefix', () => sql.selectAuditOperatorSuggestions(schema, 'operator 3', 10), 10],
    ['operators from nothing typed', () => sql.selectAuditOperatorSuggestions(schema, '', 10), 10],
  ] as const) {
    test(`${name}: index probes only, about one per value`, async () => {
      const work = await explain(statement());
      assert.equal(work.rows, expected);
      const scans = work.nodes.filter((node) => node['Relation Name'] === 'audit_events');
      assert.ok(scans.length > 0, 'the plan reads the audit log');
      for (const scan of scans) {
        assert.match(scan['Node Type'], /^Index( Only)? Scan$/, `a ${scan['Node Type']} on the audit log`);
        assert.match(scan['Index Name'] ?? '', /^audit_events_(queue_name|principal_label)_idx$/);
      }
      assert.ok(work.buffers < BUFFER_BOUND, `${work.buffers} buffers for a table of ${tablePages} pages`);
      assert.ok(tablePages > BUFFER_BOUND * 4, `the table (${tablePages} pages) is large enough to tell a walk from a scan`);
    });
  }
});
