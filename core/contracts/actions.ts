/**
 * The dotted action vocabulary that `authorize` is asked about. Every route and every operator
 * action maps to exactly one of these.
 */
export const ACTIONS = Object.freeze({
  /** See the console shell, the session and the list of queues with their counts. */
  queuesView: 'queues.view',
  /** See a queue's jobs and a job's detail. */
  jobsView: 'jobs.view',
} as const);

export type Action = (typeof ACTIONS)[keyof typeof ACTIONS];

/** Every action in the vocabulary, in a stable order. */
export const ALL_ACTIONS: readonly Action[] = Object.freeze(Object.values(ACTIONS));
