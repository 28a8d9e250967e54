/**
 * The dotted action vocabulary that `authorize` is asked about. Every route and every operator
 * action maps to exactly one of these.
 */
export const ACTIONS = Object.freeze({
  /** See the console page, the list of queues with their counts, and one queue. */
  queuesView: 'queues.view',
  /** See a queue's jobs and a job's detail. */
  jobsView: 'jobs.view',
  /** Run failed jobs again. */
  jobRetry: 'job.retry',
  /** Stop jobs that are waiting or running. */
  jobCancel: 'job.cancel',
  /**
   * Mark running jobs failed, as if their handler had thrown: for a job whose worker is gone. The
   * queue's retry policy applies (a job with attempts left is retried).
   */
  jobFail: 'job.fail',
  /** Remove jobs for good. */
  jobDelete: 'job.delete',
  /** Put cancelled jobs back in the queue. */
  jobResume: 'job.resume',
  /** Move jobs from a dead letter queue back to the queue they failed in. */
  jobRedrive: 'job.redrive',
  /** Run delayed jobs now instead of at their set time. */
  jobPromote: 'job.promote',
  /** Stop a queue handing out its jobs to workers; the jobs stay where they are. */
  queuePause: 'queue.pause',
  /** Let a paused queue hand out its jobs again. */
  queueResume: 'queue.resume',
  /** Change a queue's settings (retries, expiry, retention, dead letter queue...) that the engine lets change. */
  queueConfigure: 'queue.configure',
  /** See the processes running the engine: their heartbeats, versions and the queues they work. */
  workersView: 'workers.view',
  /** See schedules: their expressions, next runs and the last job each made. */
  schedulesView: 'schedules.view',
  /** Make one job now from a schedule's data and options; the schedule keeps its timetable. */
  scheduleRun: 'schedule.run',
  /** Remove a schedule: its future runs stop; the jobs it already made stay. */
  scheduleRemove: 'schedule.remove',
  /** Read the audit log. */
  auditView: 'audit.view',
  /** Download the audit log as CSV or JSON Lines. */
  auditExport: 'audit.export',
  /** Open the read-only bridge to another dashboard (bull-board), which shows job data unredacted. */
  bridgeView: 'bridge.view',
  /** See the incidents the background diagnosis kept: stuck jobs, stuck flows, queues nobody works. */
  incidentsView: 'incidents.view',
} as const);

export type Action = (typeof ACTIONS)[keyof typeof ACTIONS];

/** Every action in the vocabulary, in a stable order. */
export const ALL_ACTIONS: readonly Action[] = Object.freeze(Object.values(ACTIONS));

/** What an engine can do to jobs. The operator action for each is `job.<name>`. */
export const JOB_ACTIONS = Object.freeze(['retry', 'cancel', 'delete', 'resume', 'redrive', 'promote', 'fail'] as const);

export type JobAction = (typeof JOB_ACTIONS)[number];

/** What an engine can do to a queue itself. The operator action for each is `queue.<name>`. */
export const QUEUE_ACTIONS = Object.freeze(['pause', 'resume'] as const);

export type QueueAction = (typeof QUEUE_ACTIONS)[number];

/** What an engine can do to a recurring schedule. The operator action for each is `schedule.<name>`. */
export const SCHEDULE_ACTIONS = Object.freeze(['run', 'remove'] as const);

export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number];

/** The operator actions on a recurring schedule, named by its queue and key. */
export type ScheduleOperatorAction = `schedule.${ScheduleAction}`;

/** The operator actions that change jobs. */
export type JobOperatorAction = `job.${JobAction}`;

/** The operator action that changes a queue's settings (see `EngineCapabilities.queueSettings`). */
export const QUEUE_CONFIGURE = 'queue.configure';

export type QueueConfigureAction = typeof QUEUE_CONFIGURE;

/** The operator actions that pause or resume a queue (`JobEngine.applyToQueue`). */
export type QueueSwitchAction = `queue.${QueueAction}`;

/** The operator actions that change a queue itself, not its jobs. */
export type QueueOperatorAction = QueueSwitchAction | QueueConfigureAction;

/** The actions that change jobs or queues: each is previewed, then executed with a reason, and audited. */
export type OperatorAction = JobOperatorAction | QueueOperatorAction | ScheduleOperatorAction;

export const JOB_OPERATOR_ACTIONS: readonly JobOperatorAction[] = Object.freeze(JOB_ACTIONS.map((name) => `job.${name}` as const));

export const QUEUE_SWITCH_ACTIONS: readonly QueueSwitchAction[] = Object.freeze(QUEUE_ACTIONS.map((name) => `queue.${name}` as const));

export const QUEUE_OPERATOR_ACTIONS: readonly QueueOperatorAction[] = Object.freeze([...QUEUE_SWITCH_ACTIONS, QUEUE_CONFIGURE]);

export const SCHEDULE_OPERATOR_ACTIONS: readonly ScheduleOperatorAction[] = Object.freeze(SCHEDULE_ACTIONS.map((name) => `schedule.${name}` as const));

export const OPERATOR_ACTIONS: readonly OperatorAction[] = Object.freeze([...JOB_OPERATOR_ACTIONS, ...QUEUE_OPERATOR_ACTIONS, ...SCHEDULE_OPERATOR_ACTIONS]);

export function isOperatorAction(value: unknown): value is OperatorAction {
  return typeof value === 'string' && (OPERATOR_ACTIONS as readonly string[]).includes(value);
}

/** Whether an operator action is about a queue itself rather than some of its jobs. */
export function isQueueOperatorAction(value: unknown): value is QueueOperatorAction {
  return typeof value === 'string' && (QUEUE_OPERATOR_ACTIONS as readonly string[]).includes(value);
}

/** Whether an operator action is about a recurring schedule. */
export function isScheduleOperatorAction(value: unknown): value is ScheduleOperatorAction {
  return typeof value === 'string' && (SCHEDULE_OPERATOR_ACTIONS as readonly string[]).includes(value);
}

/** The engine's name for an operator action on a schedule. */
export function scheduleActionOf(action: ScheduleOperatorAction): ScheduleAction {
  return action.slice('schedule.'.length) as ScheduleAction;
}

/** The engine's name for an operator action on jobs. */
export function jobActionOf(action: JobOperatorAction): JobAction {
  return action.slice('job.'.length) as JobAction;
}

/** Whether an operator action changes a queue's settings. */
export function isQueueConfigureAction(value: unknown): value is QueueConfigureAction {
  return value === QUEUE_CONFIGURE;
}

/** The engine's name for an operator action that pauses or resumes a queue. */
export function queueActionOf(action: QueueSwitchAction): QueueAction {
  return action.slice('queue.'.length) as QueueAction;
}

/**
 * What the audit log records: every operator action, each opening of a bridge to another
 * dashboard (which shows job data the display policy cannot redact), and each failed escalation
 * hook.
 */
export type AuditedAction = OperatorAction | typeof ACTIONS.bridgeView | typeof ESCALATION_ACTION;

/**
 * Not asked of `authorize`: the console's own record that a host's escalation hook (`onIncident`,
 * `onRepair`) failed or timed out, appended as a follow-up to the incident or repair it was about.
 */
export const ESCALATION_ACTION = 'incident.escalate' as const;

export const AUDITED_ACTIONS: readonly AuditedAction[] = Object.freeze([...OPERATOR_ACTIONS, ACTIONS.bridgeView, ESCALATION_ACTION]);

export function isAuditedAction(value: unknown): value is AuditedAction {
  return typeof value === 'string' && (AUDITED_ACTIONS as readonly string[]).includes(value);
}
