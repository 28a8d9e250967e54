/**
 * JSON shapes of the console API, as the browser receives them: the services build them, core/http
 * sends them, and the elements read them.
 */
import type { Action, AuditedAction, JobOperatorAction, OperatorAction, QueueOperatorAction, ScheduleOperatorAction } from './actions.ts';
import type { AttentionKind } from './attention-kinds.ts';
import type { AuditOutcome } from './audit-outcomes.ts';
import type { ActionSubject } from './job-selection.ts';
import type { CountFreshness } from './count-freshness.ts';
import type { JobState } from './job-states.ts';
import type { EditableQueueSetting, QueueSettingChange, QueueSettingValue } from './queue-settings.ts';

/**
 * A value after the display policy: shown (possibly redacted, or cut), hidden, or too large to send
 * whole. The policy decides first; only what it shows is measured, cut or previewed, so no part of
 * a hidden value ever leaves the server. A cut or truncated value can be fetched whole, as the
 * policy shows it, from `api/queues/{queue}/jobs/{id}/{part}`.
 */
export type Shown =
  | { readonly value: unknown }
  /** An error shown in part: see `ValueCut`. */
  | { readonly value: unknown; readonly cut: ValueCut }
  | { readonly hidden: true }
  /** Too large to send whole: its size in bytes (UTF-8 JSON) and the first characters of its JSON text. */
  | { readonly truncated: true; readonly bytes: number; readonly preview: string };

/**
 * On an error too large to send whole whose stack is what makes it large: the error is sent with
 * its name, message and details, and only the first lines of its stack.
 */
export interface ValueCut {
  /** The size of the whole value (UTF-8 JSON) as the display policy shows it. */
  readonly bytes: number;
  /** How many lines the whole stack has; the value's `stack` holds the first of them. */
  readonly stackLines: number;
}

export interface SessionResponse {
  /** The operator's label, as the display policy allows (null when hidden). */
  readonly actor: { readonly label: string | null };
  /**
   * For each action in the vocabulary, whether the operator may take it on the console as a whole
   * (for operator actions: both preview and execute them). A host may still refuse one resource.
   */
  readonly permissions: Readonly<Record<Action, boolean>>;
  /** Why an action is not allowed, where the host gave a reason. */
  readonly reasons: Readonly<Partial<Record<Action, string>>>;
  readonly engine: {
    readonly name: string;
    readonly states: readonly JobState[];
    /** The job actions the engine supports, with the states of the jobs each applies to. */
    readonly actions: Readonly<Partial<Record<JobOperatorAction, readonly JobState[]>>>;
    /** The operator actions on a queue itself the engine supports (such as `queue.pause`); absent or empty: none. */
    readonly queueActions?: readonly QueueOperatorAction[];
    /** The operator actions on one schedule the engine supports (`schedule.run`, `schedule.remove`); absent or empty: none. */
    readonly scheduleActions?: readonly ScheduleOperatorAction[];
    /** The queue settings `queue.configure` can change, with the values each accepts; absent or empty: none. */
    readonly queueSettings?: readonly EditableQueueSetting[];
    /** Whether the engine has recurring schedules to list (`GET api/schedules`). */
    readonly schedules: boolean;
    /** Whether the engine finds jobs by id across queues (`GET api/jobs?id=`). */
    readonly jobLookup: boolean;
    /** With `jobLookup`: true when the first characters of an id find it; false when only whole ids do. */
    readonly jobLookupByPrefix?: boolean;
    /** Whether the engine tracks the processes that run it (`GET api/workers`). */
    readonly workers: boolean;
    /** Whether the engine shows a job's flow (GET api/queues/{queue}/jobs/{id}/flow). */
    readonly flows: boolean;
  };
  /**
   * The payload fields (dotted paths) the display policy lists as searchable for this operator, which
   * the console offers as job filters (`data.<field>=value`) and shows in the job list; empty when
   * the policy lists none or the engine cannot filter on payloads.
   */
  readonly dataFields?: readonly string[];
  /** Limits the console enforces on actions. */
  readonly limits: { readonly cap: number; readonly reasonMinLength: number };
  /** The dashboard served read-only under `bridge/` (such as `bull-board`), or null when there is none. */
  readonly bridge: string | null;
  /**
   * The host's page for signing out or switching user (its `signOutUrl` option), relative to the
   * console's mount root (such as `../../account/switch`); null when the host gave none.
   */
  readonly signOutUrl: string | null;
}

