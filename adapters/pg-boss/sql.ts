/**
 * Every statement the pg-boss engine runs, one named function each: the pg-boss schema and the
 * statement's inputs in, SQL text with `$n` placeholders and their values out. They read pg-boss's
 * own tables and never write to them: job changes go through pg-boss's own commands.
 *
 * The schema is put into the text as given, as pg-boss itself does; `validatePgBossSchema` has
 * already refused anything that could break out of an identifier.
 */
import type { JobAction } from '../../core/vocabulary/actions.ts';
import { MAX_SUMMARY_VALUE_LENGTH, type DataFilter } from '../../core/vocabulary/data-filter.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import type { JobPosition } from './cursor.ts';

/** One statement ready to run: its text and the values of its `$n` placeholders. */
export interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

function statement(text: string, values: readonly unknown[]): Statement {
  return { text, values };
}

/** The two values of `dataMatches`: the fields and the values, as parallel text arrays. */
function dataValues(filters: readonly DataFilter[]): unknown[] {
  return filters.length === 0 ? [] : [filters.map((filter) => filter.field), filters.map((filter) => filter.value)];
}

/** The values that place a page after `after`: its created_on and id. */
function positionValues(after: JobPosition | undefined): unknown[] {
  return after ? [after.createdOn, after.id] : [];
}

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
 *   (the preview's warnings) rather than shown a count that silently leaves it out.
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
    case 'promote':
      // pg-boss has no promote: no job is its target.
      return 'false';
    case 'fail':
      return `state = 'active'`;
  }
}

// Only a job that has not completed can carry an error in `output`: pg-boss stores the error of the
// last failed attempt there, and the result there on completion. A thrown error arrives serialized
// ({ name, message, stack, ...}); anything else pg-boss wraps as { value }, and its own timeouts
// store { value: { message } }. Same rule as toJobError, which reads the whole value.
const errorMessageIn = (column: string): string => `CASE WHEN state <> 'completed' AND jsonb_typeof(${column}) = 'object' THEN
      COALESCE(
        CASE WHEN jsonb_typeof(${column}->'message') = 'string' THEN ${column}->>'message' END,
        CASE WHEN ${column} - 'value' = '{}'::jsonb THEN
          CASE
            WHEN jsonb_typeof(${column}->'value') = 'string' THEN ${column}->>'value'
            WHEN jsonb_typeof(${column}->'value'->'message') = 'string' THEN ${column}->'value'->>'message'
          END
        END
      )
    END`;

// A dead letter copy has not failed itself: the failure that sent it there is its source's
// output, which pg-boss copies into source_output.
const ERROR_MESSAGE = `COALESCE(${errorMessageIn('output')},
      CASE WHEN source_name IS NOT NULL THEN ${errorMessageIn('source_output')} END)`;

