// BullMQ's harness for the engine conformance suite: real BullMQ on the test Redis, under a key
// prefix of its own, with jobs put into each state through BullMQ's own Queue, Worker and
// FlowProducer.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { FlowProducer, Queue, Worker, type Job } from 'bullmq';
import { fromBullMQ } from '../../../../adapters/bullmq/index.ts';
import { SEED_FAILURE, SEED_OUTPUT } from '../../engines/conformance/harness.ts';
import type { EngineHarness, EngineRun, SeedJob } from '../../engines/conformance/harness.ts';
import { connectRedis, deletePrefix, uniquePrefix } from '../../support/redis.ts';

const TWO_HOURS = 2 * 3_600_000;

/** How long a seeded running job's lock lasts: longer than any suite runs. */
const HELD_MS = 3_600_000;

/** The queue the children of seeded blocked jobs wait in: no worker ever takes them. */
const CHILDREN = 'conformance_children';

export const bullmqHarness: EngineHarness = {
  name: 'BullMQ on Redis',
  sharedTransactions: false,
  async start(): Promise<EngineRun> {
    const redis = await connectRedis();
    const prefix = uniquePrefix('conformance');
    const connection = { connection: redis, prefix };
    const queues = new Map<string, Queue>();
    const workers = new Map<string, Worker>();
    const flows = new FlowProducer(connection);
    const token = randomUUID();
    let made = 0;

    const queueOf = async (name: string): Promise<Queue> => {
      let queue = queues.get(name);
      if (!queue) {
        queue = new Queue(name, connection);
        queues.set(name, queue);
        // Resolves once the queue's meta hash is written: from then on the queue exists for BullMQ.
        await queue.getVersion();
      }
      return queue;
    };
    const workerOf = (name: string): Worker => {
      let worker = workers.get(name);
      if (!worker) {
        // Fetches by hand only (no processor, not running), so a taken job stays active. Its lock
        // outlasts the suite, so a seeded running job is one a live worker holds until `abandon`.
        worker = new Worker(name, null, { ...connection, autorun: false, lockDuration: HELD_MS });
        workers.set(name, worker);
      }
      return worker;
    };
    /** Adds a job a worker takes at once: `lifo` puts it where workers take from, ahead of queued jobs. */
    const taken = async (queue: Queue, data: object, attempts = 1): Promise<Job> => {
      const added = await queue.add('conformance', data, { lifo: true, attempts });
      const job = await workerOf(queue.name).getNextJob(token, { block: false });
      if (!job || job.id !== added.id) throw new Error(`seed: BullMQ handed out ${job?.id ?? 'nothing'}, expected ${added.id}`);
      return job;
    };

    async function make(queue: Queue, { state, data }: SeedJob): Promise<string> {
      switch (state) {
        case 'queued':
          return (await queue.add('conformance', data)).id!;
        case 'scheduled':
          return (await queue.add('conformance', data, { delay: TWO_HOURS })).id!;
        case 'blocked': {
          const flow = await flows.add({ name: 'conformance', queueName: queue.name, data, children: [{ name: 'child', queueName: CHILDREN, data: {} }] });
          return flow.job.id!;
        }
        case 'active':
          return (await taken(queue, data)).id!;
        case 'completed': {
          const job = await taken(queue, data);
          await job.moveToCompleted({ ...SEED_OUTPUT }, token, false);
          return job.id!;
        }
        case 'failed': {
          const job = await taken(queue, data);
          await job.moveToFailed(new Error(SEED_FAILURE), token, false);
          return job.id!;
        }
        default:
          throw new Error(`seed: BullMQ has no ${state} state`);
      }
    }

    return {
      engine: fromBullMQ({ connection: redis, prefix, discoveryIntervalMs: 0 }),
      async freshQueue(label) {
        made += 1;
        const name = `${label}_${made}`;
        await queueOf(name);
        return name;
      },
      async seed(name, jobs) {
        const queue = await queueOf(name);
        const ids: string[] = [];
        for (const job of jobs) {
          // A creation time (and finish time) of its own for each job: BullMQ's clock counts milliseconds.
          if (ids.length > 0) await sleep(2);
          ids.push(await make(queue, job));
        }
        return ids;
      },
      async abandon(name, id) {
        // What a worker that died leaves behind: the job in the active list, its lock expired.
        await redis.del(`${prefix}:${name}:${id}:lock`);
      },
      async recurring(name, key, data) {
        const queue = await queueOf(name);
        await queue.upsertJobScheduler(key, { pattern: '0 3 * * *', tz: 'UTC' }, { name: 'conformance', data });
      },
      async stop() {
        await Promise.all([...workers.values()].map((worker) => worker.close(true)));
        await flows.close();
        await Promise.all([...queues.values()].map((queue) => queue.close()));
        await deletePrefix(redis, prefix);
        redis.disconnect();
      },
    };
  },
};
