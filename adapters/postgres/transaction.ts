import { IdempotencyConflict } from '../../core/contracts/store.ts';
import type { StoreTransaction } from '../../core/contracts/store.ts';
import { appendAudit } from './audit-writes.ts';
import { rowsOf } from './driver.ts';
import { resolveJobIncidents } from './incidents.ts';
import type { SqlQueryable } from './driver.ts';
import * as sql from './sql.ts';

/** A store transaction, and the switch that closes it once its work has settled. */
export interface OpenTransaction {
  readonly tx: StoreTransaction;
  /** Called when the work settles; from then on every use of `tx` is refused. */
  end(): void;
}

/**
 * The store's writes over the one connection a transaction runs on. On `pg` that connection goes
 * back to the pool when the transaction ends, so a `tx` (or its `sql`) kept past its work would
 * run statements outside any transaction, possibly on someone else's; it is refused instead.
 */
export function openStoreTransaction(connection: SqlQueryable, schema: string): OpenTransaction {
  let open = true;
  const scoped: SqlQueryable = {
    async query(text, values) {
      if (!open) throw new Error('ops-jobs: this store transaction has ended; use `tx` only inside the work passed to `transaction()`.');
      return await connection.query(text, values);
    },
  };
  const tx: StoreTransaction = {
    sql: {
      async executeSql(text, values = []) {
        return { rows: await rowsOf(scoped, { text, values }) };
      },
    },
    async consumePreview(tokenHash, at) {
      return (await rowsOf(scoped, sql.consumePreview(schema, tokenHash, at))).length === 1;
    },
    appendAudit: (record) => appendAudit(scoped, schema, record),
    async saveReceipt(receipt) {
      const saved = await rowsOf(scoped, sql.insertReceipt(schema, receipt));
      if (saved.length === 0) throw new IdempotencyConflict();
    },
    resolveJobIncidents: (queue, jobIds, at) => resolveJobIncidents(scoped, schema, queue, jobIds, at),
  };
  return {
    tx,
    end() {
      open = false;
    },
  };
}