/** Longest error message a listing row carries; the job's detail has the whole error. */
const ERROR_MESSAGE_MAX_LENGTH = 1000;

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
    source_name AS dead_lettered_from,
    ${isoMicros('created_on')} AS position_created_on`;

/**
 * What a preview warns about, read with the selected rows themselves rather than looked up again
 * by id: `blocking` (a flow parent), and for a retry `dead_letter_copy`, the dead letter queue
 * where a copy of the failed job still waits (the copy carries the failed job as source_id and the
 * chain's root as source_root_id, which pg-boss indexes: job_i12). Over the row `job`. The
 * `OFFSET 0` keeps the planner from hashing every waiting job of the table once instead of
 * looking up each selected job's copy by that index.
 */
function selectionFacts(schema: string, action: JobAction): string {
  const copy = action !== 'retry' ? 'NULL::text' : `CASE WHEN job.state = 'failed' AND job.dead_letter IS NOT NULL AND EXISTS (
        SELECT 1 FROM ${schema}.job d
        WHERE d.source_root_id = COALESCE(job.source_root_id, job.id)
          AND d.source_id = job.id
          AND d.name = job.dead_letter
          AND d.state < 'active'
        OFFSET 0
      ) THEN job.dead_letter END`;
  return `job.blocking, ${copy} AS dead_letter_copy`;
}

/**
 * pg-boss's own counts for `queues`, one row per queue that exists:
 * `cached`, the queue row as JSON (its cached counts, where this pg-boss schema has them, so that
 * a schema lacking some columns gives missing keys instead of an error), and `cached_at`, when
 * pg-boss's monitor last counted (null when it never has). A read of the queue table only.
 */
export function cachedCounts(schema: string, queues: readonly string[]): Statement {
  return statement(`
    SELECT q.name AS queue, ${iso('q.monitor_on')} AS cached_at, to_jsonb(q) AS cached
    FROM ${schema}.queue q
    WHERE q.name = ANY($1::text[])`, [queues]);
}

/**
 * For each of `queues` (`$1`) that exists, whether its jobs are moving, each part read through
 * job_i14 (name, state, blocked, start_after) with a bounded number of entries:
 * - `oldest_ready`: when the oldest job ready to run became ready (its start_after), the index's
 *   first queued entry;
 * - `overdue`: running jobs past their expiry or their heartbeat (pg-boss's own timedOut and
 *   heartbeatLost conditions) among the first `$2` running jobs, and `walked`, how many were read;
 * - `stuck`: blocked jobs (waiting on the jobs their flow makes them depend on) with a dependency
 *   that failed, among the first `$3` blocked jobs, each one's first `$4` dependencies looked up
 *   by the key of job_dependency (child_name, child_id, ...) and then by the job's own key;
 *   `blocked_walked`, how many blocked jobs were read.
 */
export function queueHealth(schema: string, queues: readonly string[], walks: { readonly running: number; readonly blocked: number; readonly dependencies: number; readonly named: number }): Statement {
  return statement(`
    SELECT q.name AS queue,
      (SELECT ${iso('j.start_after')} FROM ${schema}.job j
        WHERE j.name = q.name AND j.state = 'created' AND NOT j.blocked AND j.start_after <= now()
        ORDER BY j.start_after
        LIMIT 1) AS oldest_ready,
      running.overdue,
      running.overdue_ids,
      running.walked,
      flows.stuck,
      flows.blocked_walked
    FROM ${schema}.queue q
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE a.late)::int AS overdue,
        (array_agg(a.id::text ORDER BY a.id) FILTER (WHERE a.late))[1:$5] AS overdue_ids,
        count(*)::int AS walked
      FROM (
        SELECT j.id, (j.started_on + j.expire_seconds * interval '1s' < now()
          OR (j.heartbeat_seconds IS NOT NULL AND j.heartbeat_on + j.heartbeat_seconds * interval '1s' < now())) AS late
        FROM ${schema}.job j
        WHERE j.name = q.name AND j.state = 'active'
        LIMIT $2
      ) a
    ) running
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM (
            SELECT d.parent_name, d.parent_id FROM ${schema}.job_dependency d
            WHERE d.child_name = b.name AND d.child_id = b.id
            LIMIT $4
          ) dependency
          JOIN ${schema}.job p ON p.name = dependency.parent_name AND p.id = dependency.parent_id
          WHERE p.state = 'failed'))::int AS stuck,
        count(*)::int AS blocked_walked
      FROM (
        SELECT j.name, j.id FROM ${schema}.job j
        WHERE j.name = q.name AND j.state = 'created' AND j.blocked
        LIMIT $3
      ) b
    ) flows
    WHERE q.name = ANY($1::text[])`, [queues, walks.running, walks.blocked, walks.dependencies, walks.named]);
}

/**
 * The statistics snapshots pg-boss's monitor recorded for `$1` in (`$2`, `$3`], newest first, at
 * most `$4`, through queue_stats_i1 (name, captured_on DESC): each pass's jobs made, completed and
 * failed with the seconds they cover (`at_ms`, the end of that stretch, in epoch milliseconds), the
 * wait and run histograms of the jobs that finished in it, and the backlog's age at its end.
 */
export function queueStatsHistory(schema: string, queue: string, from: Date, to: Date, limit: number): Statement {
  return statement(`
    SELECT (extract(epoch FROM COALESCE(delta_on, captured_on)) * 1000)::float8 AS at_ms,
      created_delta, completed_delta, failed_delta, delta_seconds, wait_bins, run_bins, ready_oldest_seconds
    FROM ${schema}.queue_stats
    WHERE name = $1 AND captured_on > $2::timestamptz AND captured_on <= $3::timestamptz
    ORDER BY captured_on DESC
    LIMIT $4`, [queue, from.toISOString(), to.toISOString(), limit]);
}

/** Whether pg-boss has recorded any statistics snapshot of `$1`: one probe of queue_stats_i1. */
export function queueStatsExist(schema: string, queue: string): Statement {
  return statement(`SELECT EXISTS (SELECT 1 FROM ${schema}.queue_stats WHERE name = $1) AS recorded`, [queue]);
}

/**
 * The jobs connected to job (`$1`, `$2`) through job_dependency, either way, along paths that do
 * not come back to a job they passed, up to `$3` steps away: a row per job reached (repeated when
 * reached again by another path) with its `depth`, at most `$4` rows. Each step looks its
 * neighbours up by job_dependency's key (child_name, child_id, ...) or by job_dep_parent_idx
 * (parent_name, parent_id); the recursion is read lazily, so the LIMIT ends it.
 */
export function flowWalk(schema: string, queue: string, id: string, depth: number, rows: number): Statement {
  return statement(`
    WITH RECURSIVE walk(name, id, depth, path) AS (
      SELECT $1::text, $2::uuid, 0, ARRAY[$1::text || '/' || $2::text]
      UNION ALL
      SELECT next.name, next.id, walk.depth + 1, walk.path || (next.name || '/' || next.id::text)
      FROM walk
      CROSS JOIN LATERAL (
        SELECT d.parent_name AS name, d.parent_id AS id FROM ${schema}.job_dependency d
        WHERE d.child_name = walk.name AND d.child_id = walk.id
        UNION ALL
        SELECT d.child_name, d.child_id FROM ${schema}.job_dependency d
        WHERE d.parent_name = walk.name AND d.parent_id = walk.id
      ) next
      WHERE walk.depth < $3 AND NOT (next.name || '/' || next.id::text) = ANY(walk.path)
    )
    SELECT name, id::text AS id, depth FROM walk
    LIMIT $4`, [queue, id, depth, rows]);
}

/** Summary rows of these jobs (`$1` queues, `$2` ids, pairwise), each by its primary key. */
export function summariesByKey(schema: string, queues: readonly string[], ids: readonly string[]): Statement {
  return statement(`
    SELECT ${SUMMARY_COLUMNS}
    FROM ${schema}.job
    WHERE (name, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`, [queues, ids]);
}

/** What each of these jobs (`$1` queues, `$2` ids, pairwise) waits on, by job_dependency's key. */
export function dependenciesOf(schema: string, queues: readonly string[], ids: readonly string[]): Statement {
  return statement(`
    SELECT child_name, child_id::text AS child_id, parent_name, parent_id::text AS parent_id
    FROM ${schema}.job_dependency
    WHERE (child_name, child_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`, [queues, ids]);
}

/** Which groups of one queue's jobs `exactCounts` counts. */
export interface CountGroups {
  readonly queue: string;
  readonly live: boolean;
  readonly failed: boolean;
  readonly finished: boolean;
}

/**
 * Exact counts for the queues of `groups`, by group, each read with a bounded number of index
 * entries whatever the queue holds: a group is counted only where its flag says so, up to `limit`
 * jobs (the most a group is counted to, plus one).
 *
 * - `live_*`: the waiting, active and retrying jobs, through job_i14 (index-only).
 * - `failed_rows`: failed jobs, also through job_i14.
 * - `finished_*`: the newest finished jobs through job_i16, for completed and cancelled, which no
 *   index tells apart.
 */
export function exactCounts(schema: string, groups: readonly CountGroups[], limit: number): Statement {
  const values = [groups.map((group) => group.queue), limit, groups.map((group) => group.live), groups.map((group) => group.failed), groups.map((group) => group.finished)];
  return statement(`
    SELECT w.queue,
      live.rows AS live_rows, live.queued, live.scheduled, live.blocked, live.active, live.retrying,
      failed.rows AS failed_rows,
      finished.rows AS finished_rows, finished.completed, finished.cancelled
    FROM unnest($1::text[], $3::boolean[], $4::boolean[], $5::boolean[]) AS w(queue, live, failed, finished)
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS rows,
        count(*) FILTER (WHERE state = 'created' AND NOT blocked AND start_after <= now())::int AS queued,
        count(*) FILTER (WHERE state = 'created' AND NOT blocked AND start_after > now())::int AS scheduled,
        count(*) FILTER (WHERE state = 'created' AND blocked)::int AS blocked,
        count(*) FILTER (WHERE state = 'active')::int AS active,
        count(*) FILTER (WHERE state = 'retry')::int AS retrying
      FROM (
        SELECT state, blocked, start_after FROM ${schema}.job j
        WHERE w.live AND j.name = w.queue AND j.state IN ('created', 'retry', 'active')
        LIMIT $2
      ) s
    ) live
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS rows
      FROM (SELECT 1 FROM ${schema}.job j WHERE w.failed AND j.name = w.queue AND j.state = 'failed' LIMIT $2) s
    ) failed
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS rows,
        count(*) FILTER (WHERE state = 'completed')::int AS completed,
        count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled
      FROM (
        SELECT state FROM ${schema}.job j
        WHERE w.finished AND j.name = w.queue AND j.completed_on IS NOT NULL
        ORDER BY j.completed_on DESC
        LIMIT $2
      ) s
    ) finished`, values);
}

/** What `listJobs` and `listJobsBounded` read. */
export interface JobRowsQuery {
  readonly queue: string;
  /** Only jobs in this console state. */
  readonly state?: JobState;
  /** Continue after the previous page's last row. */
  readonly after?: JobPosition;
  /** Only the jobs that this action would change (the preview of a bulk action by state). */
  readonly action?: JobAction;
  /** Only jobs whose payload matches every condition. */
  readonly data?: readonly DataFilter[];
  /** The most rows returned. */
  readonly limit: number;
  /** Payload fields whose values each row carries in `fields` (see `payloadFields`); a parameter after all others. */
  readonly fields?: readonly string[];
}

/**
 * One page of a queue's jobs, newest first, as summary rows. Values: `$1` queue name; with
 * `after`, `$2` the created_on (text, microseconds) and `$3` the id of the previous page's last
 * row; then the row limit, and the payload conditions' fields and values.
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
export function listJobs(schema: string, options: JobRowsQuery & { readonly anyOrder?: boolean }): Statement {
  const data = options.data ?? [];
  const fields = options.fields ?? [];
  const values = [options.queue, ...positionValues(options.after), options.limit, ...dataValues(data), ...(fields.length > 0 ? [fields] : [])];
  const limit = options.after ? 4 : 2;
  const conditions = ['name = $1'];
  if (options.state) conditions.push(STATE_FILTERS[options.state]);
  if (options.action) conditions.push(`(${actionTarget(schema, options.action)})`);
  if (options.after) conditions.push(...AFTER_POSITION);
  if (data.length > 0) conditions.push(dataMatches(limit + 1, limit + 2));
  const fieldsColumn = fields.length > 0 ? `, ${payloadFields('data', values.length)} AS fields` : '';
  const select = `
    SELECT ${SUMMARY_COLUMNS}${fieldsColumn}${options.action ? `, ${selectionFacts(schema, options.action)}` : ''}
    FROM ${schema}.job
    WHERE ${conditions.join('\n      AND ')}`;
  // Any `$limit` matching rows in job_i14's own order (name, state, blocked, start_after), then
  // sorted: the walk of that index stops at the limit, where a bitmap scan would read the whole
  // state first. Only for the states job_i14 holds (I14_STATES).
  if (options.anyOrder) return statement(`SELECT * FROM (${select}\n    ORDER BY job.state, job.blocked, job.start_after\n    LIMIT $${limit}) picked\n    ORDER BY position_created_on DESC, id DESC`, values);
  return statement(`${select}
    ORDER BY created_on DESC, id DESC
    LIMIT $${limit}`, values);
}

/** The console states whose jobs pg-boss's job_i14 holds (created, retry, active and failed). */
export const I14_STATES: ReadonlySet<JobState> = new Set(['queued', 'scheduled', 'blocked', 'active', 'retrying', 'failed']);

/**
 * The columns a bounded walk carries, never the whole row: what a summary row, the match, and a
 * preview's action and facts read. Carrying `data` and every other column through the walk's sort
 * doubled its time.
 */
function walkedColumns(options: { readonly data?: boolean; readonly action?: JobAction }): string {
  const columns = ['id', 'name', 'state', 'blocked', 'start_after', 'priority', 'retry_count', 'retry_limit', 'created_on', 'started_on', 'completed_on', 'output', 'source_name', 'source_output'];
  if (options.data) columns.push('data');
  if (options.action) columns.push('policy', 'singleton_key', 'blocking', 'dead_letter', 'source_root_id');
  return columns.join(', ');
}

const AFTER_POSITION = ['created_on <= $2::timestamptz', '(created_on, id) < ($2::timestamptz, $3::uuid)'];

/**
 * One page of a queue's jobs in a state or matching payload conditions, reading at most a fixed
 * number of the queue's jobs: for a listing no index serves (a state without the listing index, a
 * payload condition). It walks job_i15 newest first, keeps the jobs that match, and stops as soon
 * as it has `$limit` of them or has read `$scan` jobs, whichever comes first: a common state reads
 * about `limit / share of the state` rows, a rare one never more than `$scan`.
 *
 * Values as `listJobs`, then `scan`. Every row carries `wanted` (it matches) and `walked` (its
 * place in the walk); the row at place `$scan`, matching or not, comes back too, so that the next
 * page can start after the last row read when the walk stopped before the page was full.
 */
export function listJobsBounded(schema: string, options: JobRowsQuery & { readonly scan: number }): Statement {
  const data = options.data ?? [];
  const fields = options.fields ?? [];
  const values = [options.queue, ...positionValues(options.after), options.limit, ...dataValues(data), options.scan, ...(fields.length > 0 ? [fields] : [])];
  const withData = data.length > 0;
  const limit = options.after ? 4 : 2;
  const scan = limit + 1 + (withData ? 2 : 0);
  // Worked out for the rows kept only: the walk carries `data` from the heap pages it reads anyway
  // (a large payload stays a pointer to its TOAST until then).
  const fieldsColumn = fields.length > 0 ? `, ${payloadFields('job.data', scan + 1)} AS fields` : '';
  const conditions = ['name = $1'];
  if (options.after) conditions.push(...AFTER_POSITION);
  const wanted = [options.state ? STATE_FILTERS[options.state] : 'true'];
  if (options.action) wanted.push(`(${actionTarget(schema, options.action)})`);
  if (withData) wanted.push(dataMatches(limit + 1, limit + 2));
  // The window numbers rows as the walk hands them over and the outer LIMIT stops the walk, so
  // neither reads ahead: only the inner LIMIT's bound is ever reached in full.
  return statement(`
    SELECT ${SUMMARY_COLUMNS}, wanted, walked${fieldsColumn}${options.action ? `, ${selectionFacts(schema, options.action)}` : ''}
    FROM (
      SELECT job.*, (${wanted.join(' AND ')}) AS wanted, row_number() OVER () AS walked
      FROM (
        SELECT ${walkedColumns({ data: withData || fields.length > 0, ...(options.action ? { action: options.action } : {}) })} FROM ${schema}.job
        WHERE ${conditions.join('\n          AND ')}
        ORDER BY created_on DESC, id DESC
        LIMIT $${scan}
      ) job
    ) job
    WHERE wanted OR walked = $${scan}
    LIMIT $${limit}`, values);
}

/**
 * A condition that the payload matches every (field, value) pair of the parallel arrays in
 * parameters `$fields` (dotted paths, text[]) and `$values` (text[]), compared as text. One pair of
 * parameters whatever the number of conditions.
 */
function dataMatches(fields: number, values: number): string {
  return `NOT EXISTS (
        SELECT 1 FROM unnest($${fields}::text[], $${values}::text[]) AS wanted(field, value)
        WHERE data #>> string_to_array(wanted.field, '.') IS DISTINCT FROM wanted.value)`;
}

