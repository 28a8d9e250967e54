// Small generators for believable demo payloads. Random on purpose: the demo should look alive.
import { randomBytes } from 'node:crypto';

/** One item of `items`, uniformly. */
export function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('pick() needs at least one item');
  return item;
}

/** One item of `weighted`, with probability proportional to its weight. */
export function pickWeighted<T>(weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = Math.random() * total;
  for (const [item, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return pick(weighted)[0];
}

/** An integer in [min, max]. */
export function between(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

/** True with probability `p`. */
export function chance(p: number): boolean {
  return Math.random() < p;
}

/** A provider-style id such as `cus_4kq9x2m1`. */
export function id(prefix: string, length = 14): string {
  return `${prefix}_${randomBytes(length).toString('base64url').replace(/[-_]/g, 'x').slice(0, length)}`;
}

const FIRST_NAMES = ['amira', 'jonas', 'li', 'sofia', 'mateo', 'noah', 'priya', 'lena', 'omar', 'chloe', 'kenji', 'zoe'];
const LAST_NAMES = ['haddad', 'berg', 'wei', 'rossi', 'garcia', 'okafor', 'nair', 'novak', 'farouk', 'martin', 'sato', 'kowalski'];
const MAIL_DOMAINS = ['example.com', 'mail.example.org', 'corp.example.net'];

/** A shop customer as the demo's payloads refer to one. */
export interface Customer {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** A new customer with a plausible name and address. */
export function customer(): Customer {
  const first = pick(FIRST_NAMES);
  const last = pick(LAST_NAMES);
  const title = (word: string) => word[0]!.toUpperCase() + word.slice(1);
  return { id: id('cus', 12), name: `${title(first)} ${title(last)}`, email: `${first}.${last}@${pick(MAIL_DOMAINS)}` };
}

/** An order number as the shop prints it. */
export function orderNumber(): string {
  return `ORD-${between(100000, 999999)}`;
}

/** A settlement currency, mostly euros and dollars. */
export function currency(): 'EUR' | 'USD' | 'GBP' {
  return pickWeighted([['EUR', 5], ['USD', 4], ['GBP', 2]] as const);
}

/** An amount in minor units (cents), mostly small, sometimes large. */
export function amountInCents(): number {
  return chance(0.1) ? between(50_000, 250_000) : between(499, 18_999);
}

/** SKUs the warehouse has in stock. */
export const SKUS = ['SKU-TEE-BLK-M', 'SKU-MUG-WHT', 'SKU-HOOD-GRY-L', 'SKU-CAP-NVY', 'SKU-SOCK-3PK', 'SKU-BOTTLE-750'] as const;

/** A SKU the warehouse has none of: reserving it fails every time. */
export const SOLD_OUT_SKU = 'SKU-JACKET-RED-XS';

/** A recipient whose mail server rejects every message. */
export function bouncingAddress(): string {
  return `${pick(FIRST_NAMES)}.${pick(LAST_NAMES)}@bounce.example.net`;
}

/** The number of seconds since the Unix epoch, as provider webhooks stamp them. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
