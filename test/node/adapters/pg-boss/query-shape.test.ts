// The shape of every query the pg-boss engine runs for a view, held by PostgreSQL's own account of
// the work: EXPLAIN (ANALYZE, BUFFERS) on a seeded table many times larger than any bound below.
// A change that brings back a scan of the queue or the table fails here on any machine, however
// fast it is. Real PostgreSQL only: PGlite's planner is the same, but its buffer counts are not.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CursorPosition, JobEngine } from '../../../../core/contracts/engine.ts';
import { fromPgBoss } from '../../../../adapters/pg-boss/index.ts';
import { LISTING_INDEX_COLUMNS, LISTING_INDEX_NAME, LISTING_SCAN_LIMIT } from '../../../../adapters/pg-boss/listing-index.ts';
import type { PgBossLike } from '../../../../adapters/pg-boss/pg-boss-like.ts';
import { postgresTarget } from './targets.ts';
import type { BossRun } from './targets.ts';

const QUEUE = 'shape_big';
const OTHER = 'shape_other';
// How the big queue is made: mostly finished jobs, as in production, with a rare state.
const MIX: ReadonlyArray<readonly [string, number]> = [
  ['completed', 54_000],
  ['failed', 3_000],
  ['created', 1_500],
  ['deferred', 1_500],
  ['active', 300],
  ['retry', 300],
  ['cancelled', 60],
];
const QUEUE_JOBS = MIX.reduce((sum, [, count]) => sum + count, 0);
// A walk without the listing index reads each of its rows' heap page once: a hit per row.
const WALK_BOUND = LISTING_SCAN_LIMIT + 500;
/** A walk that fills a page of 50 in a state stops after about 51 / (the state's share) rows. */
const walkFor = (state: string): number => Math.ceil(51 / (MIX.find(([name]) => name === state)![1] / QUEUE_JOBS)) + 400;

interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

interface Work {
  readonly buffers: number;
  readonly scans: readonly string[];
}

