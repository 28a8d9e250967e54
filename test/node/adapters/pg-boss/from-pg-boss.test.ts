import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidInputError, OptionsError } from '../../../../core/errors.ts';
import { fromPgBoss } from '../../../../adapters/pg-boss/index.ts';
import type { PgBossLike } from '../../../../adapters/pg-boss/index.ts';

/** A pg-boss stand-in that records the SQL it is asked to run. */
function fakeBoss(statements: string[] = []): PgBossLike {
  return {
    getDb: () => ({
      executeSql: async (text: string) => {
        statements.push(text);
        return { rows: [] };
      },
    }),
    getQueues: async () => [],
    getQueue: async () => null,
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
  assert.doesNotMatch(statements[0]!, /OFFSET/i);
  assert.match(statements[0]!, /\(created_on, id\) < \(\$2::timestamptz, \$3::uuid\)/);
  assert.match(statements[0]!, /ORDER BY created_on DESC, id DESC/);
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