/**
 * The values of `data` at the dotted paths of parameter `$param` (text[]), as a JSON object of path
 * to text: only text, number and boolean values, each cut to MAX_SUMMARY_VALUE_LENGTH characters;
 * null when the payload has none of them.
 */
function payloadFields(data: string, param: number): string {
  return `(SELECT jsonb_object_agg(wanted.field, left(${data} #>> wanted.path, ${MAX_SUMMARY_VALUE_LENGTH}))
        FILTER (WHERE jsonb_typeof(${data} #> wanted.path) IN ('string', 'number', 'boolean'))
      FROM (SELECT field, string_to_array(field, '.') AS path FROM unnest($${param}::text[]) AS field) wanted)`;
}

/** One job with everything the console shows of it, by queue name and job id (a uuid). */
export function getJob(schema: string, queue: string, id: string): Statement {
  return statement(`
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
      source_id,
      source_output
    FROM ${schema}.job
    WHERE name = $1 AND id = $2::uuid`, [queue, id]);
}

/**
 * The jobs of `queue` among `ids` (uuids), newest first, as summary rows with `eligible`: whether
 * `action` would change each one. Rows only for ids the queue has; the primary key (name, id)
 * finds each.
 */
export function jobsForAction(schema: string, action: JobAction, queue: string, ids: readonly string[]): Statement {
  return statement(`
    SELECT ${SUMMARY_COLUMNS},
      (${actionTarget(schema, action)}) AS eligible,
      ${selectionFacts(schema, action)}
    FROM ${schema}.job
    WHERE name = $1 AND id = ANY($2::uuid[])
    ORDER BY created_on DESC, id DESC`, [queue, ids]);
}

