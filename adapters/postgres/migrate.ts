import type { MigrationReport, MigrationStatus } from '../../core/contracts/store.ts';
import { emitTelemetry } from '../../core/telemetry/emit.ts';
import { millisecondsSince, startTimer } from '../../core/telemetry/measure.ts';
import { rowsOf } from './driver.ts';
import type { SqlDriver, SqlQueryable } from './driver.ts';
import { MIGRATIONS } from './migrations.ts';
import type { Migration } from './migrations.ts';
import * as sql from './sql.ts';

async function appliedVersions(tx: SqlQueryable, schema: string): Promise<Set<number>> {
  const [table] = await rowsOf<{ exists: boolean }>(tx, sql.migrationsTableExists(schema));
  if (!table?.exists) return new Set();
  const rows = await rowsOf<{ version: number }>(tx, sql.appliedVersions(schema));
  return new Set(rows.map((row) => Number(row.version)));
}

/**
 * Applies the migrations `schema` does not have yet, in one transaction under an advisory lock
 * keyed from the schema name. A second migrator waits for the first to commit, then finds nothing
 * left to do; a failed migration rolls the whole run back. Each run is reported as `store.migration`.
 */
export async function runMigrations(
  driver: SqlDriver,
  schema: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  const started = startTimer();
  const report = (outcome: 'applied' | 'up_to_date' | 'failed') =>
    emitTelemetry('store', 'migration', { outcome, driver: driver.kind }, { duration_ms: millisecondsSince(started) });
  let result: MigrationReport;
  try {
    result = await migrate(driver, schema, migrations);
  } catch (error) {
    report('failed');
    throw error;
  }
  report(result.applied.length > 0 ? 'applied' : 'up_to_date');
  return result;
}

/** Which of `migrations` the schema has, read without a lock or a transaction: it changes nothing. */
export async function readMigrationStatus(
  driver: SqlDriver,
  schema: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationStatus> {
  const present = await appliedVersions(driver, schema);
  return {
    schema,
    version: Math.max(0, ...present),
    latest: Math.max(0, ...migrations.map((migration) => migration.version)),
    pending: migrations.map((migration) => migration.version).filter((version) => !present.has(version)),
  };
}

async function migrate(driver: SqlDriver, schema: string, migrations: readonly Migration[]): Promise<MigrationReport> {
  return await driver.transaction(async (tx) => {
    await rowsOf(tx, sql.readCommitted());
    await rowsOf(tx, sql.lockMigrations(schema));
    const present = await appliedVersions(tx, schema);
    const applied: number[] = [];
    for (const migration of migrations) {
      if (present.has(migration.version)) continue;
      for (const statement of migration.statements(schema)) await rowsOf(tx, statement);
      await rowsOf(tx, sql.recordMigration(schema, migration.version, migration.name));
      applied.push(migration.version);
    }
    // A schema migrated by a newer release stays at its version: migrations only move forward.
    const version = Math.max(0, ...present, ...applied);
    return { schema, applied, version };
  });
}
