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
  /** Remove jobs for good. */
  jobDelete: 'job.delete',
  /** Put cancelled jobs back in the queue. */
  jobResume: 'job.resume',
  /** Move jobs from a dead letter queue back to the queue they failed in. */
  jobRedrive: 'job.redrive',
  /** See the processes running the engine: their heartbeats, versions and the queues they work. */
  workersView: 'workers.view',
  /** See schedules: their expressions, next runs and the last job each made. */
  schedulesView: 'schedules.view',
  /** Read the audit log. */
  auditView: 'audit.view',
  /** Download the audit log as CSV or JSON Lines. */
  auditExport: 'audit.export',
  /** Open the read-only bridge to another dashboard (bull-board), which shows job data unredacted. */
  bridgeView: 'bridge.view',
} as const);

export type Action = (typeof ACTIONS)[keyof typeof ACTIONS];

/** Every action in the vocabulary, in a stable order. */
export const ALL_ACTIONS: readonly Action[] = Object.freeze(Object.values(ACTIONS));

/** What an engine can do to jobs. The operator action for each is `job.<name>`. */
export const JOB_ACTIONS = Object.freeze(['retry', 'cancel', 'delete', 'resume', 'redrive'] as const);

export type JobAction = (typeof JOB_ACTIONS)[number];

/** The actions that change jobs: each is previewed, then executed with a reason, and audited. */
export type OperatorAction = `job.${JobAction}`;

export const OPERATOR_ACTIONS: readonly OperatorAction[] = Object.freeze(JOB_ACTIONS.map((name) => `job.${name}` as const));

export function isOperatorAction(value: unknown): value is OperatorAction {
  return typeof value === 'string' && (OPERATOR_ACTIONS as readonly string[]).includes(value);
}

/** The engine's name for an operator action. */
export function jobActionOf(action: OperatorAction): JobAction {
  return action.slice('job.'.length) as JobAction;
}

/**
 * What the audit log records: every operator action, and each opening of a bridge to another
 * dashboard (which shows job data the display policy cannot redact).
 */
export type AuditedAction = OperatorAction | typeof ACTIONS.bridgeView;

export const AUDITED_ACTIONS: readonly AuditedAction[] = Object.freeze([...OPERATOR_ACTIONS, ACTIONS.bridgeView]);

export function isAuditedAction(value: unknown): value is AuditedAction {
  return typeof value === 'string' && (AUDITED_ACTIONS as readonly string[]).includes(value);
}