export interface QueueResponse {
  readonly name: string;
  readonly counts: Readonly<Partial<Record<JobState, number>>>;
  readonly total: number;
  /** The counted states whose figure was not taken at read time, with when it was. */
  readonly stale: Readonly<Partial<Record<JobState, CountFreshness>>>;
  readonly deadLetterQueue: string | null;
  /** On one queue's answer, when the engine says: the queues whose dead letter queue this is. */
  readonly deadLetterFor?: readonly string[];
  readonly settings: Readonly<Record<string, string | number | boolean | null>>;
  /** Whether the queue is paused (hands out no jobs); absent when the engine cannot pause queues. */
  readonly paused?: boolean;
}

export interface QueueListResponse {
  readonly queues: readonly QueueResponse[];
}

export interface JobSummaryResponse {
  readonly id: string;
  readonly queue: string;
  readonly state: JobState;
  readonly priority: number;
  readonly attempts: { readonly made: number; readonly max: number };
  readonly createdAt: string;
  readonly runAfter: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /**
   * The last failure's message as the display policy allows; null when there is none or it is
   * hidden. A dead letter copy's is the failure that sent it to the dead letter queue.
   */
  readonly errorMessage: string | null;
  /** On a job that is a dead letter copy, where the engine says: the queue it failed in. */
  readonly deadLetteredFrom?: { readonly queue: string } | null;
  /**
   * In a queue's listing, where the display policy lists searchable fields and the engine reads
   * them: the job's values of the first few of them (dotted path to text), as the policy shows the
   * job's data; a value it hides is absent. From an engine, the values as read, before the policy.
   */
  readonly fields?: Readonly<Record<string, string>>;
}

