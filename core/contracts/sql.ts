/**
 * A SQL connection inside an open transaction, in the shape pg-boss calls `IDatabase`: the store
 * hands it to an engine that shares its database, so that the job changes and the audit record
 * commit or roll back together.
 */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}
