import type { CursorPosition, JobEngine } from '../../core/contracts/engine.ts';
import type { ScheduleSummary } from '../../core/contracts/schedules.ts';
import { isJobState, type JobState } from '../../core/vocabulary/job-states.ts';
import { InvalidInputError } from '../../core/errors.ts';
import type { PgBossLike, PgBossScheduleLike } from './pg-boss-like.ts';
import { CANONICAL_UUID } from './cursor.ts';
import { isHostQueueName } from './queue-names.ts';
import { statesByKey, type Statement } from './sql.ts';

/** How many upcoming runs each schedule shows. */
const NEXT_RUNS = 3;
/** Expressions whose next runs are kept; past it the oldest kept is dropped. */
const KEPT_EXPRESSIONS = 500;

interface ScheduleContext {
  readonly boss: PgBossLike;
  readonly schema: string;
  query<Row>(statement: Statement): Promise<Row[]>;
}

/**
 * `listSchedules` over pg-boss's own `getSchedules()` (a keyset page by name and key), with the
 * state of each schedule's last job read in one statement by primary key, and the next runs
 * computed in process by `previewSchedule()`. Absent on a pg-boss without `getSchedules()`.
 */
export function createScheduleMethods(context: ScheduleContext): Pick<JobEngine, 'listSchedules'> {
  const { boss } = context;
  const getSchedules = boss.getSchedules?.bind(boss);
  if (!getSchedules) return {};
  const nextRuns = nextRunsKeeper(boss);
  return {
    async listSchedules(query) {
      const after = query.after === undefined ? undefined : fromSchedulePosition(query.after);
      if (query.queue !== undefined && !isHostQueueName(query.queue)) return { schedules: [], next: null };
      const rows = await getSchedules(query.queue, undefined, { limit: query.limit + 1, ...(after ? { after } : {}) });
      const read = rows.slice(0, query.limit);
      const page = read.filter((row) => isHostQueueName(row.name));
      const states = await statesOfLastJobs(context, page);
      const last = read.at(-1);
      return {
        schedules: page.map((row) => toScheduleSummary(row, states, nextRuns)),
        next: rows.length > query.limit && last ? [last.name, last.key] : null,
      };
    },
  };
}

async function statesOfLastJobs(context: ScheduleContext, rows: readonly PgBossScheduleLike[]): Promise<ReadonlyMap<string, JobState>> {
  const recorded = rows.filter((row) => typeof row.lastJobId === 'string' && CANONICAL_UUID.test(row.lastJobId));
  if (recorded.length === 0) return new Map();
  const found = await context.query<{ id: string; state: string }>(statesByKey(context.schema, recorded.map((row) => row.name), recorded.map((row) => row.lastJobId as string)));
  return new Map(found.filter((row) => isJobState(row.state)).map((row) => [row.id, row.state as JobState]));
}

function toScheduleSummary(row: PgBossScheduleLike, states: ReadonlyMap<string, JobState>, nextRuns: NextRuns): ScheduleSummary {
  const timeZone = row.timezone || 'UTC';
  const lastJobId = typeof row.lastJobId === 'string' ? row.lastJobId : null;
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
    lastJob: lastJobId === null ? null : { id: lastJobId, state: states.get(lastJobId) ?? null },
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
