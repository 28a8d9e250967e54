import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SqlExecutor } from '../../../../core/contracts/sql.ts';
import { InvalidInputError, OptionsError } from '../../../../core/errors.ts';
import { fromPgBoss, PG_BOSS_ACTION_STATES } from '../../../../adapters/pg-boss/index.ts';
import type { PgBossLike } from '../../../../adapters/pg-boss/index.ts';

/** A pg-boss stand-in that records the SQL it is asked to run. */
function fakeBoss(statements: string[] = []): PgBossLike {
  const refuse = async (): Promise<never> => {
    throw new Error('this fake pg-boss changes no jobs');
  };
  return {
    getDb: () => ({
      executeSql: async (text: string) => {
        statements.push(text);
        return { rows: [] };
      },
    }),
    getQueues: async () => [],
    getQueue: async () => null,
    getJobById: async () => null,
    retry: refuse,
    cancel: refuse,
    deleteJob: refuse,
    resume: refuse,
  };
}

test('refuses something that is not a pg-boss instance, naming what is missing', () => {
  for (const boss of [undefined, null, {}, { getDb() {} }, 'pgboss']) {
    assert.throws(
      () => fromPgBoss(boss as never),
      (error: unknown) => error instanceof OptionsError && /started PgBoss instance/.test(error.message) && /getQueues\(\)/.test(error.message),
    );
  }
});

test('the schema option must be a name pg-boss itself accepts', () => {
  for (const schema of ['pg-boss', 'jobs.main', '1jobs', '', '"a"b"', `"x'y"`, '"a.b"', 'a'.repeat(51), 42, null]) {
    assert.throws(
      () => fromPgBoss(fakeBoss(), { schema: schema as string }),
      (error: unknown) => error instanceof OptionsError && error.option === 'schema',
      JSON.stringify(schema),
    );
  }
});

test('puts the schema into its SQL as given, pgboss by default', async () => {
  const statements: string[] = [];
  await fromPgBoss(fakeBoss(statements)).listJobs({ queue: 'q', limit: 1 });
  await fromPgBoss(fakeBoss(statements), { schema: 'Jobs_2' }).listJobs({ queue: 'q', limit: 1 });
  await fromPgBoss(fakeBoss(statements), { schema: '"My Jobs"' }).listJobs({ queue: 'q', limit: 1 });
  assert.match(statements[0]!, /FROM pgboss\.job\b/);
  assert.match(statements[1]!, /FROM Jobs_2\.job\b/);
  assert.match(statements[2]!, /FROM "My Jobs"\.job\b/);
});

test('lists jobs by keyset, never by OFFSET', async () => {
  const statements: string[] = [];
  const engine = fromPgBoss(fakeBoss(statements));
  await engine.listJobs({ queue: 'q', limit: 10, state: 'failed', after: ['2026-01-01T00:00:00.000000Z', '0b9f6c1e-3a5d-4c7e-9f10-2d3c4b5a6978'] });
  const listing = statements.at(-1)!;
  assert.doesNotMatch(listing, /OFFSET/i);
  assert.match(listing, /\(created_on, id\) < \(\$2::timestamptz, \$3::uuid\)/);
  assert.match(listing, /ORDER BY created_on DESC, id DESC/);
});

test('pages through pg-boss queues, and stops if pg-boss ignores paging', async () => {
  const names = Array.from({ length: 2500 }, (_, index) => `q${String(index).padStart(4, '0')}`);
  const asked: (string | undefined)[] = [];
  const paging: PgBossLike = {
    ...fakeBoss(),
    getQueues: async (_names, options) => {
      asked.push(options?.after);
      const start = options?.after === undefined ? 0 : names.indexOf(options.after) + 1;
      return names.slice(start, start + (options?.limit ?? 1000)).map((name) => ({ name }));
    },
  };
  assert.deepEqual((await fromPgBoss(paging).listQueues()).map((queue) => queue.name), names);
  assert.deepEqual(asked, [undefined, 'q0999', 'q1999']);

  const ignoring: PgBossLike = { ...fakeBoss(), getQueues: async () => names.map((name) => ({ name })) };
  assert.deepEqual((await fromPgBoss(ignoring).listQueues()).map((queue) => queue.name), names);
});

