/**
 * Every SQL statement the store runs, one named function each: schema in, text with `$n`
 * placeholders and their values out. Nothing else in the store builds SQL.
 *
 * `schema` is always a name that `validateSchemaName` accepted; it is quoted anyway so that a
 * reserved word is still a valid schema.
 */
import { createHash } from 'node:crypto';

/** One statement ready to run. */
export interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** The table that records which migrations a schema has. */
export const MIGRATIONS_TABLE = 'schema_migrations';

function statement(text: string, values: readonly unknown[] = []): Statement {
  return { text, values };
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function table(schema: string, name: string): string {
  return `${quote(schema)}.${quote(name)}`;
}

export function begin(): Statement {
  return statement('BEGIN');
}

export function commit(): Statement {
  return statement('COMMIT');
}

export function rollback(): Statement {
  return statement('ROLLBACK');
}

/**
 * First statement of the migration transaction. Under a stricter default isolation level the
 * snapshot would be taken before the lock is granted, and a migrator that waited would not see
 * what the one before it committed.
 */
export function readCommitted(): Statement {
  return statement('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
}

/**
 * The advisory lock key for a schema's migrations: the first 8 bytes of a SHA-256 of a fixed
 * prefix and the schema name, as a signed 64-bit integer. Computed here rather than with
 * PostgreSQL's `hashtext`, whose output is an implementation detail, so that the key is the same on
 * every server version and can be looked up in `pg_locks` by an operator.
 */
export function migrationLockKey(schema: string): bigint {
  return createHash('sha256').update(`ops-jobs:migrations:${schema}`).digest().readBigInt64BE(0);
}

/**
 * Waits until no other transaction is migrating this schema. Held until the transaction ends, so
 * a crashed migrator cannot leave it behind.
 */
export function lockMigrations(schema: string): Statement {
  return statement('SELECT pg_advisory_xact_lock($1::bigint)', [migrationLockKey(schema).toString()]);
}

/** One row, `exists`, true once the migrations table has been created. */
export function migrationsTableExists(schema: string): Statement {
  return statement('SELECT to_regclass($1) IS NOT NULL AS "exists"', [table(schema, MIGRATIONS_TABLE)]);
}

/** The versions already applied, one row each, `version`, ascending. */
export function appliedVersions(schema: string): Statement {
  return statement(`SELECT version FROM ${table(schema, MIGRATIONS_TABLE)} ORDER BY version`);
}

export function recordMigration(schema: string, version: number, name: string): Statement {
  return statement(`INSERT INTO ${table(schema, MIGRATIONS_TABLE)} (version, name) VALUES ($1, $2)`, [version, name]);
}

export function createSchema(schema: string): Statement {
  return statement(`CREATE SCHEMA IF NOT EXISTS ${quote(schema)}`);
}

export function createMigrationsTable(schema: string): Statement {
  return statement(`CREATE TABLE IF NOT EXISTS ${table(schema, MIGRATIONS_TABLE)} (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`);
}

/** Drops the schema and everything in it. For tests and uninstalling; never run by `migrate`. */
export function dropSchema(schema: string): Statement {
  return statement(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
}
