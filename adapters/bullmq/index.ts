/**
 * `ops-jobs/bullmq`: the job engine over the host's BullMQ 6 queues in Redis.
 *
 * ```ts
 * import { Redis } from 'ioredis';
 * import { fromBullMQ } from 'ops-jobs/bullmq';
 * const engine = fromBullMQ({ connection: new Redis(process.env.REDIS_URL!), prefix: 'bull' });
 * ```
 */
export { fromBullMQ, DEFAULT_BULLMQ_PREFIX, type FromBullMQOptions } from './engine.ts';
export { BULLMQ_ACTION_STATES, BULLMQ_QUEUE_ACTIONS, BULLMQ_STATES } from './states.ts';
export { BULLMQ_SUPPORT } from './describe.ts';
