import * as incidentSql from './incident-sql.ts';
import * as sql from './sql.ts';
import type { Statement } from './sql.ts';

/** One step of the store's schema history. Released migrations are never edited, only added to. */
export interface Migration {
  /** Position in the history: 1, 2, 3... with no gaps. */
  readonly version: number;
  /** What the step does, recorded beside its version. */
  readonly name: string;
  /** The statements to run, in order, inside the migration transaction. */
  statements(schema: string): readonly Statement[];
}

/** The store's migrations, oldest first. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'create schema and migrations table',
    statements: (schema: string) => [sql.createSchema(schema), sql.createMigrationsTable(schema)],
  },
  {
    version: 2,
    name: 'create audit events, action previews and idempotency receipts',
    statements: (schema: string) => [
      sql.createAuditTable(schema),
      ...sql.createAuditIndexes(schema),
      sql.createPreviewsTable(schema),
      sql.createPreviewsExpiryIndex(schema),
      sql.createReceiptsTable(schema),
    ],
  },
  {
    version: 3,
    name: 'bind idempotency receipts to a fingerprint of their request',
    statements: (schema: string) => [sql.addReceiptFingerprint(schema)],
  },
  {
    version: 4,
    name: 'record refused attempts in the audit log',
    statements: (schema: string) => sql.allowRefusedOutcomes(schema),
  },
  {
    version: 5,
    name: 'index idempotency receipts by age, for their purge',
    statements: (schema: string) => [sql.createReceiptsAgeIndex(schema)],
  },
  {
    version: 6,
    name: 'record actions that touch no jobs, such as opening a bridge',
    statements: (schema: string) => sql.allowRecordsWithoutJobs(schema),
  },
  {
    version: 7,
    name: 'index audit queues and operator labels for the filter suggestions',
    statements: (schema: string) => sql.createAuditSuggestionIndexes(schema),
  },
  {
    version: 8,
    name: 'keep incidents found by the diagnosis',
    statements: (schema: string) => [incidentSql.createIncidentsTable(schema), ...incidentSql.createIncidentIndexes(schema)],
  },
  {
    version: 9,
    name: 'index audit records of schedule actions by the schedule key, for its chronology',
    statements: (schema: string) => [sql.createAuditScheduleIndex(schema)],
  },
]);

/** The version a fully migrated schema is at. */
export const LATEST_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;