test('an unknown state is invalid input, not SQL', async () => {
  const statements: string[] = [];
  await assert.rejects(
    fromPgBoss(fakeBoss(statements)).listJobs({ queue: 'q', limit: 1, state: 'stalled' as never }),
    (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'state',
  );
  assert.deepEqual(statements, []);
});

const JOB_ID = '0b9f6c1e-3a5d-4c7e-9f10-2d3c4b5a6978';

/** A transaction's executor that answers every statement with `rows` and records it. */
function fakeTransaction(statements: string[], rows: unknown[] = [{ exists: true }]): SqlExecutor {
  return {
    executeSql: async (text: string) => {
      statements.push(text);
      return { rows };
    },
  };
}

test('refuses an instance without the commands actions need, naming them', () => {
  const { getDb, getQueues, getQueue } = fakeBoss();
  assert.throws(
    () => fromPgBoss({ getDb, getQueues, getQueue } as never),
    (error: unknown) =>
      error instanceof OptionsError && ['getJobById()', 'retry()', 'cancel()', 'deleteJob()', 'resume()'].every((name) => error.message.includes(name)),
  );
});

test('offers redrive only on an instance with both redrive() and previewRedrive(), and fail only with fail()', async () => {
  const plain = fromPgBoss(fakeBoss());
  assert.deepEqual(Object.keys(plain.capabilities.actions), ['retry', 'cancel', 'delete', 'resume']);
  assert.equal(plain.capabilities.sharedTransactions, true);
  const refused = (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'action';
  await assert.rejects(plain.selectForAction('redrive', 'q', { ids: [JOB_ID] }, 10), refused);
  await assert.rejects(plain.apply('redrive', 'q', [JOB_ID]), refused);

  const withRedrive: PgBossLike = { ...fakeBoss(), redrive: async () => 0, previewRedrive: async () => ({ total: 0, destinations: [], unroutable: 0 }) };
  const { fail, ...withoutFail } = PG_BOSS_ACTION_STATES;
  assert.deepEqual(fromPgBoss(withRedrive).capabilities.actions, withoutFail);
  assert.deepEqual(fromPgBoss({ ...withRedrive, fail: async () => ({ affected: 0 }) }).capabilities.actions, { ...withoutFail, fail }, 'fail() brings the fail action');
  assert.equal(Object.keys(fromPgBoss({ ...fakeBoss(), redrive: async () => 0 }).capabilities.actions).includes('redrive'), false);
});

test("apply runs pg-boss's own command on the caller's connection and reports its count", async () => {
  const calls: unknown[][] = [];
  const own: string[] = [];
  const boss: PgBossLike = {
    ...fakeBoss(own),
    cancel: async (...args) => {
      calls.push(['cancel', ...args]);
      return { jobs: args[1], requested: 1, affected: 1 } as object;
    },
    redrive: async (...args) => {
      calls.push(['redrive', ...args]);
      return 1;
    },
    previewRedrive: async () => ({ total: 0, destinations: [], unroutable: 0 }),
  };
  const engine = fromPgBoss(boss);
  const inTransaction: string[] = [];
  const db = fakeTransaction(inTransaction);
  assert.equal(await engine.apply('cancel', 'q', [JOB_ID.toUpperCase(), JOB_ID, 'nope'], db), 1);
  assert.equal(await engine.apply('redrive', 'q', [JOB_ID], db), 1);
  assert.deepEqual(calls, [
    ['cancel', 'q', [JOB_ID], { db }],
    ['redrive', 'q', { db, ids: [JOB_ID], limit: 1 }],
  ]);
  assert.deepEqual(own, [], "nothing ran on pg-boss's own connection");
  assert.equal(inTransaction.length, 2);
  assert.equal(await engine.apply('cancel', 'q', [JOB_ID]), 0, 'without a transaction: no such queue on the fake connection');
});

test('apply refuses a pg-boss that does not say how many jobs changed', async () => {
  const engine = fromPgBoss({ ...fakeBoss(), retry: async () => ({}) });
  await assert.rejects(engine.apply('retry', 'q', [JOB_ID], fakeTransaction([])), /did not report how many jobs it changed/);
});

test('ids that are not uuids never reach SQL or pg-boss', async () => {
  const statements: string[] = [];
  const engine = fromPgBoss(fakeBoss(statements));
  const ids = ['nope', "x' OR 1=1 --", '', 42 as unknown as string];
  assert.deepEqual(await engine.selectForAction('delete', 'q', { ids }, 10), { jobs: [], eligible: 0, ineligible: 0, missing: ['nope', "x' OR 1=1 --", '', '42'] });
  assert.equal((await engine.statesOf('q', ids, fakeTransaction(statements))).size, 0);
  assert.equal(await engine.apply('delete', 'q', ids, fakeTransaction(statements)), 0);
  assert.deepEqual(statements, []);
});

test('statesOf locks the rows only inside a transaction; a selection by state uses no OFFSET and sorts what it picked', async () => {
  const own: string[] = [];
  const engine = fromPgBoss(fakeBoss(own));
  const inTransaction: string[] = [];
  await engine.statesOf('q', [JOB_ID], fakeTransaction(inTransaction, []));
  await engine.statesOf('q', [JOB_ID]);
  assert.match(inTransaction[0]!, /ORDER BY id\s+FOR UPDATE$/);
  assert.doesNotMatch(own[0]!, /FOR UPDATE/);

  const counted: string[] = [];
  const counting: PgBossLike = {
    ...fakeBoss(),
    getDb: () => ({
      executeSql: async (text: string) => {
        counted.push(text);
        return { rows: text.includes('AS eligible') && !text.includes('ORDER BY') ? [{ eligible: 3, ineligible: 0 }] : [] };
      },
    }),
  };
  await fromPgBoss(counting).selectForAction('cancel', 'q', { filter: { state: 'queued' } }, 2);
  const selection = counted.at(-1)!;
  assert.doesNotMatch(selection, /OFFSET/i);
  assert.match(selection, /ORDER BY position_created_on DESC, id DESC/);
  assert.match(selection, /state < 'completed'/);
});
