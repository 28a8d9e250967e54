import assert from 'node:assert/strict';
import type { AuditRecord, NewAuditRecord } from '../../../../core/contracts/audit.ts';
import { InvalidInputError } from '../../../../core/errors.ts';
import { createPostgresStore } from '../../../../adapters/postgres/index.ts';
import type { PostgresStore, PostgresStoreOptions } from '../../../../adapters/postgres/index.ts';
import { AUDIT_TABLE } from '../../../../adapters/postgres/sql.ts';
import { newAuditRecord } from './fixtures.ts';
import type { StoreSuite } from './suite.ts';

const append = (store: PostgresStore, records: readonly NewAuditRecord[]): Promise<AuditRecord[]> =>
  store.transaction(async (tx) => {
    const stored: AuditRecord[] = [];
    for (const record of records) stored.push(await tx.appendAudit(record));
    return stored;
  });

/** Newest first by occurred_at, then by id (a number), as the store orders them. */
const newestFirst = (records: readonly AuditRecord[]): AuditRecord[] =>
  [...records].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || Number(b.id) - Number(a.id));

const ids = (records: readonly AuditRecord[]): string[] => records.map((record) => record.id);

/** 25 records over 10 minutes, several sharing an instant, with varied principals, actions, queues and outcomes. */
function varied(): NewAuditRecord[] {
  return Array.from({ length: 25 }, (_, index) =>
    newAuditRecord({
      occurredAt: new Date(Date.UTC(2026, 2, 7, 12, Math.floor(index / 3))).toISOString(),
      principal: index % 2 === 0 ? { id: 'u_ada', type: 'user', label: 'Ada' } : { id: 'svc_cron', type: 'service', label: 'Cron' },
      action: index % 5 === 0 ? 'job.delete' : 'job.retry',
      resource: { queue: index % 3 === 0 ? 'emails' : 'payments', selection: { ids: [`job-${index}`, 'job-shared'] }, ids: [`job-${index}`, 'job-shared'] },
      outcome: index % 7 === 0 ? 'failed' : 'succeeded',
      correlationId: `req-${index}`,
    }),
  );
}

/** Every record of a listing, page by page, and the page sizes. */
async function allPages(store: PostgresStore, query: Parameters<PostgresStore['listAudit']>[0]) {
  const records: AuditRecord[] = [];
  const sizes: number[] = [];
  let after: readonly (string | number)[] | undefined;
  do {
    const page = await store.listAudit({ ...query, ...(after ? { after } : {}) });
    records.push(...page.records);
    sizes.push(page.records.length);
    after = page.next ?? undefined;
  } while (after);
  return { records, sizes };
}

