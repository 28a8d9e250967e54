import type { JobAction, QueueAction, ScheduleAction } from '../vocabulary/actions.ts';
import type { EditableQueueSetting, QueueSettingValues } from '../vocabulary/queue-settings.ts';
import type { DataFilter } from '../vocabulary/data-filter.ts';
import type { JobDetail, JobSummary, QueueCounts, QueueDescription } from './jobs.ts';
import type { JobState } from '../vocabulary/job-states.ts';
import type { JobSelection } from '../vocabulary/job-selection.ts';
import type { JobFlow } from './flows.ts';
import type { QueueActivity, QueueActivityQuery } from './queue-activity.ts';
import type { QueueHealth } from './queue-health.ts';
import type { SchedulePage, ScheduleListQuery, ScheduleSummary } from './schedules.ts';
import type { SqlExecutor } from './sql.ts';
import type { WorkerInstancePage } from './workers.ts';

/**
 * Where a listing page ends, as the engine understands it. Core wraps it in an opaque cursor bound
 * to the listing it came from; the engine must check the shape and throw `InvalidInputError` for
 * one it did not produce.
 */
export type CursorPosition = readonly (string | number)[];

export interface JobListQuery {
  readonly queue: string;
  /** Only jobs in this state; all states when absent. */
  readonly state?: JobState;
  /** Only jobs whose payload matches every condition (fields already checked as searchable). */
  readonly data?: readonly DataFilter[];
  /** Page size, already validated by core. */
  readonly limit: number;
  /** Continue after this position (exclusive). */
  readonly after?: CursorPosition;
  /**
   * Payload fields (dotted paths, already checked as searchable) whose values each job of the page
   * carries in `fields`, read with the page itself: text, number and boolean values only, as text
   * cut to `MAX_SUMMARY_VALUE_LENGTH` characters. An engine that cannot leaves them out.
   */
  readonly fields?: readonly string[];
}

export interface JobPage {
  /** Newest first. */
  readonly jobs: readonly JobSummary[];
  /** Where the next page starts, or null when this is the last page. */
  readonly next: CursorPosition | null;
  /**
   * True when the engine stopped reading before it filled the page, to keep the request's work
   * bounded (for example, a listing by state without an index that serves it). `next` then
   * continues where it stopped; fewer jobs than asked does not mean the listing is over.
   */
  readonly stoppedEarly?: boolean;
}

/** What an engine can do, so the console shows only that. */
export interface EngineCapabilities {
  /** The job states this engine has, in the order the console shows them. */
  readonly states: readonly JobState[];
  /** For each job action the engine supports, the states of the jobs it applies to. */
  readonly actions: Readonly<Partial<Record<JobAction, readonly JobState[]>>>;
  /**
   * The actions the engine can take on a queue itself (see `applyToQueue`), such as `pause`;
   * absent or empty when it has none, and the console offers none.
   */
  readonly queueActions?: readonly QueueAction[];
  /**
   * The actions the engine can take on one recurring schedule (see `applyToSchedule`): `run`
   * (one job now from the schedule's data and options) and `remove`; absent or empty when it has
   * none, and the console offers none. Neither pg-boss 12 nor BullMQ 6 can pause a schedule, so
   * no engine here lists a pause.
   */
  readonly scheduleActions?: readonly ScheduleAction[];
  /**
   * The queue settings the engine can change (see `configureQueue`), each with the values it
   * accepts; absent or empty when it can change none, and the console offers no `queue.configure`.
   * Core checks every requested value against these before the engine is asked.
   */
  readonly queueSettings?: readonly EditableQueueSetting[];
  /**
   * True when the engine's changes can run on the store's SQL connection (`SqlExecutor`), so an
   * action and its audit record commit in one transaction. Otherwise the store records an intent
   * before the action and its outcome after.
   */
  readonly sharedTransactions: boolean;
  /** Whether listings and selections can filter on payload fields (`DataFilter`). */
  readonly dataFilters: boolean;
  /**
   * With `findJobs`: true when it finds jobs by the first characters of their id; absent or false
   * when it finds whole ids only, and the console asks for a whole id.
   */
  readonly findsIdPrefixes?: boolean;
}

/** The jobs an operator action would touch, as resolved for a preview. */
export interface ActionSelection {
  /**
   * The jobs the action applies to (in one of its states), newest first, at most `limit`. When
   * more match, an engine may pick which to keep its reads bounded (not always the newest).
   */
  readonly jobs: readonly JobSummary[];
  /**
   * How many jobs match the selection and are in a state the action applies to. An engine may stop
   * counting past `limit` to keep a preview's work bounded: `moreEligible` then says there are more.
   */
  readonly eligible: number;
  /** True when more jobs than `eligible` match (the engine stopped counting). */
  readonly moreEligible?: boolean;
  /**
   * How many selected jobs exist but are in a state the action does not apply to. A selection by a
   * state the action does not apply to at all may report 0 here without reading its jobs.
   */
  readonly ineligible: number;
  /**
   * Of `ineligible`, the running jobs a live worker still holds, which an action that takes a job
   * from a dead or hung worker (BullMQ's `fail`) leaves to that worker: in a state the action
   * applies to, but not the console's to change. Absent or 0 when there are none.
   */
  readonly held?: number;
  /** Ids given in the selection that the queue does not have. */
  readonly missing: readonly string[];
  /**
   * True when the engine stopped looking before it had found `limit` jobs, to keep the preview's
   * reads bounded (a selection by state that no index serves): more may match further on.
   */
  readonly stoppedEarly?: boolean;
  /**
   * Engine-specific warnings about acting on the selected jobs, in plain words for the operator
   * (for example, dead-lettered jobs whose source queue no longer exists). Never job data.
   */
  readonly warnings?: readonly string[];
}