describe('pg-boss engine query shapes on PostgreSQL, by EXPLAIN (ANALYZE, BUFFERS)', () => {
  let run: BossRun | undefined;
  let engine: JobEngine;
  let recorded: Statement[] = [];
  let ready: Promise<void> = Promise.resolve();
  let tablePages = 0;

  before(() => {
    ready = (async () => {
      run = await postgresTarget.start();
      await seed(run);
      engine = fromPgBoss(recording(run.boss as unknown as PgBossLike, (statement) => recorded.push(statement)), { schema: run.schema });
      const [pages] = (await run.query(`SELECT sum(relpages)::int AS pages FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'r' AND relname LIKE 'job%'`, [run.schema])).rows;
      tablePages = pages.pages;
    })();
    ready.catch(() => {});
  });
  after(async () => {
    await run?.stop();
  });

  /** Runs `view` and explains every statement it sent, summing their buffers. */
  async function workOf(view: () => Promise<unknown>): Promise<Work> {
    await ready;
    recorded = [];
    await view();
    assert.ok(recorded.length > 0, 'the view ran no statement through the engine');
    let buffers = 0;
    const scans: string[] = [];
    for (const statement of recorded) {
      const { rows } = await run!.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, [...statement.values]);
      const plan = (rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan;
      buffers += (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0);
      collectSeqScans(plan, scans);
    }
    return { buffers, scans };
  }

  function assertBounded(work: Work, bound: number, what: string): void {
    assert.deepEqual(work.scans, [], `${what} scans ${work.scans.join(', ')}`);
    assert.ok(work.buffers <= bound, `${what} read ${work.buffers} buffers (bound ${bound}; the job table has ${tablePages} pages)`);
  }

  test('the seeded queue is far larger than every bound', async () => {
    await ready;
    const [row] = (await run!.query(`SELECT count(*)::int AS jobs FROM ${run!.schema}.job WHERE name = $1`, [QUEUE])).rows;
    assert.equal(row.jobs, QUEUE_JOBS + 2);
    assert.ok(QUEUE_JOBS > 10 * WALK_BOUND, `only ${QUEUE_JOBS} jobs seeded`);
    assert.ok(tablePages > 1_500, `only ${tablePages} pages seeded`);
  });

  test('counting queues reads a bounded number of entries per queue, not their finished jobs', async () => {
    const work = await workOf(() => engine.countJobs([QUEUE, OTHER]));
    assertBounded(work, 1_200, 'countJobs');
    const [big] = await engine.countJobs([QUEUE]);
    // More than the exact-count limit in every group, and pg-boss's monitor has not run: the
    // figures it cannot count are left out rather than guessed.
    assert.equal(big!.counts.completed, undefined);
  });

  test("counting a queue after pg-boss's monitor pass shows its figures with their time", async () => {
    await ready;
    await run!.query(`UPDATE ${run!.schema}.queue SET failed_count = 3000, retained_count = 54060, ready_count = 1500, deferred_count = 1800, blocked_count = 0, active_count = 300, monitor_on = now() - interval '40 seconds' WHERE name = $1`, [QUEUE]);
    const work = await workOf(() => engine.countJobs([QUEUE]));
    // pg-boss's own counts say every group is too big to count: only its queue row is read.
    assertBounded(work, 20, 'countJobs with cached counts');
    const [big] = await engine.countJobs([QUEUE]);
    assert.equal(big!.counts.failed, 3000);
    assert.equal(big!.counts.completed, 54060);
    assert.deepEqual(big!.stale.completed?.includes, ['cancelled']);
    assert.ok(Date.now() - Date.parse(big!.stale.failed!.asOf) >= 39_000);
    assert.equal(big!.counts.retrying, undefined);
  });

  test("one job's detail is one lookup by key", async () => {
    const [row] = (await run!.query(`SELECT id::text AS id FROM ${run!.schema}.job WHERE name = $1 AND state = 'failed' LIMIT 1`, [QUEUE])).rows;
    assertBounded(await workOf(() => engine.getJob(QUEUE, row.id)), 12, 'getJob');
  });

  test('a page of every state reads about one page, first and deep', async () => {
    assertBounded(await workOf(() => engine.listJobs({ queue: QUEUE, limit: 50 })), 60, 'first page');
    let after = (await engine.listJobs({ queue: QUEUE, limit: 50 })).next!;
    for (let page = 0; page < 99; page++) after = (await engine.listJobs({ queue: QUEUE, limit: 50, after })).next!;
    assertBounded(await workOf(() => engine.listJobs({ queue: QUEUE, limit: 50, after })), 60, 'page 101');
  });

  // A common state stops as soon as its page is full; a rare one reads the whole bounded walk.
  for (const [state, bound] of [['failed', walkFor('failed')], ['queued', walkFor('created')], ['completed', walkFor('completed')], ['cancelled', WALK_BOUND]] as const) {
    test(`without the listing index, a page of ${state} jobs stops after a bounded walk`, async () => {
      await dropListingIndex();
      const work = await workOf(() => engine.listJobs({ queue: QUEUE, limit: 50, state }));
      assertBounded(work, bound, `${state} page without the index`);
    });
  }

  test("a page with its jobs' payload field values reads the same rows as one without, walked or not", async () => {
    const fields = ['template', 'customer.id'];
    assertBounded(await workOf(() => engine.listJobs({ queue: QUEUE, limit: 50, fields })), 60, 'first page with payload fields');
    await dropListingIndex();
    assertBounded(await workOf(() => engine.listJobs({ queue: QUEUE, limit: 50, state: 'failed', fields })), walkFor('failed'), 'failed page with payload fields');
    const page = await engine.listJobs({ queue: QUEUE, limit: 5, state: 'failed', fields });
    assert.equal(page.jobs.length, 5);
    for (const job of page.jobs) assert.deepEqual(job.fields, { template: 'failed' }, 'the values of the fields the payload has, and no others');
  });

  test('without the listing index, a rare state says it stopped early and continues from there', async () => {
    await dropListingIndex();
    const page = await engine.listJobs({ queue: QUEUE, limit: 50, state: 'cancelled' });
    assert.equal(page.stoppedEarly, true);
    assert.ok(page.next, 'a cursor to continue from');
    const seen = new Set(page.jobs.map((job) => job.id));
    let next: CursorPosition | null = page.next;
    for (let round = 0; next && round < QUEUE_JOBS / LISTING_SCAN_LIMIT + 2; round++) {
      const more = await engine.listJobs({ queue: QUEUE, limit: 50, state: 'cancelled', after: next });
      for (const job of more.jobs) {
        assert.equal(job.state, 'cancelled');
        seen.add(job.id);
      }
      next = more.next;
    }
    assert.equal(next, null);
    assert.equal(seen.size, 60);
  });

  test('with the listing index, a page of any state reads about one page', async () => {
    await ready;
    await run!.query(`CREATE INDEX IF NOT EXISTS ${LISTING_INDEX_NAME} ON ${run!.schema}.job (${LISTING_INDEX_COLUMNS})`);
    await run!.query(`ANALYZE ${run!.schema}.job`);
    const indexed = fromPgBoss(recording(run!.boss as unknown as PgBossLike, (statement) => recorded.push(statement)), { schema: run!.schema });
    for (const state of ['failed', 'queued', 'scheduled', 'cancelled', 'completed', 'retrying'] as const) {
      const work = await workOf(() => indexed.listJobs({ queue: QUEUE, limit: 50, state }));
      assertBounded(work, 150, `${state} page with the index`);
      const page = await indexed.listJobs({ queue: QUEUE, limit: 50, state });
      assert.notEqual(page.stoppedEarly, true);
    }
    await dropListingIndex();
  });

  test("listing schedules reads each one's last job by key, whatever the queue holds", async () => {
    await ready;
    const jobs = (await run!.query(`SELECT id FROM ${run!.schema}.job WHERE name = $1 AND state = 'completed' LIMIT 40`, [QUEUE])).rows as { id: string }[];
    for (const [index, job] of jobs.entries()) {
      await run!.boss.schedule(QUEUE, '0 * * * *', null, { key: `hourly-${index}` });
      await run!.query(`UPDATE ${run!.schema}.schedule SET last_job_id = $1 WHERE name = $2 AND key = $3`, [job.id, QUEUE, `hourly-${index}`]);
    }
    const work = await workOf(() => engine.listSchedules!({ limit: 50 }));
    assertBounded(work, 40 * 6, 'listSchedules');
    const { schedules } = await engine.listSchedules!({ limit: 50 });
    assert.equal(schedules.filter((schedule) => schedule.lastJob?.state === 'completed').length, 40);
  });

  test('finding a job by the start of its id probes each queue by key', async () => {
    await ready;
    const [row] = (await run!.query(`SELECT id FROM ${run!.schema}.job WHERE name = $1 AND state = 'failed' LIMIT 1`, [QUEUE])).rows;
    assertBounded(await workOf(() => engine.findJobs!(row.id, 21)), 40, 'findJobs by a whole id');
    assertBounded(await workOf(() => engine.findJobs!(row.id.slice(0, 4), 21)), 200, 'findJobs by four characters');
    assert.equal((await engine.findJobs!(row.id, 21))[0]?.id, row.id);
  });

  test("the diagnosis's look at each queue reads its oldest ready job by key and a bounded number of running ones", async () => {
    const work = await workOf(() => engine.inspectQueues!([QUEUE, OTHER]));
    // At worst a heap page for each of the 300 running jobs, and one index probe for the oldest ready job.
    assertBounded(work, 400, 'inspectQueues');
    const [big] = await engine.inspectQueues!([QUEUE]);
    assert.equal(big?.overdue.more, false);
    assert.ok(big?.oldestReadySince, 'the seeded queue has ready jobs');
  });

  test("a job's flow walks its dependencies by key, however many other flows the table holds", async () => {
    await ready;
    // Twenty thousand other two-step flows, so that a scan of the dependencies would show.
    await run!.query(
      `INSERT INTO ${run!.schema}.job_dependency (child_name, child_id, parent_name, parent_id)
       SELECT name, id, name, lag(id) OVER (ORDER BY id) FROM ${run!.schema}.job WHERE name = $1 OFFSET 1`,
      [OTHER],
    );
    await run!.query(`ANALYZE ${run!.schema}.job_dependency`);
    const ids = await run!.boss.flow([
      { ref: 'order', name: QUEUE, data: { step: 'order' } },
      { ref: 'invoice', name: QUEUE, data: { step: 'invoice' }, dependsOn: ['order'] },
      { ref: 'email', name: QUEUE, data: { step: 'email' }, dependsOn: ['invoice'] },
    ]);
    const invoice = ids.invoice!;
    assertBounded(await workOf(() => engine.getFlow!(QUEUE, invoice)), 120, 'getFlow');
    const flow = await engine.getFlow!(QUEUE, invoice);
    assert.equal(flow?.steps.length, 3);
    assert.equal(flow?.dependencies.length, 2);
  });

  test('previewing an action on every failed job reads what it selects, not every failed job', async () => {
    const work = await workOf(() => engine.selectForAction('retry', QUEUE, { filter: { state: 'failed' } }, 1000));
    assertBounded(work, 3_500, 'retry preview');
    const selected = await engine.selectForAction('retry', QUEUE, { filter: { state: 'failed' } }, 1000);
    assert.equal(selected.jobs.length, 1000);
    assert.equal(selected.moreEligible, true);
  });

  test('without the listing index, a preview in a finished state walks a bounded number of jobs', async () => {
    await dropListingIndex();
    assertBounded(await workOf(() => engine.selectForAction('delete', QUEUE, { filter: { state: 'completed' } }, 1000)), WALK_BOUND, 'delete preview of completed jobs');
    const completed = await engine.selectForAction('delete', QUEUE, { filter: { state: 'completed' } }, 1000);
    assert.ok(completed.jobs.length > 0 && completed.jobs.every((job) => job.state === 'completed'));
    assert.equal(completed.moreEligible, true);
    assertBounded(await workOf(() => engine.selectForAction('resume', QUEUE, { filter: { state: 'cancelled' } }, 1000)), WALK_BOUND, 'resume preview of cancelled jobs');
    const cancelled = await engine.selectForAction('resume', QUEUE, { filter: { state: 'cancelled' } }, 1000);
    assert.equal(cancelled.stoppedEarly, true, 'the rare state is not all within the walk');
    assert.ok(cancelled.jobs.every((job) => job.state === 'cancelled'));
  });

  async function dropListingIndex(): Promise<void> {
    await ready;
    await run!.query(`DROP INDEX IF EXISTS ${run!.schema}.${LISTING_INDEX_NAME}`);
  }
});

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Shared Hit Blocks'?: number;
  readonly 'Shared Read Blocks'?: number;
  readonly Plans?: readonly PlanNode[];
}

