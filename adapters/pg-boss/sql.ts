/**
 * Every statement the pg-boss engine runs, one named function each: the pg-boss schema in, SQL
 * text with `$n` placeholders out. They read pg-boss's own tables and never write to them: job
 * changes go through pg-boss's own commands.
 *
 * The schema is put into the text as given, as pg-boss itself does; `validatePgBossSchema` has
 * already refused anything that could break out of an identifier.
 */
import type { JobAction } from '../../core/contracts/actions.ts';
import type { JobState } from '../../core/contracts/jobs.ts';

// pg-boss keeps every job of a queue in `job`, partitioned by queue name (or one plain table when
// partitioning is off), so `WHERE name = $1` prunes to the queue's own partition either way.
//
// Time is PostgreSQL's now(), not pg-boss's job_now(): the latter is an internal clock hook that
// older pg-boss 12 schemas lack, and the two agree unless a test clock is installed.

/** pg-boss's state and flags mapped onto the console's states. Blocked wins over scheduled, as in pg-boss's own counts. */
const CONSOLE_STATE = `CASE
      WHEN state = 'created' AND blocked THEN 'blocked'
      WHEN state = 'created' AND start_after > now() THEN 'scheduled'
      WHEN state = 'created' THEN 'queued'
      WHEN state = 'retry' THEN 'retrying'
      ELSE state::text
    END`;

/** The rows of one console state: each is exactly the rows `CONSOLE_STATE` maps to it. */
const STATE_FILTERS: Readonly<Record<JobState, string>> = Object.freeze({
  queued: `state = 'created' AND NOT blocked AND start_after <= now()`,
  scheduled: `state = 'created' AND NOT blocked AND start_after > now()`,
  blocked: `state = 'created' AND blocked`,
  active: `state = 'active'`,
  retrying: `state = 'retry'`,
  completed: `state = 'completed'`,
  failed: `state = 'failed'`,
  cancelled: `state = 'cancelled'`,
});

// A job pg-boss's redrive() would take from dead letter queue `alias.name`, word for word from its
// redriveWhere: not yet active, and not a key_strict_fifo job waiting behind another holder of its
// key (pg-boss leaves those where they are until the holder is resolved).
const redriveCandidate = (schema: string, alias: string): string => `${alias}.state < 'active'
      AND NOT EXISTS (
        SELECT 1 FROM ${schema}.job k
        WHERE ${alias}.policy = 'key_strict_fifo'
          AND k.name = ${alias}.name
          AND k.singleton_key = ${alias}.singleton_key
          AND k.policy = 'key_strict_fifo'
          AND k.state IN ('active', 'retry', 'failed')
      )`;

/**
 * The jobs each of pg-boss's commands changes, as the WHERE of the statement behind it, over the
 * row `job` (pg-boss 12.38 plans.js):
 * - retry(): retryJobs takes `state = 'failed'` only, to `retry`;
 * - cancel(): cancelJobs takes `state < 'completed'` in its enum (created, retry, active);
 * - resume(): resumeJobs takes `state = 'cancelled'` only, back to `created`;
 * - deleteJob(): deleteJobsById takes any state;
 * - redrive(): a candidate (redriveWhere) that came from a source queue. pg-boss also needs that
 *   queue to still exist; a job whose queue is gone is still selected, so the operator is told
 *   (warnAbout) rather than shown a count that silently leaves it out.
 */
export function actionTarget(schema: string, action: JobAction): string {
  switch (action) {
    case 'retry':
      return `state = 'failed'`;
    case 'cancel':
      return `state < 'completed'`;
    case 'resume':
      return `state = 'cancelled'`;
    case 'delete':
      return 'true';
    case 'redrive':
      return `job.source_name IS NOT NULL AND ${redriveCandidate(schema, 'job')}`;
  }
}