/** Something about an engine's deployment that the adapter does not support, and how to fix it. */
export interface EngineProblem {
  readonly message: string;
  readonly fix: string;
}

/** What an engine says about its own deployment, for checks such as `ops-jobs doctor`. */
export interface EngineDescription {
  /** The engine, without a version, such as `pg-boss`. */
  readonly engine: string;
  /** The engine library's version, when the adapter knows it (such as `12.38.0`). */
  readonly version: string | null;
  /** Where the engine keeps its tables, when it has a schema of its own. */
  readonly schema: string | null;
  /** The version of the engine's tables in the database; null when they are not installed. */
  readonly schemaVersion: number | null;
  /** What the adapter supports, in words, such as `pg-boss 12 (schema version 26 or later)`. */
  readonly supported: string;
  /** Why this deployment is not supported; empty when it is. */
  readonly problems: readonly EngineProblem[];
}

/** Where an engine that can tell of its own changes (`JobEngine.watchChanges`) sends word of them. */
export interface ChangeWatcher {
  /**
   * Jobs of these queues changed, or may have: their counts are worth reading again. Called as
   * often as the engine likes (once per job event is fine); the console gathers the calls and reads
   * the counts of the named queues once per short window.
   */
  changed(queues: readonly string[]): void;
  /** The engine could not watch for a while (a lost connection) and keeps trying; the console logs it. */
  failed(error: unknown): void;
}

/**
 * What `applyToSchedule` resolves: true when it made the job or removed the schedule, false when
 * the schedule was gone; or, for a `run`, `{ jobId }`: it made the job with this id.
 */
export type ScheduleActionResult = boolean | { readonly jobId: string };

/**
 * The port every job engine adapter implements. The console checks permissions, previews and
 * audit; the engine only reads jobs and changes them.
 */
export interface JobEngine {
  /** Engine name and version for display, such as `pg-boss 12.38.0`. */
  readonly name: string;
  readonly capabilities: EngineCapabilities;
  /** Every queue, without counts. Reads the queues, never their jobs. */
  listQueues(): Promise<readonly QueueDescription[]>;
  /**
   * One queue, or null when it does not exist: a lookup by name (a primary key), never a count, so
   * that resolving a queue costs the same whatever it holds.
   */
  findQueue(name: string): Promise<QueueDescription | null>;
  /**
   * The job counts of these queues (one entry per queue that exists), at a cost that does not grow
   * with the jobs they have finished: a figure the engine cannot count cheaply at read time comes
   * from a cheaper source and says how fresh it is (`QueueCounts.stale`).
   */
  countJobs(queues: readonly string[]): Promise<readonly QueueCounts[]>;
  /**
   * One page of a queue's jobs, reading about one page. A queue that does not exist (or that the
   * engine keeps to itself) has no jobs: an empty last page, never an error.
   */
  listJobs(query: JobListQuery): Promise<JobPage>;
  /** One job, or null when the queue has no job with this id (or no such queue): one lookup by key. */
  getJob(queue: string, id: string): Promise<JobDetail | null>;

