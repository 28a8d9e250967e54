import assert from 'node:assert/strict';
import { IdempotencyConflict } from '../../../../core/contracts/store.ts';
import type { StoreTransaction } from '../../../../core/contracts/store.ts';
import type { PostgresStore } from '../../../../adapters/postgres/index.ts';
import { newAuditRecord, receipt } from './fixtures.ts';
import type { StoreSuite } from './suite.ts';

/** Transactions: commit and rollback with an engine's statements, receipts, racing keys. */
export function transactionTests(suite: StoreSuite): void {
  // A table of the store's database that is not the store's, standing in for an engine's jobs.
  const withScratchTable = async (store: PostgresStore): Promise<string> => {
    const scratch = `"${store.schema}".scratch_jobs`;
    await suite.target.query(`CREATE TABLE ${scratch} (id text PRIMARY KEY)`);
    return scratch;
  };
  const countRows = async (scratch: string): Promise<number> =>
    Number((await suite.target.query(`SELECT count(*)::int AS n FROM ${scratch}`)).rows[0].n);

  suite.test('work that throws rolls back both the audit record and the engine’s own statements', async () => {
    const store = await suite.freshStore('tx_rollback');
    const scratch = await withScratchTable(store);
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.appendAudit(newAuditRecord());
        await tx.sql.executeSql(`INSERT INTO ${scratch} (id) VALUES ($1)`, ['job-1']);
        throw new Error('engine failed half way');
      }),
      /engine failed half way/,
    );
    assert.deepEqual((await store.listAudit({ limit: 10 })).records, []);
    assert.equal(await countRows(scratch), 0);
  });

  suite.test('work that resolves commits both, and its value is returned', async () => {
    const store = await suite.freshStore('tx_commit');
    const scratch = await withScratchTable(store);
    const result = await store.transaction(async (tx) => {
      const record = await tx.appendAudit(newAuditRecord());
      const { rows } = await tx.sql.executeSql(`INSERT INTO ${scratch} (id) VALUES ($1), ($2) RETURNING id`, ['job-1', 'job-2']);
      return { record, rows };
    });
    assert.deepEqual(result.rows, [{ id: 'job-1' }, { id: 'job-2' }]);
    assert.deepEqual(await store.getAudit(result.record.id), result.record);
    assert.equal(await countRows(scratch), 2);
  });

  suite.test('a failed statement rolls back, and the store keeps working', async () => {
    const store = await suite.freshStore('tx_statement_error');
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.appendAudit(newAuditRecord());
        await tx.sql.executeSql('SELECT * FROM no_such_table_anywhere');
      }),
      /no_such_table_anywhere/,
    );
    assert.deepEqual((await store.listAudit({ limit: 10 })).records, []);
    const record = await store.transaction((tx) => tx.appendAudit(newAuditRecord()));
    assert.equal((await store.getAudit(record.id))?.id, record.id);
  });

  suite.test('a transaction cannot be used after its work has settled', async () => {
    const store = await suite.freshStore('tx_ended');
    let kept!: StoreTransaction;
    await store.transaction(async (tx) => {
      kept = tx;
    });
    await assert.rejects(kept.sql.executeSql('SELECT 1'), /store transaction has ended/);
    await assert.rejects(kept.appendAudit(newAuditRecord()), /store transaction has ended/);
  });

  suite.test('a saved receipt is found by principal and key, as it was saved', async () => {
    const store = await suite.freshStore('receipt_find');
    const saved = receipt();
    await store.transaction((tx) => tx.saveReceipt(saved));
    assert.deepEqual(await store.findReceipt('u_ada', 'key-1'), saved);
    assert.equal(await store.findReceipt('u_bob', 'key-1'), null);
    assert.equal(await store.findReceipt('u_ada', 'key-2'), null);
    await store.transaction((tx) => tx.saveReceipt(receipt({ key: 'no-body', body: undefined, status: 204 })));
    assert.equal((await store.findReceipt('u_ada', 'no-body'))?.body, null);
  });

  suite.test('a duplicate receipt throws IdempotencyConflict, and the transaction can still commit', async () => {
    const store = await suite.freshStore('receipt_duplicate');
    const first = receipt({ body: { from: 'first' } });
    await store.transaction((tx) => tx.saveReceipt(first));
    const record = await store.transaction(async (tx) => {
      const appended = await tx.appendAudit(newAuditRecord());
      await assert.rejects(tx.saveReceipt(receipt({ body: { from: 'second' } })), IdempotencyConflict);
      return appended;
    });
    assert.deepEqual(await store.getAudit(record.id), record);
    assert.deepEqual(await store.findReceipt('u_ada', 'key-1'), first);
  });

  if (!suite.concurrent) return;

  suite.test('two transactions saving one key at once: the second waits, then gets IdempotencyConflict', async () => {
    const first = await suite.freshStore('receipt_race');
    const second = suite.storeOn(first.schema);
    let saved!: () => void;
    const firstSaved = new Promise<void>((resolve) => (saved = resolve));
    // The first transaction stays open until PostgreSQL reports the second insert waiting for it.
    const racingWaits = firstSaved.then(() => suite.lockWaitOn(first.schema));
    const holding = first.transaction(async (tx) => {
      await tx.saveReceipt(receipt({ body: { from: 'first' } }));
      saved();
      await racingWaits;
    });
    await firstSaved;
    const racing = second.transaction((tx) => tx.saveReceipt(receipt({ body: { from: 'second' } })));
    // Judged from the start, so that however the two replies arrive, the refusal is never unhandled.
    const refused = assert.rejects(racing, IdempotencyConflict);
    await holding;
    await refused;
    assert.deepEqual((await first.findReceipt('u_ada', 'key-1'))?.body, { from: 'first' });
  });
}
