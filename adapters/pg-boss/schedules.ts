import type { CursorPosition, JobEngine } from '../../core/contracts/engine.ts';
import type { ScheduleSummary } from '../../core/contracts/schedules.ts';
import { isJobState, type JobState } from '../../core/vocabulary/job-states.ts';
import { InvalidInputError } from '../../core/errors.ts';
import type { PgBossLike, PgBossScheduleLike } from './pg-boss-like.ts';
import { CANONICAL_UUID } from './cursor.ts';
import { isHostQueueName } from './queue-names.ts';
import { createScheduleActions, findScheduleRow } from './schedule-actions.ts';
import { lastJobsByKey, type Statement } from './sql.ts';

/** How many upcoming runs each schedule shows. */
const NEXT_RUNS = 3;
/** Expressions whose next runs are kept; past it the oldest kept is dropped. */
const KEPT_EXPRESSIONS = 500;
/** First runs after a schedule's last job that are kept; past it the oldest kept is dropped. */
const KEPT_RUNS = 5000;
/**
 * How long past its time a run may be before it counts as missed: pg-boss looks for due schedules
 * every 30 seconds by default (cronMonitorIntervalSeconds) and sends their jobs on its next look.
 */
export const MISSED_AFTER_MS = 2 * 60_000;

interface ScheduleContext {
  readonly boss: PgBossLike;
  readonly schema: string;
  query<Row>(statement: Statement): Promise<Row[]>;
}

/**
 * `listSchedules` over pg-boss's own `getSchedules()` (a keyset page by name and key), with the
 * state and time of each schedule's last job read in one statement by primary key, and the next
 * runs and any missed run computed in process by `previewSchedule()`. Absent on a pg-boss without
 * `getSchedules()`.
 */
export function createScheduleMethods(context: ScheduleContext): Pick<JobEngine, 'listSchedules' | 'findSchedule' | 'applyToSchedule'> {
  const { boss } = context;
  const getSchedules = boss.getSchedules?.bind(boss);
  if (!getSchedules) return {};
  const nextRuns = nextRunsKeeper(boss);
  const firstRunAfter = firstRunAfterKeeper(boss);
  return {
    async listSchedules(query) {
      const after = query.after === undefined ? undefined : fromSchedulePosition(query.after);
      if (query.queue !== undefined && !isHostQueueName(query.queue)) return { schedules: [], next: null };
      const rows = await getSchedules(query.queue, undefined, { limit: query.limit + 1, ...(after ? { after } : {}) });
      const read = rows.slice(0, query.limit);
      const page = read.filter((row) => isHostQueueName(row.name));
      const lastJobs = await readLastJobs(context, page);
      const last = read.at(-1);
      const now = Date.now();
      return {
        schedules: page.map((row) => toScheduleSummary(row, lastJobs, nextRuns, missedRun(firstRunAfter, row, lastJobs, now))),
        next: rows.length > query.limit && last ? [last.name, last.key] : null,
      };
    },
    async findSchedule(queue, key) {
      const row = await findScheduleRow(boss, queue, key);
      if (!row) return null;
      const lastJobs = await readLastJobs(context, [row]);
      return toScheduleSummary(row, lastJobs, nextRuns, missedRun(firstRunAfter, row, lastJobs, Date.now()));
    },
    ...createScheduleActions(boss),
  };
}

interface LastJob {
  readonly state: JobState;
  readonly createdAt: string;
}

async function readLastJobs(context: ScheduleContext, rows: readonly PgBossScheduleLike[]): Promise<ReadonlyMap<string, LastJob>> {
  const recorded = rows.filter((row) => typeof row.lastJobId === 'string' && CANONICAL_UUID.test(row.lastJobId));
  if (recorded.length === 0) return new Map();
  const found = await context.query<{ id: string; state: string; created_at: string }>(lastJobsByKey(context.schema, recorded.map((row) => row.name), recorded.map((row) => row.lastJobId as string)));
  return new Map(found.filter((row) => isJobState(row.state)).map((row) => [row.id, { state: row.state as JobState, createdAt: row.created_at }]));
}

/**
 * The first run due after the schedule's last job was made (or, with no job yet, after the
 * schedule was written), when it is more than `MISSED_AFTER_MS` past and so made no job. When the
 * last job is gone nothing can be told: pg-boss keeps no other record of when a schedule fired.
 */
