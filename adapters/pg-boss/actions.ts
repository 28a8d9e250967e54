import type { JobAction } from '../../core/vocabulary/actions.ts';
import type { ActionSelection, JobEngine } from '../../core/contracts/engine.ts';
import { isJobState } from '../../core/vocabulary/job-states.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import type { JobSelection } from '../../core/vocabulary/job-selection.ts';
import type { SqlExecutor } from '../../core/contracts/sql.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { sortIds } from './job-ids.ts';
import { toJobSummary } from './job-rows.ts';
import type { PgBossCommandOptions, PgBossCommandResponseLike, PgBossLike } from './pg-boss-like.ts';
import { isHostQueueName } from './queue-names.ts';
import { PG_BOSS_STATES } from './states.ts';
import * as sql from './sql.ts';
import { LISTING_SCAN_LIMIT } from './listing-index.ts';
import { createWarnings, type SelectedRow } from './warnings.ts';
import type { DataFilter } from '../../core/vocabulary/data-filter.ts';

/** What the action methods share with the rest of the engine. */
export interface ActionContext {
  readonly boss: PgBossLike;
  readonly schema: string;
  /** The actions this instance supports, with their states. */
  readonly actions: Readonly<Partial<Record<JobAction, readonly JobState[]>>>;
  /** Runs a statement on `db` when given, otherwise on pg-boss's own connection. */
  query<Row>(statement: sql.Statement, db?: SqlExecutor): Promise<Row[]>;
  /** Whether the host added the listing index (which serves a state's jobs newest first). */
  listingIndexReady(): Promise<boolean>;
}