// pg-boss's live-jobs predicate, word for word, so that the planner matches its partial index
// job_i14 (name, state, blocked, start_after) and counts those jobs with an index-only scan.
const LIVE_STATES = `state IN ('created', 'retry', 'active', 'failed')`;

// Only a job that has not completed can carry an error in `output`: pg-boss stores the error of the
// last failed attempt there, and the result there on completion. A thrown error arrives serialized
// ({ name, message, stack, ...}); anything else pg-boss wraps as { value }, and its own timeouts
// store { value: { message } }. Same rule as toJobError, which reads the whole value.
const ERROR_MESSAGE = `CASE WHEN state <> 'completed' AND jsonb_typeof(output) = 'object' THEN
      COALESCE(
        CASE WHEN jsonb_typeof(output->'message') = 'string' THEN output->>'message' END,
        CASE WHEN output - 'value' = '{}'::jsonb THEN
          CASE
            WHEN jsonb_typeof(output->'value') = 'string' THEN output->>'value'
            WHEN jsonb_typeof(output->'value'->'message') = 'string' THEN output->'value'->>'message'
          END
        END
      )
    END`;

/** Longest error message a listing row carries; the job's detail has the whole error. */
export const ERROR_MESSAGE_MAX_LENGTH = 1000;

// Timestamps leave as text so no driver turns them into a Date: a Date keeps milliseconds, and
// pg-boss's timestamps have microseconds. Displayed times keep milliseconds, like toISOString();
// the cursor keeps all six digits so that it names a row exactly.
const iso = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoMicros = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// Selected under their own names where ORDER BY reads them: an output column named like a table
// column is what ORDER BY would sort by, and `id::text AS id` would sort text and lose the index.
const SUMMARY_COLUMNS = `
    id,
    name AS queue,
    ${CONSOLE_STATE} AS state,
    priority,
    retry_count,
    retry_limit,
    ${iso('created_on')} AS created_at,
    ${iso('start_after')} AS run_after,
    ${iso('started_on')} AS started_at,
    ${iso('completed_on')} AS finished_at,
    left(${ERROR_MESSAGE}, ${ERROR_MESSAGE_MAX_LENGTH}) AS error_message,
    ${isoMicros('created_on')} AS position_created_on`;

/**
 * Jobs per queue and console state, for the queues named in `$1` (text[]). Rows are
 * `{ queue, state, count }`; a state without jobs has no row.
 *
 * Exact and live, unlike the counts pg-boss caches on its queue rows (refreshed by its monitor
 * pass, with retry jobs counted among the ready ones and completed not told apart from cancelled).
 * The live states cost what is in flight (index-only on job_i14); completed and cancelled cost a
 * read of the queue's finished rows, about 250 ms for a queue of 200,000 jobs on PostgreSQL.
 */
export function countJobsByState(schema: string): string {
  return `
    SELECT name AS queue, ${CONSOLE_STATE} AS state, count(*)::int AS count
    FROM ${schema}.job
    WHERE name = ANY($1::text[]) AND ${LIVE_STATES}
    GROUP BY 1, 2
    UNION ALL
    SELECT name AS queue, state::text AS state, count(*)::int AS count
    FROM ${schema}.job
    WHERE name = ANY($1::text[]) AND state IN ('completed', 'cancelled')
    GROUP BY 1, 2`;
}

/**
 * One page of a queue's jobs, newest first, as summary rows. Values: `$1` queue name; with
 * `after`, `$2` the created_on (text, microseconds) and `$3` the id of the previous page's last
 * row; then the row limit. With `action`, only the jobs that action would change (the preview of a
 * bulk action by state).
 *
 * Keyset, never OFFSET: the row comparison continues exactly after the previous page. PostgreSQL
 * derives an index bound from it on its own; the plain `created_on <=` beside it states that bound
 * for planners that do not.
 *
 * EXPLAIN on PostgreSQL 15, 1,000,000 jobs in 5 queues: the listing of all states walks pg-boss's
 * job_i15 (name, created_on) backwards and reads about one page of rows (55 buffers, under 2 ms)
 * on the first page and deep in the queue alike. A listing by state walks the same index and
 * skips the other states' rows, so it reads about limit / share-of-the-state rows: 2,500 buffers
 * for a state holding 2% of the queue, 6,300 for 1%, and proportionally more in a bigger queue.
 * The index that serves every state with one page of reads is
 *   CREATE INDEX ON <schema>.job (name, state, created_on DESC, id DESC)
 * (measured: 54 buffers, about 1 ms, for every state); it belongs in a migration the host reviews,
 * since it is an index on pg-boss's own table that pg-boss must maintain on every write.
 */