function missedRun(firstRunAfter: FirstRunAfter, row: PgBossScheduleLike, lastJobs: ReadonlyMap<string, LastJob>, now: number): string | null {
  const lastJobId = typeof row.lastJobId === 'string' ? row.lastJobId : null;
  const lastJob = lastJobId === null ? undefined : lastJobs.get(lastJobId);
  if (lastJobId !== null && !lastJob) return null;
  const due = firstRunAfter(row.cron, row.timezone || 'UTC', lastJob ? lastJob.createdAt : new Date(row.updatedOn).toISOString());
  return due !== null && now - Date.parse(due) > MISSED_AFTER_MS ? due : null;
}

type FirstRunAfter = (expression: string, timeZone: string, from: string) => string | null;

/**
 * The first run of an expression in a zone after an instant, or null when pg-boss cannot read it.
 * It never changes, so it is kept: a healthy schedule asks once per run it makes, however often
 * its page is read.
 */
function firstRunAfterKeeper(boss: PgBossLike): FirstRunAfter {
  const kept = new Map<string, string | null>();
  return (expression, timeZone, from) => {
    const key = `${timeZone} ${from} ${expression}`;
    if (kept.has(key)) return kept.get(key)!;
    let due: string | null = null;
    try {
      due = boss.previewSchedule?.(expression, { tz: timeZone, from: new Date(from), count: 1 })[0]?.toISOString() ?? null;
    } catch {
      due = null;
    }
    kept.set(key, due);
    if (kept.size > KEPT_RUNS) kept.delete(kept.keys().next().value!);
    return due;
  };
}

function toScheduleSummary(row: PgBossScheduleLike, lastJobs: ReadonlyMap<string, LastJob>, nextRuns: NextRuns, missedRunAt: string | null): ScheduleSummary {
  const timeZone = row.timezone || 'UTC';
  const lastJobId = typeof row.lastJobId === 'string' ? row.lastJobId : null;
  const lastJob = lastJobId === null ? undefined : lastJobs.get(lastJobId);
  return {
    queue: row.name,
    key: row.key,
    kind: row.kind === 'rrule' ? 'rrule' : 'cron',
    expression: row.cron,
    timeZone,
    data: row.data ?? null,
    createdAt: new Date(row.createdOn).toISOString(),
    updatedAt: new Date(row.updatedOn).toISOString(),
    nextRuns: nextRuns(row.cron, timeZone),
    lastJob: lastJobId === null ? null : { id: lastJobId, state: lastJob?.state ?? null, createdAt: lastJob?.createdAt ?? null },
    missedRunAt,
  };
}

type NextRuns = (expression: string, timeZone: string) => readonly string[];

/**
 * The next runs of an expression in a zone, or none when pg-boss cannot read it (it warns about
 * such a row itself). Working them out takes pg-boss milliseconds per expression, so they are kept
 * until the first of them has passed: a page of schedules costs that once, not on every load.
 */
function nextRunsKeeper(boss: PgBossLike): NextRuns {
  const kept = new Map<string, readonly string[]>();
  return (expression, timeZone) => {
    const key = `${timeZone} ${expression}`;
    const runs = kept.get(key);
    if (runs && runs.length > 0 && Date.parse(runs[0]!) > Date.now()) return runs;
    let fresh: readonly string[] = [];
    try {
      fresh = boss.previewSchedule?.(expression, { tz: timeZone, from: new Date(), count: NEXT_RUNS }).map((run) => run.toISOString()) ?? [];
    } catch {
      fresh = [];
    }
    kept.delete(key);
    kept.set(key, fresh);
    if (kept.size > KEPT_EXPRESSIONS) kept.delete(kept.keys().next().value!);
    return fresh;
  };
}

/** Reads a position this engine produced: a schedule's name and key. */
function fromSchedulePosition(after: CursorPosition): { name: string; key: string } {
  const [name, key] = after;
  if (after.length !== 2 || typeof name !== 'string' || typeof key !== 'string' || name === '') {
    throw new InvalidInputError('cursor', 'The cursor does not belong to this schedule listing. Load the first page again without a cursor.');
  }
  return { name, key };
}
