// pg-boss's rule for queue names. It throws on any other name, where the console wants "no such queue".
const QUEUE_NAME = /^[\w.\-/]+$/;

/** pg-boss keeps queues of its own (for `publish`, for instance) under this prefix: not the host's jobs. */
export const INTERNAL_QUEUE_PREFIX = '__pgboss__';

/** Whether `name` can be one of the host's pg-boss queues: a name pg-boss accepts, and not one of its own. */
export function isHostQueueName(name: unknown): name is string {
  return typeof name === 'string' && QUEUE_NAME.test(name) && !name.startsWith(INTERNAL_QUEUE_PREFIX);
}