export function listJobs(
  schema: string,
  options: { readonly state?: JobState; readonly after: boolean; readonly action?: JobAction; readonly data?: boolean },
): string {
  const limit = options.after ? 4 : 2;
  const conditions = ['name = $1'];
  if (options.state) conditions.push(STATE_FILTERS[options.state]);
  if (options.action) conditions.push(`(${actionTarget(schema, options.action)})`);
  if (options.after) conditions.push('created_on <= $2::timestamptz', '(created_on, id) < ($2::timestamptz, $3::uuid)');
  if (options.data) conditions.push(dataMatches(limit + 1, limit + 2));
  return `
    SELECT ${SUMMARY_COLUMNS}
    FROM ${schema}.job
    WHERE ${conditions.join('\n      AND ')}
    ORDER BY created_on DESC, id DESC
    LIMIT $${limit}`;
}

/**
 * A condition that the payload matches every (field, value) pair of the parallel arrays in
 * parameters `$fields` (dotted paths, text[]) and `$values` (text[]), compared as text. One pair of
 * parameters whatever the number of conditions.
 */
export function dataMatches(fields: number, values: number): string {
  return `NOT EXISTS (
        SELECT 1 FROM unnest($${fields}::text[], $${values}::text[]) AS wanted(field, value)
        WHERE data #>> string_to_array(wanted.field, '.') IS DISTINCT FROM wanted.value)`;
}

/** One job with everything the console shows of it. Values: `$1` queue name, `$2` job id (a uuid). */
export function getJob(schema: string): string {
  return `
    SELECT ${SUMMARY_COLUMNS},
      data,
      output,
      retry_delay,
      retry_backoff,
      retry_delay_max,
      expire_seconds,
      deletion_seconds,
      heartbeat_seconds,
      singleton_key,
      to_char(singleton_on, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS singleton_on,
      group_id,
      group_tier,
      dead_letter,
      policy,
      ${iso('keep_until')} AS keep_until,
      source_name,
      source_id
    FROM ${schema}.job
    WHERE name = $1 AND id = $2::uuid`;
}

/**
 * The jobs of `$1` (queue name) among `$2` (uuid[]), newest first, as summary rows with `eligible`:
 * whether `action` would change each one. Rows only for ids the queue has; the primary key
 * (name, id) finds each.
 */
export function jobsForAction(schema: string, action: JobAction): string {
  return `
    SELECT ${SUMMARY_COLUMNS},
      (${actionTarget(schema, action)}) AS eligible
    FROM ${schema}.job
    WHERE name = $1 AND id = ANY($2::uuid[])
    ORDER BY created_on DESC, id DESC`;
}

/**
 * How many jobs of queue `$1` in console state `state` the action would change (`eligible`) and
 * would leave alone (`ineligible`). One row. Exact, so it reads every job in the state: the live
 * states through pg-boss's job_i14, completed and cancelled as `countJobsByState` does.
 */
export function countForAction(schema: string, action: JobAction, state: JobState, options: { readonly data?: boolean } = {}): string {
  const target = actionTarget(schema, action);
  return `
    SELECT count(*) FILTER (WHERE ${target})::int AS eligible,
      count(*) FILTER (WHERE NOT (${target}))::int AS ineligible
    FROM ${schema}.job
    WHERE name = $1 AND ${STATE_FILTERS[state]}${options.data ? ` AND ${dataMatches(2, 3)}` : ''}`;
}

