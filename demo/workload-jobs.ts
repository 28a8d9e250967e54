// What the demo's "application" enqueues: one builder per kind of job, with the payload a real
// shop would send. Secrets are fake but look real, so the display policy has something to hide.
import type { FlowJob, SendOptions } from 'pg-boss';
import {
  amountInCents, between, bouncingAddress, chance, currency, customer, id, orderNumber, pick, pickWeighted, SKUS,
  SOLD_OUT_SKU, unixNow,
} from './fake-data.ts';
import type { Customer } from './fake-data.ts';
import type { WorkedQueue } from './workload-queues.ts';

/** A job ready to send. */
export interface DemoJob {
  readonly queue: WorkedQueue;
  readonly data: Record<string, unknown>;
  readonly options?: SendOptions;
}

/** Card tokens as a card processor's test mode names them; the token decides how a capture ends. */
export const CARD_TOKENS = {
  ok: ['tok_visa', 'tok_mastercard', 'tok_amex'],
  insufficientFunds: 'tok_chargeDeclinedInsufficientFunds',
  expired: 'tok_chargeDeclinedExpiredCard',
  processingError: 'tok_chargeDeclinedProcessingError',
} as const;

/** Endpoints whose host is down for the whole demo: deliveries to them end in the dead letter queue. */
export const DOWN_WEBHOOK_HOST = 'hooks.legacy-erp.example';

/** How a payment capture will end: decided by the card token it carries. */
export type CaptureOutcome = 'ok' | 'insufficientFunds' | 'expired' | 'processingError';

function cardToken(outcome: CaptureOutcome): string {
  return outcome === 'ok' ? pick(CARD_TOKENS.ok) : CARD_TOKENS[outcome];
}

/** Captures an order's payment; `outcome` is random (mostly `ok`) unless given. */
export function paymentCapture(outcome?: CaptureOutcome, order = orderNumber(), buyer: Customer = customer()): DemoJob {
  const decided = outcome ?? pickWeighted<CaptureOutcome>([['ok', 86], ['insufficientFunds', 5], ['expired', 3], ['processingError', 6]]);
  return {
    queue: 'payments.capture',
    data: {
      paymentId: id('pi', 16),
      orderNumber: order,
      customerId: buyer.id,
      amount: amountInCents(),
      currency: currency(),
      cardToken: cardToken(decided),
      source: pick(['checkout', 'checkout', 'subscription-renewal', 'invoice']),
      idempotencyKey: id('idem', 20),
    },
  };
}

const TEMPLATES = ['order-confirmation', 'password-reset', 'invoice-available', 'welcome', 'shipping-update'] as const;

/** A transactional email; `bounce` sends it to an address whose server rejects it. */
export function emailSend(options: { bounce?: boolean; template?: (typeof TEMPLATES)[number]; to?: Customer } = {}): DemoJob {
  const to = options.to ?? customer();
  const template = options.template ?? pick(TEMPLATES);
  return {
    queue: 'email.send',
    data: {
      to: options.bounce ? bouncingAddress() : to.email,
      template,
      locale: pick(['en-GB', 'en-US', 'de-DE', 'fr-FR', 'nl-NL']),
      variables: { name: to.name, orderNumber: orderNumber(), supportUrl: 'https://help.example.com' },
      options: { provider: 'postmark', apiKey: `pm_live_${id('k', 24).slice(2)}`, trackOpens: true, messageStream: 'outbound' },
    },
  };
}

/** A reminder that is not due yet: visible as a scheduled job until `delaySeconds` pass. */
export function delayedReminder(delaySeconds = between(120, 1800)): DemoJob {
  const job = emailSend({ template: 'invoice-available' });
  return { ...job, data: { ...job.data, template: 'payment-reminder' }, options: { startAfter: delaySeconds } };
}

const REPORT_KINDS = ['monthly-revenue', 'refunds-by-reason', 'churn-cohorts', 'inventory-valuation', 'vat-summary'] as const;

