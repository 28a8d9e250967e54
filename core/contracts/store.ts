/** What a migration run did. */
export interface MigrationReport {
  /** The schema the console's tables live in. */
  readonly schema: string;
  /** Versions applied by this run, in order. */
  readonly applied: readonly number[];
  /** The version the schema is at after the run. */
  readonly version: number;
}

/**
 * The console's own persistence (audit events, action previews, idempotency receipts), kept
 * apart from any engine.
 */
export interface OpsStore {
  /** Brings the store's schema up to date. Idempotent and safe to run from several processes. */
  migrate(): Promise<MigrationReport>;
}
