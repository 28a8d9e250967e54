import type { AuditPage, AuditQuery, AuditFilter, AuditRecord, AuditSuggestion, AuditSuggestionField, NewAuditRecord } from './audit.ts';
import type { AuditOutcome } from '../vocabulary/audit-outcomes.ts';
import type { Incident, IncidentChanges, IncidentPage, IncidentQuery, IncidentSweep } from './incidents.ts';
import type { LiveChannel } from './live-channel.ts';
import type { IdempotencyReceipt, StoredPreview } from './preview.ts';
import type { SqlExecutor } from './sql.ts';

/** What a migration run did. */
export interface MigrationReport {
  /** The schema the console's tables live in. */
  readonly schema: string;
  /** Versions applied by this run, in order. */
  readonly applied: readonly number[];
  /** The version the schema is at after the run. */
  readonly version: number;
}

/** Where a store's schema stands, read without changing anything. */
export interface MigrationStatus {
  /** The schema the console's tables live in. */
  readonly schema: string;
  /** The version the schema is at; 0 when nothing has been applied. */
  readonly version: number;
  /** The version this release of the store migrates to. */
  readonly latest: number;
  /** Versions this release has that the schema lacks, in order; empty when up to date. */
  readonly pending: readonly number[];
}

/** The store's writes inside one transaction. Everything commits together or not at all. */
export interface StoreTransaction {
  /** The transaction's SQL connection, for an engine that shares the store's database. */
  readonly sql: SqlExecutor;
  /**
   * Marks the preview consumed if it is not yet: true when this call consumed it, false when it was
   * already consumed. Concurrent calls for one token: exactly one gets true.
   */
  consumePreview(tokenHash: string, at: string): Promise<boolean>;
  appendAudit(record: NewAuditRecord): Promise<AuditRecord>;
  /** Saves the first answer for an idempotency key; throws `IdempotencyConflict` if one exists. */
  saveReceipt(receipt: IdempotencyReceipt): Promise<void>;
  /**
   * Optional, with the store's incidents: resolves as `repaired` the open `stuck-job` incidents of
   * these jobs of `queue`, in this transaction, so that a repair and its incident's end commit
   * together. Returns the incidents it resolved.
   */
  resolveJobIncidents?(queue: string, jobIds: readonly string[], at: string): Promise<readonly Incident[]>;
}

/** One of the store's tables, by the database's own estimate. */
export interface TableSize {
  readonly table: string;
  /** Estimated rows (from the planner's statistics); -1 before the table was first analyzed. */
  readonly rows: number;
  /** Bytes on disk, indexes included. */
  readonly bytes: number;
}

/** Thrown by `saveReceipt` when another request saved a receipt for the same key first. */
export class IdempotencyConflict extends Error {
  constructor() {
    super('an idempotency receipt already exists for this key');
    this.name = 'IdempotencyConflict';
  }
}

/**
 * The console's own persistence (audit events, action previews, idempotency receipts), kept
 * apart from any engine.
 */
export interface OpsStore {
  /** Brings the store's schema up to date. Idempotent and safe to run from several processes. */
  migrate(): Promise<MigrationReport>;
  /**
   * Reads which migrations the schema has, changing nothing, for deployment checks such as
   * `ops-jobs doctor`. Rejects when the database cannot be reached.
   */
  migrationStatus?(): Promise<MigrationStatus>;
  /**
   * How large the store's tables are, as the database estimates it (no table is counted), for
   * deployment checks such as `ops-jobs doctor`.
   */
  tableSizes?(): Promise<readonly TableSize[]>;
  savePreview(preview: StoredPreview): Promise<void>;
  findPreview(tokenHash: string): Promise<StoredPreview | null>;
  findReceipt(principalId: string, key: string): Promise<IdempotencyReceipt | null>;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /**
   * Completes an intent (a record appended with outcome `pending` before an action on an engine
   * that cannot share the store's transaction) with its outcome. `jobIds`, when given, are jobs the
   * action made, known only once it ran (the job of a schedule's `run`): they are added to the
   * record's `resource.ids`, after those it had, in the same write, so the audit log's `jobId`
   * filter finds the record by them. An intent without a resource names no jobs; it refuses ids.
   */
  completeIntent(id: string, outcome: Exclude<AuditOutcome, 'pending'>, affected: number, at: string, jobIds?: readonly string[]): Promise<AuditRecord>;
  /** One page of the audit log, newest first. */
  listAudit(query: AuditQuery): Promise<AuditPage>;
  /** Every record matching the filter, newest first, read in batches so an export never holds it all. */
  exportAudit(filter: AuditFilter): AsyncIterable<AuditRecord>;
  /** One audit record, or null. */
  getAudit(id: string): Promise<AuditRecord | null>;
  /**
   * Optional: up to `limit` distinct values of the audit log for one filter, those starting with
   * `prefix` (for `operator`, labels starting with it ignoring case, `prefix` given lower-cased),
   * read through an index, one probe per value. Without it the audit filters suggest nothing.
   */
  suggestAudit?(field: AuditSuggestionField, prefix: string, limit: number): Promise<readonly AuditSuggestion[]>;
  /**
   * Deletes previews that expired before `at` and idempotency receipts made before
   * `receiptsBefore` (ISO times), a bounded batch of each per call so that no call holds the
   * tables long; returns how many of each. Called as previews are made, it keeps both tables small.
   */
  purgeExpired(at: string, receiptsBefore: string): Promise<{ readonly previews: number; readonly receipts: number }>;
  /**
   * Optional: a new channel through which the live change feeds of several host processes on this
   * store's database work as one (see `LiveChannel`). Each call returns a separate member. A store
   * without it leaves every process to poll for its own consoles and to see only its own actions
   * live.
   */
  createLiveChannel?(): LiveChannel;
  /**
   * Optional: keeps what a diagnosis pass found as incidents. For each observed condition, opens an
   * incident, or updates the open one with the same fingerprint (several processes sweeping at once
   * never open two); then resolves as `cleared` the open incidents not observed, except those the
   * sweep is `unsure` of. Bounded: writes at most what was observed and resolves a bounded batch.
   * A store without it (and `listIncidents`) keeps no incidents, and the console shows none.
   */
  recordIncidents?(sweep: IncidentSweep): Promise<IncidentChanges>;
  /** Optional, with `recordIncidents`: one page of incidents, open ones first. */
  listIncidents?(query: IncidentQuery): Promise<IncidentPage>;
  /** Optional, with `recordIncidents`: one incident, or null. */
  getIncident?(id: string): Promise<Incident | null>;
}