/**
 * How many jobs of `queue` in console state `state` (and matching `data`) the action would change
 * (`eligible`) and would leave alone (`ineligible`), among the first `limit` jobs in the state
 * (`seen`): a preview needs to know whether more jobs match than it will touch, not how many more,
 * so it reads a bounded number of rows.
 */
export function countForAction(
  schema: string,
  options: { readonly action: JobAction; readonly queue: string; readonly state: JobState; readonly data: readonly DataFilter[]; readonly limit: number },
): Statement {
  const target = actionTarget(schema, options.action);
  const withData = options.data.length > 0;
  const { state } = options;
  return statement(`
    SELECT count(*) FILTER (WHERE eligible)::int AS eligible,
      count(*) FILTER (WHERE NOT eligible)::int AS ineligible,
      count(*)::int AS seen
    FROM (
      SELECT (${target}) AS eligible
      FROM ${schema}.job
      WHERE name = $1 AND ${STATE_FILTERS[state]}${withData ? ` AND ${dataMatches(2, 3)}` : ''}
      LIMIT $${withData ? 4 : 2}
    ) job`, [options.queue, ...dataValues(options.data), options.limit]);
}

/**
 * The console state of each job of `queue` among `ids` (uuids), as `{ id, state }`. With `lock`, the
 * rows are locked FOR UPDATE, in id order so that two transactions locking overlapping sets queue
 * behind each other rather than deadlock.
 */