export interface JobPageResponse {
  readonly jobs: readonly JobSummaryResponse[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
  /**
   * True when the server stopped reading before it filled the page, to keep its work bounded (a
   * listing without the index that serves it): more jobs may follow `nextCursor`.
   */
  readonly stoppedEarly: boolean;
}

export interface JobDetailResponse extends JobSummaryResponse {
  readonly data: Shown;
  readonly output: Shown;
  readonly error: Shown;
  readonly options: Shown;
  readonly timings: {
    readonly createdAt: string;
    readonly runAfter: string | null;
    readonly startedAt: string | null;
    readonly finishedAt: string | null;
    readonly keepUntil: string | null;
  };
  readonly deadLetteredFrom: { readonly queue: string; readonly id: string | null } | null;
  /** Where the engine keeps it: the job's reported progress, shown as the policy allows output. */
  readonly progress?: Shown;
  /** Where the engine keeps them: the job's last log lines (as the policy allows output) and how many it has. */
  readonly logs?: { readonly lines: Shown; readonly total: number };
  /** Where the engine has flows: the job's parent and children. */
  readonly family?: JobFamilyResponse;
}

export interface JobFamilyResponse {
  readonly parent: { readonly queue: string; readonly id: string } | null;
  readonly children: {
    readonly pending: number;
    readonly processed: number;
    readonly failed: number;
    readonly sample: readonly { readonly queue: string; readonly id: string; readonly outcome: 'pending' | 'processed' | 'failed' }[];
  };
}

/** An RFC 9457 problem document, as every error is answered. */
export interface ProblemResponse {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** On a 400: the field or parameter at fault. */
  readonly parameter?: string;
  /** On a 401, when the host gave `signInUrl`: its sign-in page, relative to the console's mount root. */
  readonly signIn?: string;
  readonly [extension: string]: unknown;
}

/** Sent first on every live stream: how often to expect heartbeats, and how often to poll without the stream. */
export interface LiveReadyEvent {
  readonly heartbeatSeconds: number;
  readonly pollIntervalMs: number;
}

/** Live event `queues`: these queues' counts changed (only queues the operator may see). */
export interface LiveQueuesEvent {
  readonly at: string;
  readonly queues: readonly QueueResponse[];
}

/** Live event `action`: an operator action was executed on a queue the operator may see. */
export interface LiveActionEvent {
  readonly at: string;
  readonly action: OperatorAction;
  readonly queue: string;
  readonly affected: number;
  readonly auditId: string;
  /** The acting operator's label, as the display policy allows. */
  readonly actor: string | null;
  readonly jobIds: readonly string[];
}

/** Live event `heartbeat`: the stream is alive. */
export interface LiveHeartbeatEvent {
  readonly at: string;
}

/** The body of `POST api/actions/preview`. */
export interface PreviewRequestBody {
  readonly action: OperatorAction;
  readonly target:
    | ({ readonly queue: string } & (
      | { readonly ids: readonly string[] }
      /** Every job in `state`; `data` narrows them to payloads whose searchable fields (dotted paths) hold these values. */
      | { readonly filter: { readonly state: JobState; readonly data?: Readonly<Record<string, string>> } }
    ))
    /** For a queue action (`queue.pause`, `queue.resume`, `queue.configure`): the queue alone. */
    | { readonly queue: string }
    /** For a schedule action (`schedule.run`, `schedule.remove`): the queue and the schedule's key. */
    | { readonly queue: string; readonly schedule: string };
  /**
   * For `queue.configure` only: the new value of each setting to change, by the names in the
   * session's `engine.queueSettings`; null clears a setting that can be cleared.
   */
  readonly settings?: Readonly<Record<string, QueueSettingValue>>;
}

/** What a preview answers: nothing has changed yet. */
export interface PreviewResponse {
  /** Single use, bound to this operator, valid until `expiresAt`. Send it back to execute. */
  readonly token: string;
  readonly expiresAt: string;
  readonly action: OperatorAction;
  readonly queue: string;
  /** How many jobs the action will touch; for a queue action, 1: the queue. */
  readonly count: number;
  /** The first of those jobs, as the display policy allows; empty for a queue action. */
  readonly sample: readonly JobSummaryResponse[];
  /** Things the operator should know before executing, in plain words. */
  readonly warnings: readonly string[];
  /** For a queue action: the queue's jobs that wait and that run, counted at preview time. */
  readonly queueJobs?: { readonly queued: number; readonly active: number };
  /** For a schedule action: the schedule, as it stood at preview time, and its next run (null: none). */
  readonly schedule?: {
    readonly key: string;
    readonly kind: ScheduleResponse['kind'];
    readonly expression: string;
    readonly timeZone: string;
    readonly nextRun: string | null;
  };
  /** For `queue.configure`: exactly the settings that change, each with its value now and after. */
  readonly settingChanges?: readonly QueueSettingChange[];
}

/** The body of `POST api/actions/execute`. */
export interface ExecuteRequestBody {
  readonly token: string;
  readonly reason: string;
}

export interface ExecuteResponse {
  readonly outcome: 'succeeded';
  /** How many jobs the engine changed; for a queue action, 1 when the queue changed and 0 when it was already so. */
  readonly affected: number;
  /** The audit record of this action. */
  readonly auditId: string;
}

export interface AuditRecordResponse {
  readonly id: string;
  readonly occurredAt: string;
  readonly completedAt: string | null;
  readonly principal: { readonly id: string; readonly type: string; readonly label: string | null };
  readonly action: AuditedAction;
  /** The queue and jobs an operator action touched or made (no ids for a queue action; a schedule run names the job it made, where the engine says); null for a record that touched none (a bridge opened). */
  readonly resource: { readonly queue: string; readonly selection: ActionSubject; readonly ids: readonly string[] } | null;
  readonly requested: number;
  readonly affected: number | null;
  readonly outcome: AuditOutcome;
  /** As the display policy allows; null when hidden. */
  readonly reason: string | null;
  readonly planHash: string;
  readonly correlationId: string;
  /** On a `pending` record (an open intent): that its outcome is unknown, and what to check. */
  readonly outcomeNote?: string;
}

/** `GET api/audit/suggestions`: values an audit filter may take, as the operator types them. */
export interface AuditSuggestionsResponse {
  readonly field: 'operator' | 'queue';
  /**
   * At most 10, in byte order: for `operator`, each operator's id (what the `actor` filter takes)
   * and label as the display policy shows it; for `queue`, the name (both).
   */
  readonly suggestions: readonly { readonly value: string; readonly label: string }[];
}

export interface AuditPageResponse {
  readonly records: readonly AuditRecordResponse[];
  readonly nextCursor: string | null;
}

/** A recurring schedule: what it sends, to which queue, when it runs next, and what it made last. */
export interface ScheduleResponse {
  /** The queue each run sends a job to. */
  readonly queue: string;
  /** Tells apart several schedules of one queue; empty for a queue's only schedule. */
  readonly key: string;
  /**
   * `cron`, `rrule`, or `interval`: a fixed interval that is no whole number of seconds (a BullMQ
   * `every` of 1500 ms), which no recurrence rule can say, written as an ISO 8601 duration (`PT1.5S`).
   */
  readonly kind: 'cron' | 'rrule' | 'interval';
  /** The cron expression, RFC 5545 recurrence rule or ISO 8601 duration, as written. */
  readonly expression: string;
  /** The IANA time zone the expression is read in. */
  readonly timeZone: string;
  /** The data each run's job is sent with, as the display policy allows (kind `schedule_data`). */
  readonly data: Shown;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The next few runs (ISO 8601), soonest first. */
  readonly nextRuns: readonly string[];
  /**
   * The job it made last; `state` is null when that job no longer exists, and `createdAt`, where
   * the engine says, is when it was made (null when the job is gone).
   */
  readonly lastJob: { readonly id: string; readonly state: JobState | null; readonly createdAt?: string | null } | null;
  /**
   * Where the engine can tell: a run that was due (a while ago) after the last job was made, or after the
   * schedule was written, and made no job; null when no run is missed.
   */
  readonly missedRunAt?: string | null;
}

export interface SchedulePageResponse {
  readonly schedules: readonly ScheduleResponse[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** The jobs whose id starts with what the operator typed, of the queues they may see. */
export interface JobSearchResponse {
  /** Ordered by id; at most 20. */
  readonly jobs: readonly JobSummaryResponse[];
  /** True when more jobs match: type more of the id. */
  readonly more: boolean;
}

/** How a worker process is doing, from its last heartbeat: `stopped` ended cleanly. */
export type WorkerStatus = 'healthy' | 'late' | 'missing' | 'stopped';

/** A process running the engine, with how it is doing. */
export interface WorkerInstanceResponse {
  readonly id: string;
  /** The name the application gave it, if any. */
  readonly name: string | null;
  readonly host: string;
  /** Its process id; null when the engine cannot tell (BullMQ). */
  readonly pid: number | null;
  /** The engine library's version it runs. */
  readonly version: string | null;
  /** Its runtime, such as `v24.21.0`. */
  readonly runtime: string | null;
  /** How often it says it is alive; null when the engine does not say. */
  readonly heartbeatSeconds: number | null;
  readonly startedAt: string;
  /** Its last heartbeat. */
  readonly lastSeenAt: string;
  /** When it stopped cleanly; null while it runs, or when it died without stopping. */
  readonly stoppedAt: string | null;
  /** How many times a process by its name and host ended without stopping before this one started. */
  readonly crashRestarts: number;
  readonly status: WorkerStatus;
  /** How many queues it works that the operator may not see (and so are not listed). */
  readonly otherQueues: number;
  /** The queues it works, of those the operator may see. */
  readonly workers: readonly {
    readonly queue: string;
    /** Jobs it may run at once; null when the engine cannot tell (BullMQ). */
    readonly concurrency: number | null;
    /** Jobs it had in hand; null when the engine cannot tell. */
    readonly active: number | null;
    readonly lastFetchedAt: string | null;
    readonly lastFinishedAt: string | null;
    readonly lastErrorAt: string | null;
  }[];
}

export interface WorkerListResponse {
  /** Running ones first (missing, late, healthy), then those that stopped; most recently started first within each. */
  readonly instances: readonly WorkerInstanceResponse[];
  /** True when the engine knows more instances than are listed. */
  readonly more: boolean;
  /** When this was read, which `status` is relative to. */
  readonly asOf: string;
  /** The thresholds in force, in heartbeats missed. */
  readonly thresholds: { readonly lateAfterHeartbeats: number; readonly missingAfterHeartbeats: number };
}

/** Something about one queue that needs an operator: what, how many jobs, and the facts behind it. */
export interface AttentionFinding {
  /**
   * - `overdue`: running jobs past their expiry or heartbeat (their worker may be gone);
   * - `stuck-flows`: jobs waiting on a job of their flow that failed;
   * - `failing`: jobs failed in the last `windowSeconds`, more than in the window before;
   * - `no-workers`: jobs ready to run, and no running worker process takes jobs from the queue;
   * - `missed-schedules`: schedules of the queue that missed a run, the earliest due at `since`;
   * - `backlog`: jobs ready to run, the oldest waiting since `since`;
   * - `dead-letters`: dead letters waiting in a queue that other queues (`from`) send theirs to.
   */
  readonly kind: AttentionKind;
  readonly queue: string;
  /** `critical`: act now. `warning`: look soon. */
  readonly severity: 'critical' | 'warning';
  /** How many jobs it is about. */
  readonly count: number;
  /** `overdue`, `stuck-flows`: true when the engine stopped looking, so there may be more. */
  readonly more?: boolean;
  /** `failing`: the window `count` covers, in seconds, and how many failed in the window before it. */
  readonly windowSeconds?: number;
  readonly previous?: number;
  /** `backlog`: since when the oldest job ready to run has waited; `missed-schedules`: when the earliest missed run was due. */
  readonly since?: string;
  /** `dead-letters`: the queues whose dead letters these are, of those the operator may see. */
  readonly from?: readonly string[];
}

export interface AttentionResponse {
  /** When the background diagnosis last finished; null until its first pass has. */
  readonly checkedAt: string | null;
  /**
   * When the diagnosis last failed to read the engine, when that was after its last finished pass
   * (the findings are then as old as `checkedAt`); null otherwise. The host's log has the error.
   */
  readonly failedAt: string | null;
  /** Most urgent first. */
  readonly findings: readonly AttentionFinding[];
  /** What this engine cannot tell the console, so that no finding does not read as all clear there. */
  readonly unchecked: readonly AttentionKind[];
}

/** How far back a queue's activity reaches. */
export type ActivityWindow = '1h' | '24h';

/** One stretch of a queue's activity, from the engine's own statistics. */
export interface ActivityPoint {
  /** When the stretch ends. */
  readonly at: string;
  /** Jobs made, completed and failed for good in the stretch, per minute. */
  readonly createdPerMinute: number;
  readonly completedPerMinute: number;
  readonly failedPerMinute: number;
  /** Median and 95th percentile of how long the jobs that finished in it had waited, and ran, in seconds; null when none finished. */
  readonly waitP50: number | null;
  readonly waitP95: number | null;
  readonly runP50: number | null;
  readonly runP95: number | null;
  /** How long the oldest job ready to run had waited at its end, in seconds; null when the engine did not say. */
  readonly readyOldestSeconds: number | null;
}

export interface QueueActivityResponse {
  readonly queue: string;
  readonly window: ActivityWindow;
  readonly from: string;
  readonly to: string;
  /** How long each point's stretch is. */
  readonly bucketSeconds: number;
  /**
   * Oldest first; a stretch with nothing recorded has no point. Empty with `recorded` false when
   * the engine keeps no history of this queue (pg-boss: no process runs with `persistQueueStats`).
   */
  readonly points: readonly ActivityPoint[];
  readonly recorded: boolean;
}

/** The jobs of a flow around one job, and which waits on which. */
export interface JobFlowResponse {
  /** The job asked about first, then the others of its flow, at most 50. */
  readonly steps: readonly JobSummaryResponse[];
  /** `waiting` runs only once `on` has completed. Only between the listed steps. */
  readonly dependencies: readonly { readonly waiting: { readonly queue: string; readonly id: string }; readonly on: { readonly queue: string; readonly id: string } }[];
  /** True when the flow has more steps than listed (or reaches further than the engine looked). */
  readonly more: boolean;
  /** Steps in queues the operator may not see: left out, with their dependencies. */
  readonly hidden: number;
}