  /**
   * Resolves which jobs of `queue` an action would touch: those of the selection that are in a
   * state the action applies to, at most `limit` of them. A queue that does not exist selects
   * nothing (its ids are all missing). Rejects with `InvalidInputError` naming `action` for an
   * action not in `capabilities.actions`, `state` for an unknown state, and `selection` for a
   * selection that is neither by ids nor by filter.
   */
  selectForAction(action: JobAction, queue: string, selection: JobSelection, limit: number): Promise<ActionSelection>;
  /**
   * The current state of each of these jobs that still exists. With `db` (inside the action's
   * transaction), the rows are locked until it ends, so the states cannot change before the action.
   */
  statesOf(queue: string, ids: readonly string[], db?: SqlExecutor): Promise<ReadonlyMap<string, JobState>>;
  /**
   * Called just before an action's transaction opens, for anything the engine must not fetch from
   * inside it (an engine may read through its own connection, which would wait on the transaction).
   */
  prepare?(action: JobAction, queue: string): Promise<void>;
  /**
   * Describes the engine's deployment (version, schema, whether the adapter supports it) by reading
   * the database, changing nothing. Rejects when the engine's database cannot be reached.
   */
  describe?(): Promise<EngineDescription>;
  /**
   * Optional: the processes running the engine (at most `limit`), with their heartbeats and the
   * queues they work, most recently started first. An engine that does not track its processes
   * leaves it out.
   */
  listInstances?(limit: number): Promise<WorkerInstancePage>;
  /**
   * Optional: the jobs of any queue whose id starts with `idPrefix` (a whole id, or its first
   * characters), at most `limit`, for an operator who has an id from a log. Reads a bounded slice of
   * each queue; throws `InvalidInputError` for a prefix too short or not in the engine's id format.
   */
  findJobs?(idPrefix: string, limit: number): Promise<readonly JobSummary[]>;
  /**
   * Optional: one page of the engine's recurring schedules, ordered by queue and key, with each
   * one's next runs and the state of the last job it made, reading about one page. An engine
   * without schedules leaves it out, and the console shows none.
   */
  listSchedules?(query: ScheduleListQuery): Promise<SchedulePage>;
  /**
   * Optional: for each of these queues that exists, whether its jobs are moving (`QueueHealth`),
   * reading a bounded number of jobs per queue whatever it holds: the oldest ready job by an
   * index, and at most a fixed number of running jobs. Called by the console's background
   * diagnosis, never on a page load.
   */
  inspectQueues?(queues: readonly string[]): Promise<readonly QueueHealth[]>;
  /**
   * Optional: the flow this job belongs to (the jobs it waits on and that wait on it, and theirs),
   * at most `FLOW_STEP_LIMIT` steps, each found by key; null when the job is in no flow or does
   * not exist.
   */
  getFlow?(queue: string, id: string): Promise<JobFlow | null>;
  /**
   * Optional: a queue's throughput, failures, wait and run times over a stretch of time, from the
   * engine's own statistics, in points of `bucketSeconds`, reading its recorded snapshots (a
   * bounded number), never its jobs. Null for a queue that does not exist.
   */
  queueActivity?(query: QueueActivityQuery): Promise<QueueActivity | null>;
  /**
   * Optional: tells `watcher` which queues' jobs change, as the engine learns of it (for BullMQ,
   * from its own event streams), until the returned function is called. The console watches once per
   * process while any console is open there and stops when none is, so an engine may hold
   * connections for it; it must never throw from `changed`'s caller or crash the host, and reports
   * trouble through `failed`. With it, the console reads counts when told rather than at every
   * `live.pollIntervalMs`, and polls every queue only as a slow safety net. Engines without it are
   * polled.
   */
  watchChanges?(watcher: ChangeWatcher): () => void;
  /**
   * Applies the action to these jobs; with `db`, inside the caller's transaction. Returns how many
   * changed; jobs in a state the action does not apply to, unknown ids and unknown queues change
   * nothing. Rejects with `InvalidInputError` naming `action` for an action the engine lacks. An
   * engine that changes jobs one command at a time, without `db`, and fails after changing some
   * rejects with `PartlyAppliedError` carrying that count, which the audit record keeps.
   */
  apply(action: JobAction, queue: string, ids: readonly string[], db?: SqlExecutor): Promise<number>;
  /**
   * Optional, with `capabilities.queueActions`: applies a queue action (`pause`: the queue stops
   * handing out jobs, which stay where they are and the running ones run to their end; `resume`:
   * it hands them out again). Resolves true when the queue changed, false when it already was so
   * or does not exist. Queue actions never share the store's transaction: the console records an
   * intent before and the outcome after. The queue's state is read back through `findQueue`
   * (`QueueDescription.paused`).
   */
  applyToQueue?(action: QueueAction, queue: string): Promise<boolean>;
  /**
   * Optional, with `capabilities.scheduleActions`: the queue's schedule with this key, as
   * `listSchedules` describes it, or null when there is none: one lookup by key. The console reads
   * it to preview a schedule action, and again before executing one to refuse a schedule that
   * changed or went away since.
   */
  findSchedule?(queue: string, key: string): Promise<ScheduleSummary | null>;
  /**
   * Optional, with `capabilities.scheduleActions`: applies a schedule action. `run` makes one job
   * in the queue now, with the schedule's data and the options its runs are made with, and leaves
   * the schedule as it is (its timetable, and the last job it records); `remove` deletes the
   * schedule, so its future runs stop, and leaves every job it already made. Resolves true when it
   * made the job or removed the schedule, false when the schedule was gone. A `run` may resolve
   * `{ jobId }` instead of true, naming the job it made (its id as `getJob` finds it): the console
   * then adds it to the run's audit record, so the job's chronology and the audit log's `job`
   * filter find the action that made it. Schedule actions never share the store's transaction:
   * the console records an intent before and the outcome after.
   */
  applyToSchedule?(action: ScheduleAction, queue: string, key: string): Promise<ScheduleActionResult>;
  /**
   * Optional, with `capabilities.queueSettings`: gives the queue these settings, by the names in
   * `queueSettings` (null clears a nullable one), leaving the others as they are. Core has checked
   * each value against its description, that a dead letter queue exists and is not the queue
   * itself, and that the values differ from the current ones. Like `applyToQueue`, it never shares
   * the store's transaction: the console records an intent before and the outcome after, and reads
   * the settings back through `findQueue`.
   */
  configureQueue?(queue: string, values: QueueSettingValues): Promise<void>;
}