export function jobStates(schema: string, queue: string, ids: readonly string[], options: { readonly lock: boolean }): Statement {
  return statement(`
    SELECT id, ${CONSOLE_STATE} AS state
    FROM ${schema}.job
    WHERE name = $1 AND id = ANY($2::uuid[])
    ORDER BY id${options.lock ? '\n    FOR UPDATE' : ''}`, [queue, ids]);
}

/** One row `{ exists }`: whether pg-boss has `queue`. */
export function queueExists(schema: string, queue: string): Statement {
  return statement(`SELECT EXISTS (SELECT 1 FROM ${schema}.queue WHERE name = $1) AS exists`, [queue]);
}

/**
 * The jobs among `ids` (uuids) of dead letter queue `queue` that redrive() would leave in place
 * because their recorded source queue no longer exists, per source queue as `{ source, count }`.
 */
export function unroutableJobs(schema: string, queue: string, ids: readonly string[]): Statement {
  return statement(`
    SELECT j.source_name AS source, count(*)::int AS count
    FROM ${schema}.job j
    WHERE j.name = $1 AND j.id = ANY($2::uuid[])
      AND j.source_name IS NOT NULL
      AND ${redriveCandidate(schema, 'j')}
      AND NOT EXISTS (SELECT 1 FROM ${schema}.queue q WHERE q.name = j.source_name)
    GROUP BY 1
    ORDER BY 1`, [queue, ids]);
}

