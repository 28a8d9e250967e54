import type { Queue } from 'pg-boss';

/** How long finished and stale jobs stay, so a long-running demo does not grow without bound. */
const RETENTION = { deleteAfterSeconds: 60 * 60, retentionSeconds: 2 * 60 * 60 } as const;

/** The queues the demo host runs, dead letter queues first (a queue's dead letter queue must exist before it). */
export const DEMO_QUEUES: readonly Queue[] = Object.freeze([
  { name: 'payments.capture.dead-letter', ...RETENTION, deleteAfterSeconds: 24 * 60 * 60 },
  { name: 'webhooks.deliver.dead-letter', ...RETENTION, deleteAfterSeconds: 24 * 60 * 60 },
  {
    name: 'payments.capture',
    ...RETENTION,
    retryLimit: 3,
    retryDelay: 1,
    retryBackoff: true,
    retryDelayMax: 30,
    expireInSeconds: 60,
    deadLetter: 'payments.capture.dead-letter',
  },
  { name: 'email.send', ...RETENTION, retryLimit: 1, retryDelay: 2, expireInSeconds: 60 },
  { name: 'reports.build', ...RETENTION, retryLimit: 1, retryDelay: 10, expireInSeconds: 120 },
  {
    name: 'webhooks.deliver',
    ...RETENTION,
    retryLimit: 4,
    retryDelay: 2,
    retryBackoff: true,
    retryDelayMax: 60,
    expireInSeconds: 30,
    deadLetter: 'webhooks.deliver.dead-letter',
  },
  // Stock conflicts need a person to look at them; retrying alone does not make stock appear.
  { name: 'inventory.reserve', ...RETENTION, retryLimit: 0, expireInSeconds: 30 },
  { name: 'shipping.create-label', ...RETENTION, retryLimit: 2, retryDelay: 5, expireInSeconds: 60 },
  { name: 'maintenance.purge-sessions', ...RETENTION, policy: 'singleton', retryLimit: 0, expireInSeconds: 60 },
  /**
   * Worked by the finance team's batch host, which the demo does not run, and with pg-boss's
   * `short` policy (one job may wait at a time): once its schedule's first job waits, pg-boss drops
   * every later run's job, so the schedules view shows the run it missed a few minutes after start.
   */
  { name: 'ledger.reconcile', ...RETENTION, policy: 'short', retryLimit: 0 },
]);

/** Names of the queues that have workers (dead letter queues wait for an operator to redrive them). */
export const WORKED_QUEUES = [
  'payments.capture',
  'email.send',
  'reports.build',
  'webhooks.deliver',
  'inventory.reserve',
  'shipping.create-label',
  'maintenance.purge-sessions',
] as const;

export type WorkedQueue = (typeof WORKED_QUEUES)[number];

/** Most jobs a queue may hold before the workload stops adding to it. */
export const MAX_JOBS_PER_QUEUE = 1500;
