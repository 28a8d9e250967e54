// The demo's workers: each pretends to call an outside service, takes a believable time, and
// fails the way that service fails. Whether a job fails is decided by its data (a declined card
// token, a bouncing address, a host that is down) or by chance for transient errors, so the
// console always has retries, failures and dead letters to show.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'pg-boss';
import { between, chance, id, SOLD_OUT_SKU } from './fake-data.ts';
import { CARD_TOKENS, DOWN_WEBHOOK_HOST } from './workload-jobs.ts';
import type { WorkedQueue } from './workload-queues.ts';
import { CardError, DeliveryError, GatewayTimeoutError, QueryTimeoutError, SmtpError, StockError } from './workload-errors.ts';

type Data = Record<string, any>;

/** Handles one job; what it returns is stored as the job's output. */
export type DemoHandler = (job: Job<Data>) => Promise<Record<string, unknown>>;

/** Waits `min`..`max` ms, or less if the job is aborted (pg-boss aborts on stop and on expiry). */
async function busy(job: Job<Data>, min: number, max: number): Promise<void> {
  await sleep(between(min, max), undefined, { signal: job.signal });
}

const firstAttempt = (job: Job<Data>) => job.retryCount === 0;

async function capturePayment(job: Job<Data>): Promise<Record<string, unknown>> {
  await busy(job, 200, 900);
  const { cardToken, amount, currency } = job.data;
  if (cardToken === CARD_TOKENS.insufficientFunds) throw new CardError('Your card has insufficient funds.', 'insufficient_funds');
  if (cardToken === CARD_TOKENS.expired) throw new CardError('Your card has expired.', 'expired_card');
  if (cardToken === CARD_TOKENS.processingError && firstAttempt(job)) throw new GatewayTimeoutError('adyen', 10_000);
  if (firstAttempt(job) && chance(0.04)) throw new GatewayTimeoutError('adyen', 10_000);
  return { chargeId: id('ch', 16), status: 'succeeded', amountCaptured: amount, currency, capturedAt: new Date().toISOString() };
}

async function sendEmail(job: Job<Data>): Promise<Record<string, unknown>> {
  await busy(job, 100, 400);
  const to = String(job.data.to);
  if (to.endsWith('@bounce.example.net')) {
    throw new SmtpError(550, `5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table`);
  }
  if (firstAttempt(job) && chance(0.05)) throw new SmtpError(421, '4.7.0 Try again later, closing connection (rate limited)');
  return { messageId: `<${id('m', 20)}@outbound.example.com>`, provider: 'postmark', acceptedAt: new Date().toISOString() };
}

async function buildReport(job: Job<Data>): Promise<Record<string, unknown>> {
  const started = Date.now();
  await busy(job, 6_000, 20_000);
  if (chance(0.12)) throw new QueryTimeoutError(15_000);
  const rows = between(1_200, 480_000);
  return {
    url: `https://reports.example.com/r/${job.data.reportId}.${job.data.format}`,
    rows,
    bytes: rows * between(60, 140),
    durationMs: Date.now() - started,
  };
}

async function deliverWebhook(job: Job<Data>): Promise<Record<string, unknown>> {
  const url = String(job.data.url);
  if (new URL(url).hostname === DOWN_WEBHOOK_HOST) {
    await busy(job, 300, 1_200);
    throw chance(0.5)
      ? new DeliveryError(url, 503, `POST ${url} responded 503 Service Unavailable`)
      : new DeliveryError(url, null, `connect ECONNREFUSED 203.0.113.42:443 (POST ${url})`);
  }
  await busy(job, 80, 1_500);
  if (firstAttempt(job) && chance(0.08)) throw new DeliveryError(url, 502, `POST ${url} responded 502 Bad Gateway`);
  return { status: 200, durationMs: between(40, 900), responseBody: '{"received":true}' };
}

async function reserveStock(job: Job<Data>): Promise<Record<string, unknown>> {
  await busy(job, 100, 300);
  const lines = (job.data.lines ?? []) as { sku: string; quantity: number }[];
  const soldOut = lines.find((line) => line.sku === SOLD_OUT_SKU);
  if (soldOut) throw new StockError(soldOut.sku, soldOut.quantity, 0);
  return { reservationId: id('res', 12), warehouse: job.data.warehouse, expiresAt: new Date(Date.now() + 30 * 60_000).toISOString() };
}

async function createLabel(job: Job<Data>): Promise<Record<string, unknown>> {
  await busy(job, 1_500, 4_000);
  const carrier = String(job.data.carrier);
  return { carrier, trackingNumber: `${carrier.toUpperCase()}${between(10 ** 9, 10 ** 10 - 1)}`, labelUrl: `https://labels.example.com/${id('lbl', 12)}.pdf` };
}

async function purgeSessions(job: Job<Data>): Promise<Record<string, unknown>> {
  await busy(job, 150, 600);
  return { purged: between(0, 420), olderThanHours: job.data.olderThanHours };
}

/** How each worked queue is handled, and how many of its jobs this process runs at once. */
export const HANDLERS: Readonly<Record<WorkedQueue, { readonly handle: DemoHandler; readonly concurrency: number }>> = {
  'payments.capture': { handle: capturePayment, concurrency: 3 },
  'email.send': { handle: sendEmail, concurrency: 3 },
  'reports.build': { handle: buildReport, concurrency: 2 },
  'webhooks.deliver': { handle: deliverWebhook, concurrency: 2 },
  'inventory.reserve': { handle: reserveStock, concurrency: 1 },
  'shipping.create-label': { handle: createLabel, concurrency: 1 },
  'maintenance.purge-sessions': { handle: purgeSessions, concurrency: 1 },
};
