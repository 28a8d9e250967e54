import type { Redis } from 'ioredis';
import type { EngineCapabilities, JobEngine, JobListQuery, JobPage } from '../../core/contracts/engine.ts';
import { InvalidInputError, OptionsError } from '../../core/errors.ts';
import { BULLMQ_QUEUE_SETTINGS } from './queue-settings.ts';
import { createActionMethods } from './actions.ts';
import { createQueueHandles } from './queue-handles.ts';
import { DEFAULT_EVENT_CONNECTIONS, watchBullMQChanges } from './change-events.ts';
import { isJobId } from './cursor.ts';
import { describeBullMQ } from './describe.ts';
import { readJob } from './detail.ts';
import { findJobsById } from './find-jobs.ts';
import { listBullMQWorkers } from './instances.ts';
import { listBullMQSchedules } from './schedules.ts';
import { BULLMQ_SCHEDULE_ACTIONS, createScheduleActionMethods } from './schedule-actions.ts';
import { DEFAULT_DISCOVERY_INTERVAL_MS, discoveredQueues, listedQueues } from './discovery.ts';
import { listPage } from './listing.ts';
import { countQueues, describeQueues } from './queue-info.ts';
import { createQueueHealth } from './queue-health.ts';
import { createFlowMethods } from './flows.ts';
import { BULLMQ_ACTION_STATES, BULLMQ_QUEUE_ACTIONS, BULLMQ_STATES, bullmqState } from './states.ts';

/** BullMQ's own default key prefix. */
export const DEFAULT_BULLMQ_PREFIX = 'bull';

/** How `fromBullMQ` finds the host's BullMQ queues in Redis. */
export interface FromBullMQOptions {
  /**
   * The host's ioredis client on the Redis server BullMQ uses (without ioredis's `keyPrefix`,
   * which BullMQ does not support either). The engine reads through it and runs BullMQ's commands
   * on it; the host keeps it and closes it.
   */
  readonly connection: Redis;
  /** The queues to show. Without it, every queue under `prefix` is discovered, and new ones appear. */
  readonly queues?: readonly string[];
  /** BullMQ's `prefix` option, as the host's queues use it; `bull` by default. */
  readonly prefix?: string;
  /** With discovery: how long a list of queues is used before it is refreshed, in ms (5000 by default). */
  readonly discoveryIntervalMs?: number;
  /** The BullMQ version, for the engine's label (such as `6.7.6`). */
  readonly version?: string;
  /**
   * While any console is open, the live feed follows each queue's BullMQ event stream with
   * `QueueEvents`, each on a Redis connection of its own (duplicated from `connection`, which is
   * never blocked): at most this many queues, 100 by default. Queues past it have their counts read
   * at each discovery interval instead. 0 opens none: counts are then polled every
   * `live.pollIntervalMs`, as for engines without events.
   */
  readonly liveConnections?: number;
}

/**
 * A `JobEngine` over the host's BullMQ 6 queues in Redis. Lists, counts and job details are read
 * straight from BullMQ's keys, each with a bounded number of key lookups and range reads; actions
 * run BullMQ's own commands. Jobs are found by whole id across queues, workers by their Redis
 * connections and job schedulers by their sorted sets (see find-jobs.ts, instances.ts and
 * schedules.ts for what BullMQ can and cannot tell). Redis cannot share the console's SQL
 * transaction, so the console records an intent before each action and its outcome after.
 *
 * @param options the host's ioredis `connection`, and `queues` or `prefix` to find the queues by.
 */
