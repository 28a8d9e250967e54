import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { PgBoss } from 'pg-boss';
import type { JobAction } from '../../../../core/vocabulary/actions.ts';
import type { JobState } from '../../../../core/vocabulary/job-states.ts';
import type { SqlExecutor } from '../../../../core/contracts/sql.ts';
import { exhaust } from './seed.ts';
import type { EveryState, SeededJob } from './seed.ts';
import type { ActionSuite } from './suite.ts';

/** For each action, a job it applies to. */
const CASES: Record<Exclude<JobAction, 'redrive' | 'promote'>, { readonly job: (jobs: EveryState) => SeededJob }> = {
  retry: { job: (jobs) => jobs.failed },
  cancel: { job: (jobs) => jobs.active },
  resume: { job: (jobs) => jobs.cancelled },
  delete: { job: (jobs) => jobs.completed },
  fail: { job: (jobs) => jobs.active },
};

/** Runs `work` while recording every statement pg-boss runs on its own connection. */
async function onOwnConnection<T>(boss: PgBoss, work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const db = boss.getDb() as { executeSql(text: string, values?: unknown[]): Promise<unknown> };
  const wasOwn = Object.hasOwn(db, 'executeSql');
  const original = db.executeSql;
  const statements: string[] = [];
  db.executeSql = function (text, values) {
    statements.push(text);
    return original.call(this, text, values);
  };
  try {
    return { result: await work(), statements };
  } finally {
    if (wasOwn) db.executeSql = original;
    else delete (db as { executeSql?: unknown }).executeSql;
  }
}

/** The transaction's executor, recording what runs through it. */
function recording(db: SqlExecutor): { db: SqlExecutor; statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    db: {
      executeSql(text, values) {
        statements.push(text);
        return db.executeSql(text, values);
      },
    },
  };
}

/** Actions inside the caller's transaction: rollback, commit, locks and pg-boss's own connection left alone. */
export function transactionCases(suite: ActionSuite): void {
  describe("in the console's transaction", () => {
    const { dbTest } = suite;

    /** The audit record a real console writes beside the action, here as a row of a table of the test's own. */
    const audited = async (note: string): Promise<number> => {
      const { schema } = suite.run();
      await suite.run().query(`CREATE TABLE IF NOT EXISTS ${schema}.audit_probe (note text)`);
      return (await suite.run().query(`SELECT count(*)::int AS count FROM ${schema}.audit_probe WHERE note = $1`, [note])).rows[0].count;
    };

    /**
     * In one transaction: reads and locks the job, applies the action and writes the audit row, then
     * commits or rolls back. Fails if pg-boss ran anything on its own connection meanwhile.
     */
    const inTransaction = async (end: 'commit' | 'rollback', action: JobAction, queue: string, id: string, state: JobState): Promise<void> => {
      const { boss, schema } = suite.run();
      const engine = suite.engine();
      await audited(`${action} ${id}`);
      const { result, statements } = await onOwnConnection(boss, () =>
        suite.run().transaction(end, async (db) => {
          const recorded = recording(db);
          assert.equal((await engine.statesOf(queue, [id], recorded.db)).get(id), state);
          const changed = await engine.apply(action, queue, [id], recorded.db);
          await recorded.db.executeSql(`INSERT INTO ${schema}.audit_probe (note) VALUES ($1)`, [`${action} ${id}`]);
          return { changed, statements: recorded.statements };
        }),
      );
      assert.equal(result.changed, 1, `${action} changed the job`);
      assert.deepEqual(statements, [], `${action}: no statement outside the transaction`);
      assert.match(result.statements[0]!, /FOR UPDATE/, 'statesOf locks the rows it reads');
      assert.ok(result.statements.length >= 3, `${action}: pg-boss's own statement ran in the transaction`);
    };

    // The conformance suite checks the jobs themselves; these check pg-boss's connection and the audit row.
    for (const [action, { job: pick }] of Object.entries(CASES) as [keyof typeof CASES, (typeof CASES)[keyof typeof CASES]][]) {
      dbTest(`${action}: wholly on the console's connection, rolled back and committed with the audit record`, async () => {
        const { queue, jobs } = await suite.everyState(`tx_${action}`);
        const job = pick(jobs);
        await inTransaction('rollback', action, queue, job.id, job.state);
        assert.equal(await audited(`${action} ${job.id}`), 0);
        await inTransaction('commit', action, queue, job.id, job.state);
        assert.equal(await audited(`${action} ${job.id}`), 1);
      });
    }

    dbTest('redrive: rolled back, the job stays dead-lettered; committed, it is back in its source queue', async () => {
      const { boss, schema } = suite.run();
      const deadLetter = await suite.freshQueue('tx_dlq');
      const source = await suite.freshQueue('tx_source', { deadLetter });
      const failed = await exhaust(boss, source);
      const { rows } = await suite.run().query(`SELECT id::text AS id FROM ${schema}.job WHERE name = $1 AND source_id = $2`, [deadLetter, failed]);
      const copy: string = rows[0].id;
      const redriven = async () =>
        (await suite.run().query(`SELECT count(*)::int AS count FROM ${schema}.job WHERE name = $1 AND source_root_id = $2`, [source, failed])).rows[0].count;
      await inTransaction('rollback', 'redrive', deadLetter, copy, 'queued');
      assert.equal((await suite.engine().statesOf(deadLetter, [copy])).get(copy), 'queued');
      assert.equal(await redriven(), 0);
      await inTransaction('commit', 'redrive', deadLetter, copy, 'queued');
      assert.equal((await suite.engine().statesOf(deadLetter, [copy])).size, 0);
      assert.equal(await redriven(), 1);
    });

    dbTest(
      'an action on a queue another pg-boss instance created runs wholly inside the transaction once prepared',
      async () => {
        const sibling = await suite.run().sibling();
        const queue = `tx_sibling_${suite.name.toLowerCase()}`;
        await sibling.createQueue(queue);
        const id = (await sibling.send(queue, {}))!;
        assert.equal((await suite.engine().selectForAction('cancel', queue, { ids: [id] }, 10)).eligible, 1);
        // prepare() is what makes this instance's pg-boss learn of the queue before the transaction opens.
        await suite.engine().prepare!('cancel', queue);
        await inTransaction('commit', 'cancel', queue, id, 'queued');
        assert.equal((await suite.engine().statesOf(queue, [id])).get(id), 'cancelled');
      },
      // Were pg-boss to read the queue on its own connection, PGlite would wait for the transaction forever.
      { timeout: 20_000 },
    );

    if (suite.name === 'PostgreSQL') {
      dbTest('statesOf in the transaction locks those jobs until it ends', async () => {
        const { schema } = suite.run();
        const { queue, jobs } = await suite.everyState('tx_lock');
        const lockFromElsewhere = (id: string) =>
          suite.run().query(`SELECT id FROM ${schema}.job WHERE name = $1 AND id = $2 FOR UPDATE NOWAIT`, [queue, id]);
        await suite.run().transaction('rollback', async (db) => {
          await suite.engine().statesOf(queue, [jobs.failed.id], db);
          await assert.rejects(lockFromElsewhere(jobs.failed.id), (error: { code?: string }) => error.code === '55P03');
          await lockFromElsewhere(jobs.queued.id);
        });
        await lockFromElsewhere(jobs.failed.id);
      });
    }
  });
}