/**
 * One row, `installed`: whether pg-boss's version table exists, its qualified name spelled as
 * pg-boss spells it in its own SQL.
 */
export function versionTableExists(schema: string): Statement {
  return statement('SELECT to_regclass($1) IS NOT NULL AS installed', [`${schema}.version`]);
}

/** One row, `version`: the schema version pg-boss last migrated this schema to. */
export function schemaVersion(schema: string): Statement {
  return statement(`SELECT max(version)::int AS version FROM ${schema}.version`, []);
}

/** The console state and creation time of each of these jobs that still exists (`$1` queues, `$2` ids, pairwise), each by its primary key. */
export function lastJobsByKey(schema: string, queues: readonly string[], ids: readonly string[]): Statement {
  return statement(`
    SELECT id::text AS id, ${CONSOLE_STATE} AS state, ${iso('created_on')} AS created_at
    FROM ${schema}.job
    WHERE (name, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`, [queues, ids]);
}

/** The console state of each of these jobs that still exists (`$1` queues, `$2` ids, pairwise), each by its primary key. */
export function statesByKey(schema: string, queues: readonly string[], ids: readonly string[]): Statement {
  return statement(`
    SELECT id::text AS id, ${CONSOLE_STATE} AS state
    FROM ${schema}.job
    WHERE (name, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`, [queues, ids]);
}

/**
 * Jobs of any queue but pg-boss's own (`exclude` is their name prefix) whose id lies in
 * [`low`, `high`], by id, at most `limit`: a range of each queue's primary key (name, id).
 */
export function jobsInIdRange(schema: string, low: string, high: string, limit: number, exclude: string): Statement {
  return statement(`
    SELECT found.* FROM ${schema}.queue q
    CROSS JOIN LATERAL (
      SELECT ${SUMMARY_COLUMNS}
      FROM ${schema}.job
      WHERE name = q.name AND id BETWEEN $1::uuid AND $2::uuid
      ORDER BY id
      LIMIT $3
    ) found
    WHERE NOT starts_with(q.name, $4)
    ORDER BY found.id
    LIMIT $3`, [low, high, limit, exclude]);
}