function collectSeqScans(node: PlanNode, into: string[]): void {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name']?.startsWith('job')) into.push(node['Relation Name']);
  for (const child of node.Plans ?? []) collectSeqScans(child, into);
}

/** The same pg-boss, with every statement the engine sends through `getDb()` reported first. */
function recording(boss: PgBossLike, report: (statement: Statement) => void): PgBossLike {
  const db = boss.getDb();
  return new Proxy(boss, {
    get(target, property) {
      if (property === 'getDb') {
        return () => ({
          executeSql(text: string, values: unknown[] = []) {
            report({ text, values });
            return db.executeSql(text, values);
          },
        });
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** What each seeded state overrides on a copied template job. */
const STATE_COLUMNS: Readonly<Record<string, string>> = {
  completed: `'state', 'completed'`,
  failed: `'state', 'failed'`,
  // Rare and old: a walk from the newest job meets none of them for a long way.
  cancelled: `'state', 'cancelled', 'created_on', now() - interval '40 days' - make_interval(secs => n)`,
  created: `'state', 'created', 'completed_on', NULL, 'started_on', NULL, 'start_after', now() - interval '1 minute'`,
  deferred: `'state', 'created', 'completed_on', NULL, 'started_on', NULL, 'start_after', now() + interval '1 day'`,
  active: `'state', 'active', 'completed_on', NULL`,
  retry: `'state', 'retry', 'completed_on', NULL, 'start_after', now() + interval '1 minute'`,
};

/**
 * Two queues of pg-boss jobs: a finished and a failed job made through pg-boss's own API, then
 * copied in bulk with fresh ids and creation times spread over a month, as a production table
 * looks after a while.
 */
async function seed(run: BossRun): Promise<void> {
  const { boss, schema } = run;
  await boss.createQueue(QUEUE, { retryLimit: 0 });
  await boss.createQueue(OTHER, { retryLimit: 0 });
  await boss.send(QUEUE, { template: 'completed' });
  const [done] = await boss.fetch(QUEUE);
  await boss.complete(QUEUE, done!.id, { ok: true });
  await boss.send(QUEUE, { template: 'failed' });
  const [failing] = await boss.fetch(QUEUE);
  await boss.fail(QUEUE, failing!.id, new Error('template failure'));

  const copy = (queue: string, template: string, count: number, columns: string) =>
    run.query(
      // The record comes from a lateral call: `(f(...)).*` would call f once per column.
      `INSERT INTO ${schema}.job
       SELECT copied.*
       FROM ${schema}.job t, generate_series(1, $3::int) AS n,
         LATERAL jsonb_populate_record(NULL::${schema}.job, to_jsonb(t) || jsonb_build_object(
           'id', gen_random_uuid(), 'name', $1::text, 'created_on', now() - make_interval(secs => n * 2.5), ${columns})) AS copied
       WHERE t.name = $4 AND t.id = $2::uuid`,
      [queue, template, count, QUEUE],
    );
  for (const [state, count] of MIX) {
    await copy(QUEUE, state === 'failed' ? failing!.id : done!.id, count, STATE_COLUMNS[state]!);
  }
  await copy(OTHER, done!.id, 20_000, STATE_COLUMNS.completed!);
  await run.query(`VACUUM ANALYZE ${schema}.job_common`);
  await run.query(`ANALYZE ${schema}.job`);
}
