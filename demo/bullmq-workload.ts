/**
 * A believable, bounded stream of BullMQ work for the BullMQ demo, producing every state the
 * console shows: jobs waiting (some prioritized), delayed and waiting out retry backoffs, running
 * (slow reports with their progress in per cent and a log line per part), completed with log
 * lines, failed (declined payments), parents waiting on children (orders whose inventory checks are
 * slow or sold out), job schedulers (a digest, an hourly report, nightly exports) and a paused queue.
 */
import { FlowProducer, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { chance, pickWeighted } from './fake-data.ts';

/** The demo's BullMQ key prefix, so that it keeps apart from anything else on the same Redis. */
export const DEMO_PREFIX = 'ops-demo';

/** The queues the BullMQ demo runs. */
export const BULLMQ_DEMO_QUEUES = Object.freeze(['email-send', 'payments-capture', 'reports-build', 'orders-fulfil', 'inventory-reserve', 'exports-nightly'] as const);

/** No queue grows past this many waiting jobs; finished jobs are kept an hour (failed ones a day). */
const MAX_WAITING = 300;
const KEEP = { removeOnComplete: { age: 3600, count: 500 }, removeOnFail: { age: 24 * 3600, count: 500 } } as const;

export interface BullMQWorkload {
  /** Every queue the demo made, by name. */
  readonly queues: ReadonlyMap<string, Queue>;
  /** Stops producing jobs and closes the workers, queues and flow producer. */
  stop(): Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => { setTimeout(resolve, ms); });

/** What each worked queue does with a job. */
const PROCESSORS: Readonly<Record<string, (job: Job) => Promise<unknown>>> = {
  'email-send': async (job) => {
    await job.log(`rendering template ${String(job.data.template)}`);
    if (String(job.data.to).endsWith('@bounce.example')) throw new Error('550 mailbox unavailable');
    await job.log('handed to the mail provider');
    return { provider: 'smtp', messageId: `msg_${job.id}` };
  },
  'payments-capture': async (job) => {
    if (job.data.cardToken === 'tok_declined') throw new UnrecoverableError('card declined by issuer');
    if (chance(0.3)) throw new Error('payment gateway timeout');
    return { captured: job.data.amount, paymentId: `pay_${job.id}` };
  },
  'reports-build': async (job) => {
    const steps = 5 + Math.floor(Math.random() * 10);
    await job.log(`building ${String(job.data.report)} in ${steps} parts`);
    for (let step = 1; step <= steps; step += 1) {
      await wait(1000);
      await job.log(`part ${step} of ${steps}: ${step * 1200} rows`);
      await job.updateProgress(Math.round((step / steps) * 100));
    }
    return { rows: steps * 1200, url: `/reports/${job.id}.csv` };
  },
  'inventory-reserve': async (job) => {
    await job.log(`reserving ${String(job.data.quantity)} × ${String(job.data.sku)}`);
    await wait(2000);
    if (job.data.sku === 'SKU-SOLD-OUT') throw new UnrecoverableError('sold out');
    return { reserved: job.data.quantity };
  },
  'orders-fulfil': async (job) => ({ shipped: true, order: job.data.orderNumber }),
};

/** One round of new work: a few jobs on each queue that is not already full. */
async function produce(queues: ReadonlyMap<string, Queue>, flows: FlowProducer): Promise<void> {
  const room = async (name: string) => (await queues.get(name)!.getJobCountByTypes('wait', 'prioritized', 'delayed')) < MAX_WAITING;
  if (await room('email-send')) {
    const to = pickWeighted([['ana@example.com', 6], ['ben@example.com', 3], ['old@bounce.example', 1]]);
    await queues.get('email-send')!.add('send', { to, template: pickWeighted([['receipt', 3], ['reminder', 1]]), apiKey: 'sk_live_demo' }, {
      attempts: 2, backoff: { type: 'fixed', delay: 30_000 }, ...KEEP,
      ...(chance(0.2) ? { delay: 10 * 60_000 } : {}),
    });
  }
  if (await room('payments-capture')) {
    const amount = 500 + Math.floor(Math.random() * 50_000);
    await queues.get('payments-capture')!.add('capture', {
      amount, customerId: `cus_${Math.floor(Math.random() * 900) + 100}`, cardToken: chance(0.15) ? 'tok_declined' : 'tok_visa_4242',
    }, { attempts: 3, backoff: { type: 'exponential', delay: 20_000 }, ...(amount > 40_000 ? { priority: 1 } : { priority: 5 }), ...KEEP });
  }
  if (chance(0.3) && (await room('reports-build'))) {
    await queues.get('reports-build')!.add('build', { report: pickWeighted([['daily-sales', 2], ['refunds', 1]]) }, { ...KEEP, ...(chance(0.3) ? { delay: 30 * 60_000 } : {}) });
  }
  if (chance(0.4) && (await room('orders-fulfil'))) {
    const orderNumber = `ORD-${Math.floor(Math.random() * 90_000) + 10_000}`;
    const sku = pickWeighted([['SKU-MUG', 5], ['SKU-TEE', 4], ['SKU-SOLD-OUT', 1]]);
    const lines = [sku, ...(chance(0.5) ? ['SKU-CAP', 'SKU-SOCKS'] : [])];
    await flows.add({
      name: 'fulfil', queueName: 'orders-fulfil', data: { orderNumber }, opts: KEEP,
      children: lines.map((line) => ({ name: 'reserve', queueName: 'inventory-reserve', data: { sku: line, quantity: 1 + Math.floor(Math.random() * 3) }, opts: KEEP })),
    });
  }
}

/**
 * Recurring work, as BullMQ job schedulers: an every-few-minutes digest, an hourly report and the
 * nightly exports (which wait in their paused queue). Upserting keeps one of each across restarts.
 */
async function schedule(queues: ReadonlyMap<string, Queue>): Promise<void> {
  await queues.get('email-send')!.upsertJobScheduler('ops-digest', { every: 15 * 60_000 }, {
    name: 'digest', data: { to: 'ops-team@example.com', template: 'digest' }, opts: KEEP,
  });
  await queues.get('reports-build')!.upsertJobScheduler('hourly-sales', { pattern: '5 * * * *', tz: 'UTC' }, {
    name: 'build', data: { report: 'daily-sales' }, opts: KEEP,
  });
  for (const table of ['orders', 'customers']) {
    await queues.get('exports-nightly')!.upsertJobScheduler(`nightly-${table}`, { pattern: '30 2 * * *', tz: 'Europe/Berlin' }, {
      name: 'export', data: { table, bucket: 's3://exports-demo', apiKey: 'sk_live_demo' },
    });
  }
}

/** A first batch that reaches every state within seconds, whatever the dice say later. */
async function firstBatch(queues: ReadonlyMap<string, Queue>, flows: FlowProducer): Promise<void> {
  await queues.get('payments-capture')!.addBulk([
    { name: 'capture', data: { amount: 1200, customerId: 'cus_101', cardToken: 'tok_declined' }, opts: { attempts: 3, ...KEEP } },
    { name: 'capture', data: { amount: 48_000, customerId: 'cus_102', cardToken: 'tok_visa_4242' }, opts: { attempts: 3, priority: 1, ...KEEP } },
  ]);
  await queues.get('email-send')!.addBulk([
    { name: 'send', data: { to: 'ana@example.com', template: 'receipt', apiKey: 'sk_live_demo' }, opts: KEEP },
    { name: 'send', data: { to: 'ben@example.com', template: 'reminder' }, opts: { delay: 15 * 60_000, ...KEEP } },
  ]);
  await queues.get('reports-build')!.add('build', { report: 'daily-sales' }, KEEP);
  // Due tomorrow: a delayed job that stays delayed for the whole demo, for an operator to promote.
  await queues.get('reports-build')!.add('build', { report: 'weekly-summary' }, { delay: 24 * 3_600_000, ...KEEP });
  await flows.add({
    name: 'fulfil', queueName: 'orders-fulfil', data: { orderNumber: 'ORD-10001' }, opts: KEEP,
    children: [{ name: 'reserve', queueName: 'inventory-reserve', data: { sku: 'SKU-SOLD-OUT', quantity: 1 }, opts: KEEP }],
  });
  await flows.add({
    name: 'fulfil', queueName: 'orders-fulfil', data: { orderNumber: 'ORD-10002' }, opts: KEEP,
    children: ['SKU-MUG', 'SKU-TEE', 'SKU-CAP'].map((sku) => ({ name: 'reserve', queueName: 'inventory-reserve', data: { sku, quantity: 1 }, opts: KEEP })),
  });
}

export interface BullMQWorkloadOptions {
  /** Seconds between rounds of new jobs. Default 3. */
  readonly intervalSeconds?: number;
  /** The BullMQ key prefix. Default `DEMO_PREFIX`. */
  readonly prefix?: string;
}

/** Starts the workers and a first batch, then new work every `intervalSeconds`. */
export async function startBullMQWorkload(connection: Redis, options: BullMQWorkloadOptions = {}): Promise<BullMQWorkload> {
  const base = { connection, prefix: options.prefix ?? DEMO_PREFIX };
  const queues = new Map(BULLMQ_DEMO_QUEUES.map((name) => [name as string, new Queue(name, base)]));
  const flows = new FlowProducer(base);
  const workers = Object.entries(PROCESSORS).map(([name, processor]) =>
    new Worker(name, processor, { ...base, concurrency: name === 'reports-build' ? 2 : 4 }));
  for (const worker of workers) worker.on('error', (error) => console.error(`ops-jobs demo: worker ${worker.name}:`, error.message));

  // Nightly exports wait in a paused queue: its jobs show as queued, and the queue says it is paused.
  const exports = queues.get('exports-nightly')!;
  await exports.pause();
  if ((await exports.getJobCountByTypes('wait')) === 0) {
    await exports.addBulk(['orders', 'customers', 'ledger'].map((table) => ({ name: 'export', data: { table } })));
  }
  await firstBatch(queues, flows);
  await schedule(queues);
  for (let round = 0; round < 5; round += 1) await produce(queues, flows);

  let stopped = false;
  const timer = setInterval(() => {
    if (!stopped) produce(queues, flows).catch((error: unknown) => console.warn('ops-jobs demo: could not add jobs:', error));
  }, (options.intervalSeconds ?? 3) * 1000);
  return {
    queues,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all(workers.map((worker) => worker.close()));
      await flows.close();
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}
