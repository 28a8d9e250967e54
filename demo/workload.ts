/**
 * A believable, bounded stream of background work for the demo hosts: queues with retries and
 * dead letter queues, workers that succeed, fail and retry, slow reports, delayed jobs, cron
 * schedules and an order-fulfilment flow. A first batch is sent at start so the console has
 * failures, dead letters and active jobs to show within seconds.
 */
import type { PgBoss } from 'pg-boss';
import { chance, pickWeighted } from './fake-data.ts';
import { HANDLERS } from './workload-handlers.ts';
import {
  delayedReminder, delayedWebhook, emailSend, orderFulfilmentFlow, paymentCapture, purgeSessions, reportBuild, webhookDelivery,
} from './workload-jobs.ts';
import type { DemoJob } from './workload-jobs.ts';
import { DEMO_QUEUES, MAX_JOBS_PER_QUEUE, WORKED_QUEUES } from './workload-queues.ts';

/** A running workload. */
export interface Workload {
  /** Stops producing jobs. Workers stop with pg-boss itself (`boss.stop()`). */
  stop(): Promise<void>;
}

export interface WorkloadOptions {
  /** Seconds between rounds of new jobs. Default 3. */
  readonly intervalSeconds?: number;
  /** Send the first batch at start. Default true. */
  readonly seed?: boolean;
  /** Where problems producing jobs are reported. Default `console`. */
  readonly logger?: Pick<Console, 'warn'>;
}

async function send(boss: PgBoss, job: DemoJob): Promise<void> {
  await boss.send(job.queue, job.data, job.options ?? {});
}

async function createQueues(boss: PgBoss): Promise<void> {
  for (const { name, ...options } of DEMO_QUEUES) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
  }
}

async function startWorkers(boss: PgBoss): Promise<void> {
  for (const queue of WORKED_QUEUES) {
    const { handle, concurrency } = HANDLERS[queue];
    await boss.work<Record<string, unknown>>(queue, { pollingIntervalSeconds: 1, localConcurrency: concurrency }, async ([job]) =>
      job ? await handle(job) : undefined,
    );
  }
}

async function createSchedules(boss: PgBoss): Promise<void> {
  await boss.schedule('maintenance.purge-sessions', '* * * * *', purgeSessions(), { key: 'every-minute' });
  await boss.schedule('reports.build', '0 2 * * *', reportBuild('monthly-revenue').data, { key: 'nightly-revenue', tz: 'Europe/Amsterdam' });
  await boss.schedule('reports.build', '30 6 * * 1', reportBuild('churn-cohorts').data, { key: 'weekly-churn', tz: 'Europe/Amsterdam' });
  // No worker takes these jobs here and the queue lets one wait at a time, so every run after the
  // first is dropped by pg-boss: a schedule that misses its runs, as one does when its worker is down.
  await boss.schedule('ledger.reconcile', '* * * * *', { ledger: 'EU-main' }, { key: 'every-minute' });
}

/** The first batch: every kind of outcome, several of them failing or dead-lettered within seconds. */
async function seed(boss: PgBoss): Promise<void> {
  // Sent first so that the first failures (no retries on stock conflicts, a bounce) land early.
  await boss.flow(orderFulfilmentFlow({ soldOut: true }));
  const jobs: DemoJob[] = [
    paymentCapture('ok'), paymentCapture('ok'), paymentCapture('ok'), paymentCapture('ok'),
    paymentCapture('insufficientFunds'), paymentCapture('expired'), paymentCapture('processingError'),
    emailSend({ bounce: true }), emailSend(), emailSend(), emailSend({ template: 'password-reset' }), emailSend({ bounce: true }),
    delayedReminder(600), delayedReminder(1800), delayedWebhook(120),
    reportBuild(), reportBuild(), reportBuild(),
    webhookDelivery(), webhookDelivery(), webhookDelivery({ down: true }),
  ];
  await Promise.all(jobs.map((job) => send(boss, job)));
  await boss.flow(orderFulfilmentFlow());
  await boss.flow(orderFulfilmentFlow());
  await boss.flow(orderFulfilmentFlow({ decline: true }));
}

/** One round of new work: a few jobs, now and then a flow or a job that is due later. */
function nextRound(): (DemoJob | 'flow')[] {
  const round: (DemoJob | 'flow')[] = [];
  const count = 1 + Math.floor(Math.random() * 3);
  for (let index = 0; index < count; index += 1) {
    round.push(
      pickWeighted<() => DemoJob | 'flow'>([
        [() => paymentCapture(), 5],
        [() => emailSend({ bounce: chance(0.06) }), 5],
        [() => webhookDelivery({ down: chance(0.08) }), 3],
        [() => reportBuild(), 1],
        [() => delayedReminder(), 1],
        [() => delayedWebhook(), 0.5],
        [() => 'flow', 1],
      ])(),
    );
  }
  return round;
}

async function queueSizes(boss: PgBoss): Promise<Map<string, number>> {
  const queues = await boss.getQueues();
  return new Map(queues.map((queue) => [queue.name, queue.totalCount ?? 0]));
}

async function produce(boss: PgBoss): Promise<void> {
  const sizes = await queueSizes(boss);
  const full = (queue: string) => (sizes.get(queue) ?? 0) >= MAX_JOBS_PER_QUEUE;
  for (const item of nextRound()) {
    if (item === 'flow') {
      if (!full('inventory.reserve')) await boss.flow(orderFulfilmentFlow({ soldOut: chance(0.1), decline: chance(0.05) }));
    } else if (!full(item.queue)) {
      await send(boss, item);
    }
  }
}

/**
 * Creates the demo queues (if missing) and nothing else: no workers, schedules or jobs, so the
 * only changes are the ones a visitor makes (`DEMO_WORKLOAD=off`).
 */
export async function startQuietWorkload(boss: PgBoss): Promise<Workload> {
  await createQueues(boss);
  return { stop: async () => {} };
}

/**
 * Creates the demo queues (if missing), starts their workers and schedules, sends the first batch
 * and keeps sending a few jobs every few seconds. `boss` must be started.
 */
export async function startWorkload(boss: PgBoss, options: WorkloadOptions = {}): Promise<Workload> {
  const logger = options.logger ?? console;
  await createQueues(boss);
  await startWorkers(boss);
  await createSchedules(boss);
  if (options.seed ?? true) await seed(boss);

  let round: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (round) return; // a slow database: skip a beat rather than pile rounds up
    round = produce(boss)
      .catch((error: unknown) => logger.warn(`demo workload: could not send jobs: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        round = null;
      });
  }, (options.intervalSeconds ?? 3) * 1000);
  timer.unref();

  return {
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
}
