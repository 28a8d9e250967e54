// Runs a store suite on every target, each test on migrated stores in schemas of its own.
import { after, before, describe, test } from 'node:test';
import { createPostgresStore } from '../../../../adapters/postgres/index.ts';
import type { PostgresStore, PostgresStoreOptions } from '../../../../adapters/postgres/index.ts';
import * as sql from '../../../../adapters/postgres/sql.ts';
import { uniqueSchema } from '../../support/database.ts';
import { waitUntil } from '../../support/wait.ts';
import { pgliteTarget, postgresTarget } from './targets.ts';
import type { Target } from './targets.ts';

type ExtraOptions = Omit<PostgresStoreOptions, 'pool' | 'pglite' | 'schema'>;

export interface StoreSuite {
  readonly target: Target;
  /** True where two connections can hold two transactions at once (PostgreSQL, not PGlite). */
  readonly concurrent: boolean;
  /** Declares a test that waits for the database and fails with the reason if it is unreachable. */
  test(name: string, body: () => Promise<void>): void;
  /** A migrated store in a new schema, dropped when the suite ends. */
  freshStore(label: string, options?: ExtraOptions): Promise<PostgresStore>;
  /** Another store on `schema` over a connection of its own (a new pool on PostgreSQL). */
  storeOn(schema: string, options?: ExtraOptions): PostgresStore;
  /**
   * PostgreSQL only: resolves once a statement on `schema` is waiting for a lock another
   * transaction holds, as PostgreSQL reports it; rejects when none does within 10 s.
   */
  lockWaitOn(schema: string): Promise<void>;
}

/** Declares `define`'s tests once on PGlite and once on PostgreSQL. */
export function onEveryTarget(title: string, define: (suite: StoreSuite) => void): void {
  for (const target of [pgliteTarget(), postgresTarget()]) {
    describe(`${title} on ${target.name}`, () => {
      const schemas: string[] = [];
      let started: Promise<void> = Promise.resolve();
      before(() => {
        started = target.start();
        started.catch(() => {});
      });
      after(async () => {
        for (const schema of schemas) await target.query(sql.dropSchema(schema).text).catch(() => {});
        await target.stop();
      });
      const storeOn = (schema: string, options: ExtraOptions = {}): PostgresStore =>
        createPostgresStore({ ...target.connection(), ...options, schema });
      define({
        target,
        concurrent: target.name !== 'PGlite',
        test(name, body) {
          test(name, async () => {
            await started;
            await body();
          });
        },
        async freshStore(label, options) {
          const schema = uniqueSchema(`ops_jobs_test_${label}`);
          schemas.push(schema);
          const store = storeOn(schema, options);
          await store.migrate();
          return store;
        },
        storeOn,
        lockWaitOn: (schema) =>
          waitUntil(async () => {
            const { rows } = await target.query(
              `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND position($1 in query) > 0`,
              [`"${schema}"`],
            );
            return rows[0].waiting > 0;
          }, `a statement on ${schema} to wait for a lock`, { intervalMs: 10 }),
      });
    });
  }
}
