/**
 * Every SQL statement the store runs, one named function each: schema in, text with `$n`
 * placeholders and their values out. Nothing else in the store builds SQL.
 *
 * `schema` is always a name that `validateSchemaName` accepted; it is quoted anyway so that a
 * reserved word is still a valid schema.
 */
import { createHash } from 'node:crypto';
import type { AuditFilter, NewAuditRecord } from '../../core/contracts/audit.ts';
import type { IdempotencyReceipt, StoredPreview } from '../../core/contracts/preview.ts';
import type { AuditPosition } from './audit-position.ts';

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
 * First statement of the migration transaction and of every store transaction, whatever the
 * server's default isolation level. In a migration, a stricter level would take the snapshot before
 * the lock is granted, and a migrator that waited would not see what the one before it committed.
 * In a store transaction, a stricter level would make the second of two concurrent
 * `consumePreview` calls fail with a serialization error instead of finding the preview consumed.
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
function migrationLockKey(schema: string): bigint {
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

// ---------------------------------------------------------------------------------------------
// Audit events, action previews and idempotency receipts (migration 2 and the store's queries).
// ---------------------------------------------------------------------------------------------

/** The audit log. */
export const AUDIT_TABLE = 'audit_events';
/** Previewed plans, keyed by the hash of their token. */
const PREVIEWS_TABLE = 'action_previews';
/** The first answer to each idempotency key. */
const RECEIPTS_TABLE = 'idempotency_receipts';

// Timestamps leave as text so that no driver turns them into a Date, which keeps milliseconds
// while PostgreSQL keeps microseconds. Records carry milliseconds, the spelling of toISOString();
// paging positions carry all six digits so that they name a row exactly.
const iso = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoMicros = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// The ordering columns leave under other names: ORDER BY prefers an output column of the same
// name, and `id::text AS id` would sort as text and lose the index. Read by `toAuditRecord`.
const AUDIT_COLUMNS = `
    id::text AS record_id,
    ${iso('occurred_at')} AS occurred,
    ${iso('completed_at')} AS completed,
    principal_id, principal_type, principal_label,
    action, queue, selection, job_ids,
    requested, affected, outcome, reason, plan_hash, correlation_id,
    ${isoMicros('occurred_at')} AS position_at`;

/**
 * The audit log. The primary key is a bigint identity, shown as text; besides naming a record it
 * orders records of the same instant, so paging never skips or repeats one.
 *
 * Append-only through the console: the one UPDATE the store runs completes a pending intent. There
 * is no column for the preview token, by design: `plan_hash` is what ties a record to its plan.
 */
export function createAuditTable(schema: string): Statement {
  return statement(`CREATE TABLE ${table(schema, AUDIT_TABLE)} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  completed_at timestamptz,
  principal_id text NOT NULL,
  principal_type text NOT NULL,
  principal_label text NOT NULL,
  action text NOT NULL,
  queue text NOT NULL,
  selection jsonb NOT NULL,
  job_ids text[] NOT NULL,
  requested integer NOT NULL CHECK (requested >= 0),
  affected integer CHECK (affected >= 0),
  outcome text NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'pending')),
  reason text NOT NULL,
  plan_hash text NOT NULL,
  correlation_id text NOT NULL,
  CONSTRAINT audit_events_open_iff_pending CHECK ((outcome = 'pending') = (completed_at IS NULL)),
  CONSTRAINT audit_events_pending_has_no_count CHECK (outcome <> 'pending' OR affected IS NULL)
)`);
}

/**
 * The audit log's indexes. Every listing is newest first by (occurred_at, id), so each filter
 * column leads an index that continues in that order: a filtered page, first or deep, reads about
 * one page of index entries. A job's records are few, so `jobId` reads them through a GIN index on
 * the array and sorts them (see `selectAuditPage`). A time range alone walks the first index.
 */
export function createAuditIndexes(schema: string): readonly Statement[] {
  const on = table(schema, AUDIT_TABLE);
  return [
    statement(`CREATE INDEX audit_events_newest_idx ON ${on} (occurred_at DESC, id DESC)`),
    statement(`CREATE INDEX audit_events_principal_idx ON ${on} (principal_id, occurred_at DESC, id DESC)`),
    statement(`CREATE INDEX audit_events_action_idx ON ${on} (action, occurred_at DESC, id DESC)`),
    statement(`CREATE INDEX audit_events_queue_idx ON ${on} (queue, occurred_at DESC, id DESC)`),
    statement(`CREATE INDEX audit_events_outcome_idx ON ${on} (outcome, occurred_at DESC, id DESC)`),
    statement(`CREATE INDEX audit_events_job_ids_idx ON ${on} USING gin (job_ids)`),
  ];
}

/**
 * What the audit filters suggest as they are typed: the queues, and the operators by their label
 * (lower-cased). Byte order ("C") keeps every value that starts with a prefix together, so a walk
 * from the prefix reads one index entry per distinct value and stops at the first that does not
 * start with it (see `selectAuditQueueSuggestions`).
 */
export function createAuditSuggestionIndexes(schema: string): readonly Statement[] {
  const on = table(schema, AUDIT_TABLE);
  return [
    statement(`CREATE INDEX IF NOT EXISTS audit_events_queue_name_idx ON ${on} ((queue COLLATE "C"))`),
    statement(`CREATE INDEX IF NOT EXISTS audit_events_principal_label_idx ON ${on} ((lower(principal_label) COLLATE "C"), (principal_id COLLATE "C"))`),
  ];
}

/**
 * The records of actions on one schedule, by its key and queue, newest first: a schedule action's
 * selection is `{"schedule": key}`, other records have no key here. Not partial: PostgreSQL keeps
 * statistics of a partial index's expression but does not use them, and estimating a busy
 * schedule's records at a few, reads them all and sorts them instead of walking the index.
 */
export function createAuditScheduleIndex(schema: string): Statement {
  return statement(`CREATE INDEX IF NOT EXISTS audit_events_schedule_idx ON ${table(schema, AUDIT_TABLE)}
  ((selection ->> 'schedule'), queue, occurred_at DESC, id DESC)`);
}

/**
 * Up to `limit` distinct queue names of the audit log that start with `prefix`, in byte order: a
 * skip scan over `audit_events_queue_name_idx`, one index probe per name, never a read of the log.
 * Records that touched no queue (queue '') are skipped.
 */
export function selectAuditQueueSuggestions(schema: string, prefix: string, limit: number): Statement {
  const on = table(schema, AUDIT_TABLE);
  return statement(`WITH RECURSIVE walk(name, step) AS (
  (SELECT queue COLLATE "C", 1 FROM ${on} WHERE queue COLLATE "C" >= $1 ORDER BY queue COLLATE "C" LIMIT 1)
  UNION ALL
  SELECT (SELECT e.queue COLLATE "C" FROM ${on} e WHERE e.queue COLLATE "C" > walk.name ORDER BY e.queue COLLATE "C" LIMIT 1), walk.step + 1
  FROM walk WHERE walk.name IS NOT NULL AND starts_with(walk.name, $1) AND walk.step <= $2
)
SELECT name FROM walk WHERE name IS NOT NULL AND name <> '' AND starts_with(name, $1) LIMIT $2`, [prefix, limit]);
}

/**
 * Up to `limit` distinct operators of the audit log (label and id) whose label starts with
 * `prefix` ignoring case (`prefix` already lower-cased), in byte order of the lower-cased label:
 * a skip scan over `audit_events_principal_label_idx`, one index probe per operator.
 */
export function selectAuditOperatorSuggestions(schema: string, prefix: string, limit: number): Statement {
  const on = table(schema, AUDIT_TABLE);
  const key = `(lower(e.principal_label) COLLATE "C", e.principal_id COLLATE "C")`;
  return statement(`WITH RECURSIVE walk(label_key, id, label, step) AS (
  (SELECT lower(e.principal_label) COLLATE "C", e.principal_id COLLATE "C", e.principal_label, 1 FROM ${on} e
    WHERE lower(e.principal_label) COLLATE "C" >= $1 ORDER BY ${key.slice(1, -1)} LIMIT 1)
  UNION ALL
  SELECT next.label_key, next.id, next.label, walk.step + 1
  FROM walk CROSS JOIN LATERAL (
    SELECT lower(e.principal_label) COLLATE "C" AS label_key, e.principal_id COLLATE "C" AS id, e.principal_label AS label FROM ${on} e
    WHERE ${key} > (walk.label_key, walk.id) ORDER BY ${key.slice(1, -1)} LIMIT 1
  ) next
  WHERE starts_with(walk.label_key, $1) AND walk.step <= $2
)
SELECT id, label FROM walk WHERE starts_with(label_key, $1) LIMIT $2`, [prefix, limit]);
}

/** Previews: the token is never stored, only its SHA-256, which is also how it is looked up. */
export function createPreviewsTable(schema: string): Statement {
  return statement(`CREATE TABLE ${table(schema, PREVIEWS_TABLE)} (
  token_hash text PRIMARY KEY,
  principal_id text NOT NULL,
  action text NOT NULL,
  queue text NOT NULL,
  selection jsonb NOT NULL,
  plan jsonb NOT NULL,
  plan_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
)`);
}

/** Serves `purgeExpiredPreviews`, which deletes by expiry. */
export function createPreviewsExpiryIndex(schema: string): Statement {
  return statement(`CREATE INDEX action_previews_expires_at_idx ON ${table(schema, PREVIEWS_TABLE)} (expires_at)`);
}

export function createReceiptsTable(schema: string): Statement {
  return statement(`CREATE TABLE ${table(schema, RECEIPTS_TABLE)} (
  principal_id text NOT NULL,
  key text NOT NULL,
  status integer NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (principal_id, key)
)`);
}

/** The audit log's outcomes as migration 4 leaves them: refused attempts besides what ran. */
export function allowRefusedOutcomes(schema: string): readonly Statement[] {
  const on = table(schema, AUDIT_TABLE);
  return [
    statement(`ALTER TABLE ${on} DROP CONSTRAINT audit_events_outcome_check`),
    statement(`ALTER TABLE ${on} ADD CONSTRAINT audit_events_outcome_check
  CHECK (outcome IN ('succeeded', 'failed', 'pending', 'denied', 'expired', 'already_used', 'drifted'))`),
  ];
}

/** Lets a record name no queue, selection or jobs (all three, or none of them), for a bridge opened. */
export function allowRecordsWithoutJobs(schema: string): readonly Statement[] {
  const on = table(schema, AUDIT_TABLE);
  return [
    statement(`ALTER TABLE ${on} ALTER COLUMN queue DROP NOT NULL, ALTER COLUMN selection DROP NOT NULL, ALTER COLUMN job_ids DROP NOT NULL`),
    statement(`ALTER TABLE ${on} ADD CONSTRAINT audit_events_jobs_all_or_none
  CHECK ((queue IS NULL) = (selection IS NULL) AND (queue IS NULL) = (job_ids IS NULL))`),
  ];
}

export function addReceiptFingerprint(schema: string): Statement {
  return statement(`ALTER TABLE ${table(schema, RECEIPTS_TABLE)} ADD COLUMN fingerprint text NOT NULL DEFAULT ''`);
}

// jsonb values go in as JSON text: `pg` would send a JS array as a PostgreSQL array literal.
const json = (value: unknown): string => JSON.stringify(value ?? null);

export function insertPreview(schema: string, preview: StoredPreview): Statement {
  return statement(
    `INSERT INTO ${table(schema, PREVIEWS_TABLE)}
      (token_hash, principal_id, action, queue, selection, plan, plan_hash, created_at, expires_at, consumed_at)
    VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8::timestamptz, $9::timestamptz, $10::timestamptz)`,
    [
      preview.tokenHash, preview.principalId, preview.action, preview.queue, json(preview.selection), json(preview.plan),
      preview.planHash, preview.createdAt, preview.expiresAt, preview.consumedAt,
    ],
  );
}

/** The preview for `$1` (a token hash), or no row. Read by `toStoredPreview`. */
export function selectPreview(schema: string, tokenHash: string): Statement {
  return statement(
    `SELECT token_hash, principal_id, action, queue, selection, plan, plan_hash,
      ${iso('created_at')} AS created, ${iso('expires_at')} AS expires, ${iso('consumed_at')} AS consumed
    FROM ${table(schema, PREVIEWS_TABLE)}
    WHERE token_hash = $1`,
    [tokenHash],
  );
}

/**
 * Consumes a preview in one statement: one row when this call consumed it, none when it was
 * consumed already (or never existed). A concurrent transaction consuming the same token waits on
 * the row lock; under READ COMMITTED it then re-reads the row, finds it consumed, and gets no row.
 */
export function consumePreview(schema: string, tokenHash: string, at: string): Statement {
  return statement(
    `UPDATE ${table(schema, PREVIEWS_TABLE)} SET consumed_at = $2::timestamptz
    WHERE token_hash = $1 AND consumed_at IS NULL
    RETURNING token_hash`,
    [tokenHash, at],
  );
}

/** The store's tables with the planner's row estimate and their size on disk: the catalog only. */
export function tableSizes(schema: string): Statement {
  return statement(
    `SELECT c.relname AS "table", c.reltuples::bigint::float8 AS rows, pg_total_relation_size(c.oid)::float8 AS bytes
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND c.relkind = 'r'
    ORDER BY c.relname`,
    [schema],
  );
}

/** How many rows one purge statement deletes at most, so that it never holds a table for long. */
export const PURGE_BATCH = 1000;

/** Deletes a batch of the rows of `target` whose `column` is before `$1`; one row, `deleted`. */
function purgeBatch(target: string, column: string, before: string): Statement {
  return statement(
    `WITH deleted AS (
      DELETE FROM ${target} WHERE ctid IN (SELECT ctid FROM ${target} WHERE ${column} < $1::timestamptz LIMIT ${PURGE_BATCH})
      RETURNING 1)
    SELECT count(*)::int AS deleted FROM deleted`,
    [before],
  );
}

/** Deletes a batch of the previews that expired before `at`. */
export function purgeExpiredPreviews(schema: string, at: string): Statement {
  return purgeBatch(table(schema, PREVIEWS_TABLE), 'expires_at', at);
}

/** Deletes a batch of the idempotency receipts made before `before`. */
export function purgeOldReceipts(schema: string, before: string): Statement {
  return purgeBatch(table(schema, RECEIPTS_TABLE), 'created_at', before);
}

/** Serves `purgeOldReceipts`, which deletes by age. */
export function createReceiptsAgeIndex(schema: string): Statement {
  return statement(`CREATE INDEX idempotency_receipts_created_at_idx ON ${table(schema, RECEIPTS_TABLE)} (created_at)`);
}

/**
 * Saves a receipt unless the key has one: one row when saved, none on a duplicate. ON CONFLICT
 * rather than a unique violation, because on PostgreSQL an error aborts the whole transaction and
 * the caller could not commit its other work. A concurrent insert of the same key waits for the
 * first transaction and then conflicts (or inserts, if the first rolled back).
 */
export function insertReceipt(schema: string, receipt: IdempotencyReceipt): Statement {
  return statement(
    `INSERT INTO ${table(schema, RECEIPTS_TABLE)} (principal_id, key, fingerprint, status, body, created_at)
    VALUES ($1, $2, $3, $4, $5::jsonb, $6::timestamptz)
    ON CONFLICT (principal_id, key) DO NOTHING
    RETURNING key`,
    [receipt.principalId, receipt.key, receipt.fingerprint, receipt.status, json(receipt.body), receipt.createdAt],
  );
}

/** The receipt for `$1` (principal id) and `$2` (key), or no row. Read by `toReceipt`. */
export function selectReceipt(schema: string, principalId: string, key: string): Statement {
  return statement(
    `SELECT principal_id, key, fingerprint, status, body, ${iso('created_at')} AS created
    FROM ${table(schema, RECEIPTS_TABLE)}
    WHERE principal_id = $1 AND key = $2`,
    [principalId, key],
  );
}

/**
 * Appends an audit record and returns it as stored. A record that is not pending and names no
 * completion time completed when it occurred (an action committed with its record).
 */
export function insertAudit(schema: string, record: NewAuditRecord): Statement {
  const completedAt = record.completedAt ?? (record.outcome === 'pending' ? null : record.occurredAt);
  return statement(
    `INSERT INTO ${table(schema, AUDIT_TABLE)}
      (occurred_at, completed_at, principal_id, principal_type, principal_label, action, queue, selection, job_ids,
       requested, affected, outcome, reason, plan_hash, correlation_id)
    VALUES ($1::timestamptz, $2::timestamptz, $3, $4, $5, $6, $7, $8::jsonb, $9::text[], $10, $11, $12, $13, $14, $15)
    RETURNING ${AUDIT_COLUMNS}`,
    [
      record.occurredAt, completedAt, record.principal.id, record.principal.type, record.principal.label,
      record.action, record.resource?.queue ?? null, record.resource ? json(record.resource.selection) : null, record.resource ? [...record.resource.ids] : null,
      record.requested, record.affected, record.outcome, record.reason, record.planHash, record.correlationId,
    ],
  );
}

/**
 * Completes a pending intent, appending `jobIds` (the jobs the action made, none already named) to
 * its `job_ids`: one row, the completed record, or none when `id` is not a pending record, or is
 * one without a resource (whose `job_ids` is null) while `jobIds` is not empty. `id` must be a
 * decimal bigint (see `isAuditId`).
 */
export function completeIntent(schema: string, id: string, outcome: 'succeeded' | 'failed', affected: number, at: string, jobIds: readonly string[]): Statement {
  return statement(
    `UPDATE ${table(schema, AUDIT_TABLE)}
    SET outcome = $2, affected = $3, completed_at = $4::timestamptz,
      job_ids = CASE WHEN cardinality($5::text[]) = 0 THEN job_ids
        ELSE job_ids || ARRAY(SELECT made FROM unnest($5::text[]) WITH ORDINALITY AS m(made, n) WHERE made <> ALL (job_ids) ORDER BY n) END
    WHERE id = $1::bigint AND outcome = 'pending' AND (cardinality($5::text[]) = 0 OR job_ids IS NOT NULL)
    RETURNING ${AUDIT_COLUMNS}`,
    [id, outcome, affected, at, [...jobIds]],
  );
}

/** One audit record by id (a decimal bigint, see `isAuditId`), or no row. */
export function selectAudit(schema: string, id: string): Statement {
  return statement(`SELECT ${AUDIT_COLUMNS} FROM ${table(schema, AUDIT_TABLE)} WHERE id = $1::bigint`, [id]);
}

/** What `selectAuditPage` reads: checked filters, where to continue, and how many rows. */
export interface AuditPageQuery {
  readonly filter: AuditFilter;
  /** The last record of the previous page: its occurred_at with microseconds, and its id. */
  readonly after: AuditPosition | null;
  readonly limit: number;
}

/**
 * Audit records matching the filter, newest first by (occurred_at, id), continuing after
 * `after`, at most `limit` rows. Keyset, never OFFSET; the plain `occurred_at <=` beside the row
 * comparison states the index bound for planners that do not derive it.
 *
 * A job appears in few records, but PostgreSQL cannot tell that from the array's statistics: on
 * PostgreSQL 15 with 300,000 records it estimated 1,500 matches, walked the newest-first index and
 * read the whole table (79 ms). Reading the job's records through the GIN index first, in a materialized CTE, and
 * sorting those takes a fraction of a millisecond. Every other filter reads about one page of its
 * index (0.2 ms or less on the same table, first page or deep); a schedule's records come through
 * `audit_events_schedule_idx` (see `createAuditScheduleIndex`).
 */
export function selectAuditPage(schema: string, query: AuditPageQuery): Statement {
  const values: unknown[] = [];
  const param = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const { filter, after } = query;
  const source = filter.jobId === undefined ? table(schema, AUDIT_TABLE) : 'job_records';
  const jobRecords =
    filter.jobId === undefined
      ? ''
      : `WITH job_records AS MATERIALIZED (
      SELECT * FROM ${table(schema, AUDIT_TABLE)} WHERE job_ids @> ARRAY[${param(filter.jobId)}::text]
    )
    `;
  const conditions: string[] = [];
  if (filter.principalId !== undefined) conditions.push(`principal_id = ${param(filter.principalId)}`);
  if (filter.action !== undefined) conditions.push(`action = ${param(filter.action)}`);
  if (filter.queue !== undefined) conditions.push(`queue = ${param(filter.queue)}`);
  if (filter.schedule !== undefined) conditions.push(`(selection ->> 'schedule') = ${param(filter.schedule)}`);
  if (filter.outcome !== undefined) conditions.push(`outcome = ${param(filter.outcome)}`);
  if (filter.from !== undefined) conditions.push(`occurred_at >= ${param(filter.from)}::timestamptz`);
  if (filter.to !== undefined) conditions.push(`occurred_at < ${param(filter.to)}::timestamptz`);
  if (after) {
    const at = param(after.occurredAt);
    const id = param(after.id);
    conditions.push(`occurred_at <= ${at}::timestamptz`, `(occurred_at, id) < (${at}::timestamptz, ${id}::bigint)`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join('\n      AND ')}` : '';
  return statement(
    `${jobRecords}SELECT ${AUDIT_COLUMNS}
    FROM ${source}
    ${where}
    ORDER BY occurred_at DESC, id DESC
    LIMIT ${param(query.limit)}`,
    values,
  );
}

// ---------------------------------------------------------------------------------------------
// The live channel: notices between host processes, and the one poller's lock.
// ---------------------------------------------------------------------------------------------

/**
 * The NOTIFY channel of a schema's consoles: a fixed prefix and a hash of the schema name, so that
 * consoles with different schemas on one database never hear each other, and so that the name
 * stays under PostgreSQL's 63-byte identifier limit (a longer one would be cut, and two long
 * schema names could then share a channel).
 */
export function liveChannelName(schema: string): string {
  return `ops_jobs_live_${createHash('sha256').update(`ops-jobs:live:${schema}`).digest('hex').slice(0, 16)}`;
}

/** The session advisory lock key of a schema's live poller role, computed as `migrationLockKey`. */
export function livePollerLockKey(schema: string): bigint {
  return createHash('sha256').update(`ops-jobs:live-poller:${schema}`).digest().readBigInt64BE(0);
}

/** Starts delivering the schema's notices to this session. LISTEN takes no parameters. */
export function listen(schema: string): Statement {
  return statement(`LISTEN ${quote(liveChannelName(schema))}`);
}

/** Sends one notice; inside a transaction, PostgreSQL delivers it only at commit. */
export function notify(schema: string, payload: string): Statement {
  return statement('SELECT pg_notify($1, $2)', [liveChannelName(schema), payload]);
}

/**
 * One row, `held`: true when this session now holds the poller role. Session-level, so it lasts
 * until the session ends (or the connection is lost), whatever transactions come and go; never
 * waits, so the connection stays free to deliver notices.
 */
export function tryLivePollerLock(schema: string): Statement {
  return statement('SELECT pg_try_advisory_lock($1::bigint) AS held', [livePollerLockKey(schema).toString()]);
}

/** A statement that does nothing, to find out whether a quiet connection is still there. */
export function ping(): Statement {
  return statement('SELECT 1');
}

/** Ends what a session set up (its LISTENs, its advisory locks), before its connection closes. */
export function endSession(): Statement {
  return statement('DISCARD ALL');
}