/**
 * The console state of each job of `$1` among `$2` (uuid[]), as `{ id, state }`. With `lock`, the
 * rows are locked FOR UPDATE, in id order so that two transactions locking overlapping sets queue
 * behind each other rather than deadlock.
 */
export function jobStates(schema: string, options: { readonly lock: boolean }): string {
  return `
    SELECT id, ${CONSOLE_STATE} AS state
    FROM ${schema}.job
    WHERE name = $1 AND id = ANY($2::uuid[])
    ORDER BY id${options.lock ? '\n    FOR UPDATE' : ''}`;
}

/** One row `{ exists }`: whether pg-boss has queue `$1`. */
export function queueExists(schema: string): string {
  return `SELECT EXISTS (SELECT 1 FROM ${schema}.queue WHERE name = $1) AS exists`;
}

/**
 * What stopping or removing jobs `$2` (uuid[]) of queue `$1` would leave behind, in one row:
 * `running`, how many are active right now; `open_parents`, how many not yet finished still have
 * flow dependents waiting on them; `parents`, the same in any state (a completed parent keeps the
 * flag until pg-boss's flow resolver has released its dependents).
 */
export function stopFacts(schema: string): string {
  return `
    SELECT count(*) FILTER (WHERE state = 'active')::int AS running,
      count(*) FILTER (WHERE blocking AND state < 'completed')::int AS open_parents,
      count(*) FILTER (WHERE blocking)::int AS parents
    FROM ${schema}.job
    WHERE name = $1 AND id = ANY($2::uuid[])`;
}

/**
 * The failed jobs among `$2` (uuid[]) of queue `$1` whose dead letter copy is still waiting in
 * their dead letter queue, counted per dead letter queue as `{ queue, count }`. The copy carries
 * the failed job as source_id and the chain's root as source_root_id, which pg-boss indexes (job_i12).
 */
export function deadLetterCopies(schema: string): string {
  return `
    SELECT j.dead_letter AS queue, count(*)::int AS count
    FROM ${schema}.job j
    WHERE j.name = $1 AND j.id = ANY($2::uuid[])
      AND j.state = 'failed'
      AND j.dead_letter IS NOT NULL
      AND EXISTS (
        SELECT 1 FROM ${schema}.job d
        WHERE d.source_root_id = COALESCE(j.source_root_id, j.id)
          AND d.source_id = j.id
          AND d.name = j.dead_letter
          AND d.state < 'active'
      )
    GROUP BY 1
    ORDER BY 1`;
}

/**
 * The jobs among `$2` (uuid[]) of dead letter queue `$1` that redrive() would leave in place for
 * want of a destination, per recorded source queue (null when none was recorded) as
 * `{ source, count }`.
 */
export function unroutableJobs(schema: string): string {
  return `
    SELECT j.source_name AS source, count(*)::int AS count
    FROM ${schema}.job j
    WHERE j.name = $1 AND j.id = ANY($2::uuid[])
      AND ${redriveCandidate(schema, 'j')}
      AND NOT EXISTS (SELECT 1 FROM ${schema}.queue q WHERE q.name = j.source_name)
    GROUP BY 1
    ORDER BY 1 NULLS FIRST`;
}

/** `$1`: the qualified name of pg-boss's version table. One row, `installed`: whether it exists. */
export function versionTableExists(): string {
  return 'SELECT to_regclass($1) IS NOT NULL AS installed';
}

/** The qualified name `versionTableExists` takes, spelled as pg-boss spells it in its own SQL. */
export function versionTableName(schema: string): string {
  return `${schema}.version`;
}

/** One row, `version`: the schema version pg-boss last migrated this schema to. */
export function schemaVersion(schema: string): string {
  return `SELECT max(version)::int AS version FROM ${schema}.version`;
}