/** The audit log: append, intents, filters, paging, cursors, export, no token column. */
export function auditTests(suite: StoreSuite): void {
  suite.test('an appended record comes back as stored, with an id, and by getAudit', async () => {
    const store = await suite.freshStore('audit_append');
    const input = newAuditRecord();
    const [stored] = await append(store, [input]);
    assert.ok(stored);
    assert.match(stored.id, /^[1-9]\d*$/);
    assert.deepEqual(stored, { ...input, id: stored.id, completedAt: input.occurredAt });
    assert.deepEqual(await store.getAudit(stored.id), stored);
  });

  suite.test('getAudit answers null for an unknown or malformed id, without a database error', async () => {
    const store = await suite.freshStore('audit_get');
    for (const id of ['1', '42', '9223372036854775807', '9223372036854775808', '99999999999999999999', '0', '-1', '01', 'abc', '', '1; DROP TABLE x', '1.5']) {
      assert.equal(await store.getAudit(id), null, `id ${JSON.stringify(id)}`);
    }
  });

  suite.test('an intent is pending until completed, and completes only once', async () => {
    const store = await suite.freshStore('audit_intent');
    const intent = await store.transaction((tx) => tx.appendAudit({ ...newAuditRecord(), outcome: 'pending', completedAt: null, affected: null }));
    assert.equal(intent.outcome, 'pending');
    assert.equal(intent.completedAt, null);
    assert.equal(intent.affected, null);
    assert.deepEqual(ids((await store.listAudit({ limit: 10, outcome: 'pending' })).records), [intent.id]);

    const at = '2026-03-07T12:00:03.250Z';
    const completed = await store.completeIntent(intent.id, 'succeeded', 2, at);
    assert.deepEqual(completed, { ...intent, outcome: 'succeeded', affected: 2, completedAt: at });
    assert.deepEqual((await store.listAudit({ limit: 10, outcome: 'pending' })).records, []);
    assert.deepEqual((await store.listAudit({ limit: 10, outcome: 'succeeded' })).records, [completed]);

    await assert.rejects(store.completeIntent(intent.id, 'failed', 0, at), /not a pending intent.*'succeeded'/);
    assert.deepEqual(await store.getAudit(intent.id), completed);
    const [committed] = await append(store, [newAuditRecord()]);
    await assert.rejects(store.completeIntent(committed!.id, 'failed', 0, at), /not a pending intent/);
    await assert.rejects(store.completeIntent('987654', 'failed', 0, at), /no audit record "987654"/);
    await assert.rejects(store.completeIntent('nope', 'failed', 0, at), /no audit record "nope"/);
    await assert.rejects(store.completeIntent(intent.id, 'pending' as never, 0, at), RangeError);
    await assert.rejects(store.completeIntent(intent.id, 'failed', -1, at), RangeError);
  });

  suite.test('an intent completes with the jobs its action made: in its resource\'s ids and found by the job filter', async () => {
    const store = await suite.freshStore('audit_intent_jobs');
    const at = '2026-03-07T12:00:03.250Z';
    const pending = (overrides: Parameters<typeof newAuditRecord>[0]) => store.transaction((tx) => tx.appendAudit(
      { ...newAuditRecord({ requested: 1, ...overrides }), outcome: 'pending', completedAt: null, affected: null }));
    const run = await pending({ action: 'schedule.run', resource: { queue: 'payments', selection: { schedule: 'nightly' }, ids: [] } });
    assert.deepEqual((await store.listAudit({ limit: 10, jobId: 'job-made' })).records, []);

    const completed = await store.completeIntent(run.id, 'succeeded', 1, at, ['job-made']);
    assert.deepEqual(completed, { ...run, outcome: 'succeeded', affected: 1, completedAt: at, resource: { ...run.resource!, ids: ['job-made'] } });
    assert.deepEqual(await store.getAudit(run.id), completed);
    assert.deepEqual((await store.listAudit({ limit: 10, jobId: 'job-made' })).records, [completed]);

    // Added after the ids the intent named, each once; none changes nothing.
    const named = await pending({});
    const added = await store.completeIntent(named.id, 'succeeded', 3, at, ['job-3', 'job-1', 'job-3']);
    assert.deepEqual(added.resource?.ids, ['job-1', 'job-2', 'job-3']);
    assert.deepEqual(ids((await store.listAudit({ limit: 10, jobId: 'job-3' })).records), [named.id]);
    const plain = await pending({});
    assert.deepEqual((await store.completeIntent(plain.id, 'failed', 0, at, [])).resource?.ids, ['job-1', 'job-2']);

    // A record without a resource names no jobs; ids that are not ids are refused; neither completes it.
    const bare = await pending({ resource: null });
    await assert.rejects(store.completeIntent(bare.id, 'succeeded', 1, at, ['job-9']), /has no resource/);
    await assert.rejects(store.completeIntent(bare.id, 'succeeded', 1, at, [''] as never), RangeError);
    await assert.rejects(store.completeIntent(bare.id, 'succeeded', 1, at, [7] as never), RangeError);
    assert.deepEqual(await store.getAudit(bare.id), bare);
    assert.equal((await store.completeIntent(bare.id, 'succeeded', 0, at)).resource, null);
  });

  suite.test('listAudit filters by principal, action, queue, job id, outcome and time range', async () => {
    const store = await suite.freshStore('audit_filters');
    const all = newestFirst(await append(store, varied()));
    const expect = async (filter: Record<string, string>, keep: (record: AuditRecord) => boolean): Promise<void> => {
      const { records } = await store.listAudit({ ...filter, limit: 100 });
      const expected = all.filter(keep);
      assert.ok(expected.length > 0 && expected.length < all.length, `filter ${JSON.stringify(filter)} should select some records`);
      assert.deepEqual(ids(records), ids(expected), `filter ${JSON.stringify(filter)}`);
    };
    await expect({ principalId: 'svc_cron' }, (record) => record.principal.id === 'svc_cron');
    await expect({ action: 'job.delete' }, (record) => record.action === 'job.delete');
    await expect({ queue: 'emails' }, (record) => record.resource?.queue === 'emails');
    await expect({ jobId: 'job-7' }, (record) => record.resource?.ids.includes('job-7') === true);
    await expect({ outcome: 'failed' }, (record) => record.outcome === 'failed');
    await expect({ from: '2026-03-07T12:02:00Z', to: '2026-03-07T12:05:00.000Z' }, (record) => record.occurredAt >= '2026-03-07T12:02' && record.occurredAt < '2026-03-07T12:05');
    await expect({ from: '2026-03-07T13:03:00+01:00' }, (record) => record.occurredAt >= '2026-03-07T12:03');
    await expect(
      { principalId: 'u_ada', queue: 'payments', action: 'job.retry' },
      (record) => record.principal.id === 'u_ada' && record.resource?.queue === 'payments' && record.action === 'job.retry',
    );
    assert.equal((await store.listAudit({ jobId: 'job-shared', limit: 100 })).records.length, all.length);
    assert.deepEqual((await store.listAudit({ jobId: 'job-404', limit: 100 })).records, []);
  });

  suite.test('paging 25 records by 10 returns each exactly once, newest first, ties included', async () => {
    const store = await suite.freshStore('audit_paging');
    const stored = await append(store, [
      ...varied(),
      // Apart by microseconds only: the same instant in milliseconds, two positions in the log.
      newAuditRecord({ occurredAt: '2026-03-07T12:30:00.000001Z', correlationId: 'micro-1' }),
      newAuditRecord({ occurredAt: '2026-03-07T12:30:00.000002Z', correlationId: 'micro-2' }),
    ]);
    const { records, sizes } = await allPages(store, { limit: 10 });
    assert.deepEqual(sizes, [10, 10, 7]);
    assert.equal(new Set(ids(records)).size, stored.length);
    assert.deepEqual(records.slice(0, 2).map((record) => record.correlationId), ['micro-2', 'micro-1']);
    // A page boundary between them: a position rounded to milliseconds would skip micro-1.
    const micro = await allPages(store, { limit: 1, to: '2026-03-07T12:31:00Z', from: '2026-03-07T12:30:00Z' });
    assert.deepEqual(micro.records.map((record) => record.correlationId), ['micro-2', 'micro-1']);
    assert.deepEqual(ids(records.slice(2)), ids(newestFirst(stored.slice(0, 25))));

    const filtered = await allPages(store, { limit: 4, principalId: 'svc_cron' });
    assert.deepEqual(ids(filtered.records), ids(newestFirst(stored.slice(0, 25)).filter((record) => record.principal.id === 'svc_cron')));
    assert.deepEqual(filtered.sizes, [4, 4, 4]);
  });

  suite.test('a page that ends the log has no next position, even when it is full', async () => {
    const store = await suite.freshStore('audit_exact_page');
    await append(store, varied().slice(0, 20));
    const { sizes } = await allPages(store, { limit: 10 });
    assert.deepEqual(sizes, [10, 10]);
    assert.deepEqual(await store.listAudit({ limit: 10, queue: 'nowhere' }), { records: [], next: null });
  });

  suite.test("listAudit filters by a schedule's key: its actions only, with the queue its schedule's, the empty key too", async () => {
    const store = await suite.freshStore('audit_schedule_filter');
    const on = (queue: string, key: string, minute: number, action: 'schedule.run' | 'schedule.remove' = 'schedule.run') => newAuditRecord({
      occurredAt: new Date(Date.UTC(2026, 2, 7, 12, minute)).toISOString(), action, resource: { queue, selection: { schedule: key }, ids: [] },
    });
    const stored = await append(store, [
      ...varied().slice(0, 5), on('payments', 'nightly', 10), on('emails', 'nightly', 11), on('payments', '', 12), on('payments', 'nightly', 13, 'schedule.remove'),
    ]);
    const [nightly, otherQueue, empty, removed] = stored.slice(5);
    assert.deepEqual(ids((await store.listAudit({ queue: 'payments', schedule: 'nightly', limit: 100 })).records), ids([removed!, nightly!]));
    assert.deepEqual(ids((await store.listAudit({ schedule: 'nightly', limit: 100 })).records), ids([removed!, otherQueue!, nightly!]));
    assert.deepEqual(ids((await store.listAudit({ queue: 'payments', schedule: '', limit: 100 })).records), ids([empty!]));
    assert.deepEqual((await store.listAudit({ queue: 'payments', schedule: 'weekly', limit: 100 })).records, []);
    await assert.rejects(store.listAudit({ schedule: 7 as unknown as string, limit: 10 }), (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'schedule');
  });

  suite.test('a malformed position or filter is InvalidInputError naming the parameter', async () => {
    const store = await suite.freshStore('audit_invalid');
    await append(store, varied().slice(0, 3));
    const { next } = await store.listAudit({ limit: 1 });
    assert.ok(next);
    const [at, id] = next as [string, string];
    const cursors: unknown[] = [
      [],
      [at],
      [at, id, 'extra'],
      [at, Number(id)],
      [at.replace(/\.\d{6}Z$/, '.000Z'), id],
      ['2026-02-30T12:00:00.000000Z', id],
      ['yesterday', id],
      [at, '0'],
      [at, '-1'],
      [at, '99999999999999999999'],
      [at, `${id}; DROP TABLE x`],
      'not-an-array',
    ];
    for (const after of cursors) {
      await assert.rejects(
        store.listAudit({ limit: 10, after: after as string[] }),
        (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'cursor',
        `cursor ${JSON.stringify(after)}`,
      );
    }
    const filters: [Record<string, unknown>, string][] = [
      [{ from: 'yesterday' }, 'from'],
      [{ to: '2026-03-07' }, 'to'],
      [{ to: '2026-03-07T12:00:00' }, 'to'],
      [{ outcome: 'done' }, 'outcome'],
      [{ action: 'job.explode' }, 'action'],
      [{ queue: 42 }, 'queue'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
    ];
    for (const [filter, parameter] of filters) {
      await assert.rejects(
        store.listAudit({ limit: 10, ...filter } as never),
        (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === parameter,
        `filter ${JSON.stringify(filter)}`,
      );
    }
    assert.throws(() => store.exportAudit({ from: 'yesterday' }), InvalidInputError);
  });

  suite.test('exportAudit yields every matching record in order, a batch per query', async () => {
    const base = await suite.freshStore('audit_export');
    let queries = 0;
    const counted = counting(suite.target.connection(), () => (queries += 1));
    const store = createPostgresStore({ ...counted, schema: base.schema, exportBatchSize: 7 });
    const stored = newestFirst(await append(base, varied()));

    const exported: AuditRecord[] = [];
    for await (const record of store.exportAudit({})) exported.push(record);
    assert.deepEqual(exported, stored);
    assert.equal(queries, 4, '25 records in batches of 7');

    queries = 0;
    const retries: AuditRecord[] = [];
    for await (const record of store.exportAudit({ action: 'job.retry' })) retries.push(record);
    assert.deepEqual(retries, stored.filter((record) => record.action === 'job.retry'));
    assert.equal(queries, Math.ceil((retries.length + 1) / 7));
  });

  suite.test('the audit table has no column for a token', async () => {
    const store = await suite.freshStore('audit_columns');
    const { rows } = await suite.target.query(
      'SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
      [store.schema, AUDIT_TABLE],
    );
    const columns = rows.map((row) => String(row.column_name));
    assert.ok(columns.includes('plan_hash'), `the audit table exists (columns: ${columns.join(', ')})`);
    assert.deepEqual(columns.filter((name) => /token/i.test(name)), []);
  });
}

/** The same connection, counting the statements run on it outside transactions. */
function counting(options: PostgresStoreOptions, count: () => void): PostgresStoreOptions {
  if (options.pool) {
    const pool = options.pool;
    return { pool: { query: (text, values) => (count(), pool.query(text, values)), connect: () => pool.connect() } };
  }
  const pglite = options.pglite;
  return { pglite: { query: (text, values) => (count(), pglite.query(text, values)), transaction: (work) => pglite.transaction(work) } };
}