/** A slow report build (several seconds), visible as active while it runs. */
export function reportBuild(kind: (typeof REPORT_KINDS)[number] = pick(REPORT_KINDS)): DemoJob {
  return {
    queue: 'reports.build',
    data: {
      reportId: id('rep', 10),
      kind,
      period: pick(['2026-08', '2026-09', '2026-10', '2026-Q3']),
      format: pick(['pdf', 'csv', 'xlsx']),
      requestedBy: customer().email.replace(/@.*/, '@ops.example.com'),
      filters: { region: pick(['EU', 'US', 'UK', 'ALL']), includeRefunds: chance(0.5) },
    },
  };
}

const EVENTS = ['invoice.paid', 'order.created', 'order.shipped', 'customer.updated', 'refund.issued'] as const;

/** A webhook to a partner; `down` targets the endpoint that never answers, so it ends in the dead letter queue. */
export function webhookDelivery(options: { down?: boolean; event?: (typeof EVENTS)[number] } = {}): DemoJob {
  const host = options.down ? DOWN_WEBHOOK_HOST : pick(['hooks.partner-crm.example', 'api.accounting.example', 'events.warehouse.example']);
  const event = options.event ?? pick(EVENTS);
  return {
    queue: 'webhooks.deliver',
    data: {
      endpointId: id('we', 10),
      url: `https://${host}/webhooks/shop`,
      event,
      payload: { id: id('evt', 18), type: event, created: unixNow(), data: { object: { id: id('obj', 12), livemode: true } } },
      signingSecret: `whsec_${id('s', 28).slice(2)}`,
    },
  };
}

/** A redelivery that a partner asked for, due later. */
export function delayedWebhook(delaySeconds = between(30, 300)): DemoJob {
  return { ...webhookDelivery({ event: 'order.created' }), options: { startAfter: delaySeconds } };
}

/** Data of the every-minute session purge schedule. */
export function purgeSessions(): Record<string, unknown> {
  return { olderThanHours: 24, batchSize: 500 };
}

/**
 * An order's fulfilment as a flow: reserve stock, then capture payment, then print the label and
 * tell the partner's ERP in parallel, and mail the customer once the label exists. A sold-out line
 * fails the reservation, which leaves the rest blocked, as an operator would find it.
 */
export function orderFulfilmentFlow(options: { soldOut?: boolean; decline?: boolean } = {}): FlowJob[] {
  const order = orderNumber();
  const buyer = customer();
  const lines: { sku: string; quantity: number }[] = [{ sku: pick(SKUS), quantity: between(1, 3) }];
  if (options.soldOut) lines.push({ sku: SOLD_OUT_SKU, quantity: 1 });
  const capture = paymentCapture(options.decline ? 'insufficientFunds' : 'ok', order, buyer);
  const email = emailSend({ template: 'shipping-update', to: buyer });
  return [
    { ref: 'reserve', name: 'inventory.reserve', data: { orderNumber: order, warehouse: pick(['AMS-1', 'FRA-2', 'DUB-1']), lines } },
    { ref: 'capture', name: capture.queue, data: capture.data, dependsOn: ['reserve'] },
    {
      ref: 'label',
      name: 'shipping.create-label',
      data: {
        orderNumber: order,
        carrier: pick(['dhl', 'ups', 'postnl']),
        service: pick(['standard', 'express']),
        address: { name: buyer.name, line1: `${between(1, 240)} Harbour Street`, city: pick(['Amsterdam', 'Berlin', 'Dublin', 'Lyon']), country: pick(['NL', 'DE', 'IE', 'FR']) },
        parcel: { weightGrams: between(150, 4000) },
      },
      dependsOn: ['capture'],
    },
    { ref: 'erp', name: 'webhooks.deliver', data: webhookDelivery({ event: 'invoice.paid' }).data, dependsOn: ['capture'] },
    { ref: 'notify', name: email.queue, data: { ...email.data, variables: { name: buyer.name, orderNumber: order } }, dependsOn: ['label'] },
  ];
}
