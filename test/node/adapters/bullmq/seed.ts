// Real BullMQ jobs in every state, made through BullMQ itself (a Queue, a Worker fetching by hand,
// a FlowProducer), so that the engine is tested against exactly what BullMQ writes.
import { randomUUID } from 'node:crypto';
import { FlowProducer, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * Planted under secret-looking keys in job data, output and progress; no response may show it. (Failure
 * messages and log lines are free text, which a key-based policy cannot redact: none is planted there.)
 */
export const PLANTED_SECRET = 'tok_live_PLANTED_7373';

export interface SeededQueue {
  readonly queue: string;
  /** A queue only the flow's children are in. */
  readonly childQueue: string;
  readonly ids: {
    readonly failed: readonly string[];
    readonly completed: readonly string[];
    readonly active: readonly string[];
    readonly waiting: readonly string[];
    readonly prioritized: readonly string[];
    readonly delayed: readonly string[];
    readonly parent: string;
    readonly children: readonly string[];
  };
}

/**
 * Seeds `payments` (and `payments-children`) under `prefix`: 3 failed, 2 completed (the first of
 * them with log lines and progress), 1 active, 2 waiting, 1 prioritized, 2 delayed, and a parent
 * waiting on 2 children. Ids are in the order the jobs were added.
 */
export async function seedEveryState(client: Redis, prefix: string, queue = 'payments'): Promise<SeededQueue> {
  const childQueue = `${queue}-children`;
  const connection = { connection: client, prefix };
  const producer = new Queue(queue, connection);
  const worker = new Worker(queue, null, { ...connection, autorun: false });
  const flows = new FlowProducer(connection);
  // Each job created a millisecond after the one before, so that newest first is one exact order.
  let clock = Date.now() - 60_000;
  const created = () => ({ timestamp: (clock += 1) });
  try {
    const token = randomUUID();
    const charged = await producer.addBulk(Array.from({ length: 5 }, (_, index) => ({
      name: 'charge', data: { amount: 100 + index, customer: `cus_${index}`, cardToken: PLANTED_SECRET }, opts: { attempts: 1, ...created() },
    })));
    const failed: string[] = [];
    const completed: string[] = [];
    for (const [index] of charged.entries()) {
      const job = await worker.getNextJob(token, { block: false });
      if (!job?.id) throw new Error('seed: BullMQ handed out no job');
      if (index === 3) {
        await job.log('charging');
        await job.log('charged');
        await job.updateProgress({ percent: 100, token: PLANTED_SECRET });
      }
      if (index < 3) {
        await job.moveToFailed(Object.assign(new Error('card was declined'), { name: 'CardDeclined' }), token, false);
        failed.push(job.id);
      } else {
        await job.moveToCompleted({ receipt: `r_${index}`, token: PLANTED_SECRET }, token, false);
        completed.push(job.id);
      }
    }
    await producer.add('charge', { amount: 7, cardToken: PLANTED_SECRET }, created());
    const running = await worker.getNextJob(token, { block: false });
    if (!running?.id) throw new Error('seed: BullMQ handed out no job to keep active');
    const waiting = (await producer.addBulk([0, 1].map((index) => ({ name: 'charge', data: { amount: index, cardToken: PLANTED_SECRET }, opts: created() })))).map((job) => job.id!);
    const prioritized = [(await producer.add('refund', { amount: 3 }, { priority: 5, ...created() })).id!];
    const delayed = (await producer.addBulk([0, 1].map((index) => ({ name: 'charge', data: { amount: index }, opts: { delay: 3_600_000 + index, ...created() } })))).map((job) => job.id!);
    const flow = await flows.add({
      name: 'settle', queueName: queue, data: { batch: 1 }, opts: created(),
      children: [0, 1].map((index) => ({ name: 'notify', queueName: childQueue, data: { index }, opts: created() })),
    });
    return {
      queue,
      childQueue,
      ids: {
        failed, completed, active: [running.id], waiting, prioritized, delayed,
        parent: flow.job.id!, children: (flow.children ?? []).map((child) => child.job.id!),
      },
    };
  } finally {
    await worker.close(true);
    await flows.close();
    await producer.close();
  }
}