type ActionMethods = Required<Pick<JobEngine, 'selectForAction' | 'prepare' | 'statesOf' | 'apply'>>;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** What a job failed by an operator holds as its error (pg-boss stores it as the job's output). */
const FAILED_BY_OPERATOR = 'Failed by an operator in ops-jobs: its worker was no longer working it.';

/** A preview by state counts the jobs in the state up to twice its cap, and at least this many. */
const PREVIEW_COUNT_FLOOR = 100;

/** The engine's action methods over pg-boss: reads in SQL, changes through pg-boss's own commands. */
export function createActionMethods(context: ActionContext): ActionMethods {
  const { boss, schema, query } = context;
  const warn = createWarnings(context);
  const warnedAbout = async (action: JobAction, queue: string, rows: readonly SelectedRow[]): Promise<{ warnings?: readonly string[] }> => {
    const warnings = await warn(action, queue, rows);
    return warnings.length > 0 ? { warnings } : {};
  };

  const assertSupported = (action: JobAction): void => {
    if (!context.actions[action]) {
      const supported = Object.keys(context.actions).join(', ');
      throw new InvalidInputError('action', `This pg-boss instance cannot ${String(action)} jobs; it supports ${supported}.`);
    }
  };

  // pg-boss finds a queue's table through a cache of queue rows it keeps in process, and on a miss
  // reads the queue on its own connection, even in a command given `{ db }`. Inside the console's
  // transaction that read runs outside it, and on PGlite it waits for the transaction to end, which
  // never comes. Looking a job up just before the transaction (a primary key probe) leaves the
  // queue cached for the action.
  const rememberQueue = async (queue: string): Promise<void> => {
    await boss.getJobById(queue, NIL_UUID);
  };

  async function selectByIds(action: JobAction, queue: string, ids: readonly string[], limit: number): Promise<ActionSelection> {
    const sorted = sortIds(ids);
    const rows = sorted.uuids.length === 0 || !isHostQueueName(queue)
      ? []
      : await query<SelectedRow & { eligible: boolean }>(sql.jobsForAction(schema, action, queue, sorted.uuids));
    const found = new Set(rows.map((row) => row.id));
    const eligible = rows.filter((row) => row.eligible);
    const selected = eligible.slice(0, limit);
    return {
      jobs: selected.map(toJobSummary),
      eligible: eligible.length,
      ineligible: rows.length - eligible.length,
      missing: [...sorted.invalid, ...sorted.uuids.filter((id) => !found.has(id)).map((id) => sorted.given.get(id) ?? id)],
      ...(await warnedAbout(action, queue, selected)),
    };
  }

  /**
   * The jobs in `state` the action applies to, reading about what it selects: counted up to twice
   * the cap and picked through an index that holds the state (the listing index, newest first, or
   * pg-boss's job_i14 in its own order). A finished state without the listing index has neither:
   * its jobs come from a bounded walk of the newest, which says when it stopped early.
   */
  async function selectByState(action: JobAction, queue: string, state: unknown, data: readonly DataFilter[], limit: number): Promise<ActionSelection> {
    if (!isJobState(state)) {
      throw new InvalidInputError('state', `Unknown job state ${JSON.stringify(state)}; use one of ${PG_BOSS_STATES.join(', ')}.`);
    }
    const none: ActionSelection = { jobs: [], eligible: 0, ineligible: 0, missing: [] };
    if (!isHostQueueName(queue) || !context.actions[action]?.includes(state)) return none;
    const indexed = await context.listingIndexReady();
    if (!indexed && !sql.I14_STATES.has(state)) {
      const walked = await query<SelectedRow & { wanted: boolean; walked: number | string }>(
        sql.listJobsBounded(schema, { queue, state, action, data, limit: limit + 1, scan: LISTING_SCAN_LIMIT }),
      );
      const found = walked.filter((row) => row.wanted);
      const stopped = found.length <= limit && walked.some((row) => Number(row.walked) === LISTING_SCAN_LIMIT);
      const selected = found.slice(0, limit);
      return {
        jobs: selected.map(toJobSummary),
        eligible: found.length,
        ...(found.length > limit || stopped ? { moreEligible: true } : {}),
        ...(stopped ? { stoppedEarly: true } : {}),
        ineligible: 0,
        missing: [],
        ...(await warnedAbout(action, queue, selected)),
      };
    }
    // Enough to say how many match when there are a few more than the cap; never every one.
    const counted = Math.max(2 * limit, PREVIEW_COUNT_FLOOR) + 1;
    const [counts] = await query<{ eligible: number; ineligible: number; seen: number }>(
      sql.countForAction(schema, { action, queue, state, data, limit: counted }),
    );
    const eligible = counts?.eligible ?? 0;
    if (eligible === 0) return { ...none, ineligible: counts?.ineligible ?? 0 };
    const rows = await query<SelectedRow>(sql.listJobs(schema, { queue, state, action, data, limit, anyOrder: !indexed }));
    return {
      jobs: rows.map(toJobSummary),
      eligible,
      ...((counts?.seen ?? 0) >= counted ? { moreEligible: true } : {}),
      ineligible: counts?.ineligible ?? 0,
      missing: [],
      ...(await warnedAbout(action, queue, rows)),
    };
  }

  async function run(action: JobAction, queue: string, ids: string[], db: SqlExecutor | undefined): Promise<number> {
    const options: PgBossCommandOptions = db ? { db } : {};
    switch (action) {
      case 'retry':
        return affectedBy(action, await boss.retry(queue, ids, options));
      case 'cancel':
        return affectedBy(action, await boss.cancel(queue, ids, options));
      case 'delete':
        return affectedBy(action, await boss.deleteJob(queue, ids, options));
      case 'resume':
        return affectedBy(action, await boss.resume(queue, ids, options));
      case 'redrive': {
        // Without a limit pg-boss moves at most 1,000 per call, oldest first.
        const moved = await boss.redrive!(queue, { ...options, ids, limit: ids.length });
        return countOf(action, moved);
      }
      case 'fail': {
        // pg-boss fails any job not yet finished; the action is for running ones only.
        const states = await query<{ id: string; state: JobState }>(sql.jobStates(schema, queue, ids, { lock: db !== undefined }), db);
        const running = states.filter((row) => row.state === 'active').map((row) => row.id);
        if (running.length === 0) return 0;
        return affectedBy(action, await boss.fail!(queue, running, { message: FAILED_BY_OPERATOR }, options));
      }
      case 'promote':
        throw new InvalidInputError('action', 'pg-boss cannot promote jobs.');
    }
  }

  return {
    async selectForAction(action: JobAction, queue: string, selection: JobSelection, limit: number): Promise<ActionSelection> {
      assertSupported(action);
      let selected: ActionSelection;
      if (selection && 'ids' in selection && Array.isArray(selection.ids)) {
        selected = await selectByIds(action, queue, selection.ids, limit);
      } else if (selection && 'filter' in selection && selection.filter) {
        selected = await selectByState(action, queue, selection.filter.state, selection.filter.data ?? [], limit);
      } else {
        throw new InvalidInputError('selection', 'Select jobs either by `ids` (a list of job ids) or by `filter: { state }`.');
      }
      return selected;
    },

    async prepare(action: JobAction, queue: string): Promise<void> {
      assertSupported(action);
      if (isHostQueueName(queue)) await rememberQueue(queue);
    },

    async statesOf(queue: string, ids: readonly string[], db?: SqlExecutor): Promise<ReadonlyMap<string, JobState>> {
      const sorted = sortIds(ids);
      if (sorted.uuids.length === 0 || !isHostQueueName(queue)) return new Map();
      const rows = await query<{ id: string; state: JobState }>(sql.jobStates(schema, queue, sorted.uuids, { lock: db !== undefined }), db);
      return new Map(rows.map((row) => [sorted.given.get(row.id) ?? row.id, row.state]));
    },

    async apply(action: JobAction, queue: string, ids: readonly string[], db?: SqlExecutor): Promise<number> {
      assertSupported(action);
      const { uuids } = sortIds(ids);
      if (uuids.length === 0 || !isHostQueueName(queue)) return 0;
      // pg-boss throws for a queue it does not have, after looking for it outside `db` (see rememberQueue).
      const [queueRow] = await query<{ exists: boolean }>(sql.queueExists(schema, queue), db);
      if (!queueRow?.exists) return 0;
      return run(action, queue, [...uuids], db);
    },
  };
}

function affectedBy(action: JobAction, response: PgBossCommandResponseLike): number {
  return countOf(action, response?.affected);
}

function countOf(action: JobAction, value: unknown): number {
  const count = typeof value === 'string' ? Number(value) : value;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw new Error(`pg-boss's ${action} did not report how many jobs it changed (got ${JSON.stringify(value)}); the installed pg-boss may not be a version 12 this engine supports.`);
  }
  return count;
}
