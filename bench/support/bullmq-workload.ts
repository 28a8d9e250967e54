// A steady BullMQ workload for the live benchmark: jobs added at a fixed rate across a few queues,
// worked off by one worker per queue (some fail, some are delayed first), finished jobs trimmed, so
// that every queue's counts keep changing for as long as it runs.
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';

export const BENCH_QUEUES = Object.freeze(['email', 'payments', 'reports', 'orders', 'inventory', 'exports'] as const);

export interface BenchWorkload {
  /** Jobs added so far. */
  readonly added: () => number;
  stop(): Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => { setTimeout(resolve, ms); });

/** Starts adding `jobsPerSecond` jobs a second, spread over the queues, on `client`'s server. */
export function startBenchWorkload(client: Redis, prefix: string, jobsPerSecond: number): BenchWorkload {
  // Few finished jobs kept, so that the queues reach a steady state (and the Redis work with them) within the warm-up.
  const keep = { removeOnComplete: { count: 20 }, removeOnFail: { count: 20 } } as const;
  const queues = BENCH_QUEUES.map((name) => new Queue(name, { connection: client, prefix }));
  const workers = BENCH_QUEUES.map((name) => new Worker(name, async () => {
    await wait(20 + Math.random() * 180);
    if (Math.random() < 0.1) throw new Error('declined');
    return { ok: true };
  }, { connection: client, prefix, concurrency: 4 }));
  for (const worker of workers) worker.on('error', () => {});
  let added = 0;
  let next = 0;
  const producer = setInterval(() => {
    const queue = queues[next % queues.length]!;
    next += 1;
    added += 1;
    queue.add('work', { n: added }, { ...keep, ...(Math.random() < 0.1 ? { delay: 2000 } : {}) }).catch(() => {});
  }, 1000 / jobsPerSecond);
  return {
    added: () => added,
    async stop() {
      clearInterval(producer);
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(queues.map((queue) => queue.close()));
    },
  };
}

/**
 * The workload in a process of its own, so that the host's work in the bench's process does not
 * slow it down and change what it asks of Redis: `node bench/support/bullmq-workload.ts <redis url>
 * <prefix> <jobs per second>`. Prints `ready` once started; stops on SIGTERM.
 */
async function runAsProcess(): Promise<void> {
  const [url, prefix, rate] = process.argv.slice(2);
  const { Redis } = await import('ioredis');
  const client = new Redis(url!, { maxRetriesPerRequest: null });
  client.on('error', () => {});
  const workload = startBenchWorkload(client, prefix!, Number(rate));
  process.once('SIGTERM', () => {
    void workload.stop().finally(() => {
      client.disconnect();
      process.exit(0);
    });
  });
  console.log('ready');
}

if (import.meta.url === `file://${process.argv[1]}`) await runAsProcess();
