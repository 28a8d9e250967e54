/** Small conversions into the contract's closed value sets, and the duration measurement. */

/** A high-resolution start time for `millisecondsSince`. */
export function startTimer(): number {
  return performance.now();
}

/** Milliseconds since `started` (from `startTimer`), rounded to microseconds. */
export function millisecondsSince(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}

/** `2xx` for 204 and so on. */
export function statusClassOf(status: number): '1xx' | '2xx' | '3xx' | '4xx' | '5xx' {
  if (status >= 500) return '5xx';
  if (status >= 400) return '4xx';
  if (status >= 300) return '3xx';
  if (status >= 200) return '2xx';
  return '1xx';
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The request method, or `_OTHER` for a method a client made up, so it cannot add series. */
export function methodOf(method: string): (typeof METHODS)[number] | '_OTHER' {
  return (METHODS as readonly string[]).includes(method) ? (method as (typeof METHODS)[number]) : '_OTHER';
}

/** Which engine adapter, from its display name such as `pg-boss 12.38.0`. */
export function engineKindOf(name: string): 'pg-boss' | 'bullmq' | 'other' {
  if (/^pg-?boss\b/i.test(name)) return 'pg-boss';
  if (/^bullmq\b/i.test(name)) return 'bullmq';
  return 'other';
}