export function fromBullMQ(options: FromBullMQOptions): JobEngine {
  const { connection: client } = checkOptions(options);
  const prefix = options.prefix ?? DEFAULT_BULLMQ_PREFIX;
  const directory = options.queues
    ? listedQueues(options.queues)
    : discoveredQueues(client, prefix, options.discoveryIntervalMs ?? DEFAULT_DISCOVERY_INTERVAL_MS);
  const queueOf = createQueueHandles(client, prefix);
  const maxConnections = options.liveConnections ?? DEFAULT_EVENT_CONNECTIONS;
  const capabilities: EngineCapabilities = Object.freeze({
    states: BULLMQ_STATES,
    actions: BULLMQ_ACTION_STATES,
    queueActions: BULLMQ_QUEUE_ACTIONS,
    scheduleActions: BULLMQ_SCHEDULE_ACTIONS,
    queueSettings: BULLMQ_QUEUE_SETTINGS,
    // Redis and the store's database cannot commit together: the console audits intent and outcome.
    sharedTransactions: false,
    dataFilters: false,
  });

  return {
    name: options.version ? `BullMQ ${options.version}` : 'BullMQ',
    capabilities,

    async listQueues() {
      return describeQueues(client, prefix, await directory.names());
    },

    async findQueue(name) {
      if (!(await directory.has(name))) return null;
      const [queue] = await describeQueues(client, prefix, [name]);
      return queue ?? null;
    },

    async countJobs(names) {
      const known: string[] = [];
      for (const name of new Set(names)) if (await directory.has(name)) known.push(name);
      return countQueues(client, prefix, known);
    },

    async listJobs(listing: JobListQuery): Promise<JobPage> {
      if (listing.state !== undefined) bullmqState(listing.state);
      if ((listing.data ?? []).length > 0) throw new InvalidInputError('data', 'The BullMQ engine cannot filter jobs on their payload.');
      if (!(await directory.has(listing.queue))) return { jobs: [], next: null };
      return listPage(client, prefix, listing);
    },

    async getJob(queue, id) {
      if (!isJobId(id) || !(await directory.has(queue))) return null;
      return readJob(client, prefix, queue, id);
    },

    async findJobs(id, limit) {
      return findJobsById(client, prefix, await directory.names(), id, limit);
    },

    async listInstances(limit) {
      return listBullMQWorkers(client, prefix, await directory.names(), limit);
    },

    async listSchedules(query) {
      return listBullMQSchedules(client, prefix, await directory.names(), query);
    },

    ...createActionMethods({ client, prefix, directory, queueOf, actions: capabilities.actions }),
    ...createScheduleActionMethods({ client, prefix, directory, queueOf }),
    ...createQueueHealth({ client, prefix, directory }),
    ...createFlowMethods({ client, prefix, directory }),
    ...(maxConnections > 0
      ? { watchChanges: watchBullMQChanges({ client, prefix, directory, followIntervalMs: options.discoveryIntervalMs ?? DEFAULT_DISCOVERY_INTERVAL_MS, maxConnections }) }
      : {}),
    describe: () => describeBullMQ(client, options.version ?? null),
  };
}

function checkOptions(options: FromBullMQOptions): FromBullMQOptions {
  const connection = (options as Partial<FromBullMQOptions> | undefined)?.connection as unknown as Record<string, unknown> | undefined;
  const missing = ['pipeline', 'scan', 'duplicate', 'disconnect'].filter((method) => typeof connection?.[method] !== 'function');
  if (missing.length > 0) {
    throw new OptionsError('engine', 'must be a BullMQ engine: fromBullMQ({ connection }) needs the ioredis client your BullMQ queues use, such as new Redis(process.env.REDIS_URL).');
  }
  if ((connection!.options as { keyPrefix?: string } | undefined)?.keyPrefix) {
    throw new OptionsError('engine', "fromBullMQ's connection has ioredis's keyPrefix set, which BullMQ does not support: use fromBullMQ({ prefix }) as your queues' prefix option.");
  }
  if (options.queues !== undefined && (!Array.isArray(options.queues) || options.queues.some((name) => typeof name !== 'string' || name.length === 0 || name.includes(':')))) {
    throw new OptionsError('engine', 'fromBullMQ({ queues }) must be an array of BullMQ queue names (non-empty, without a colon).');
  }
  if (options.liveConnections !== undefined && (!Number.isInteger(options.liveConnections) || options.liveConnections < 0)) {
    throw new OptionsError('engine', 'fromBullMQ({ liveConnections }) must be a whole number of Redis connections, 0 or more.');
  }
  if (options.prefix !== undefined && (typeof options.prefix !== 'string' || options.prefix.length === 0)) {
    throw new OptionsError('engine', "fromBullMQ({ prefix }) must be the non-empty prefix your queues use (BullMQ's default is 'bull').");
  }
  return options;
}
