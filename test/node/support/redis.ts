// The Redis server the BullMQ tests share, and how each test keeps to a key prefix of its own. A
// server that cannot be reached fails the tests that need it, saying how to start it; it never
// skips them.
import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import { Redis } from 'ioredis';
import { globEscape } from '../../../adapters/bullmq/discovery.ts';

/** The test Redis: `REDIS_URL`, or the local server CI starts. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test or run uses, so runs can share the server: `ops-test-<label>-<pid>-<random>`. */
export function uniquePrefix(label: string): string {
  return `ops-test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** A Redis URL fit for a message: its password masked. */
export function describeRedisUrl(url: string = REDIS_URL): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? '***' : '';
    return parsed.toString();
  } catch {
    return '(unparseable REDIS_URL)';
  }
}

/** The error for a server that did not answer: what the tests need, and how to give it to them. */
export function redisUnreachable(error: unknown, url: string = REDIS_URL): Error {
  return new Error(
    `These tests require Redis, which was not reachable at ${describeRedisUrl(url)} ` +
      `(${error instanceof Error ? error.message || error.name : String(error)}). Start Redis (for example \`redis-server --daemonize yes\`), ` +
      'or set REDIS_URL to a server these tests may write keys to, e.g. REDIS_URL=redis://127.0.0.1:6379 npm test',
    { cause: error },
  );
}

/** A connected client (as BullMQ wants it: no retries per request limit), once Redis answered; rejects with `redisUnreachable` otherwise. */
export async function connectRedis(): Promise<Redis> {
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: 3000, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw redisUnreachable(error);
  }
  return client;
}

/** Deletes every key under `prefix:` with SCAN and UNLINK, a batch at a time. */
export async function deletePrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${globEscape(prefix)}:*`, 'COUNT', 5000);
    if (keys.length > 0) await client.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Redis for one suite: a client, and the prefixes to delete after it. */
export interface SuiteRedis {
  /** Push each prefix a test writes under here. */
  readonly prefixes: string[];
  client(): Redis;
}

/**
 * Call inside a `describe` (or at a test file's top level): connects before its tests, so they fail
 * saying what is needed when Redis is down, and deletes the keys of the prefixes they used after them.
 */
export function useRedis(): SuiteRedis {
  let client: Redis | undefined;
  const prefixes: string[] = [];
  before(async () => {
    client = await connectRedis();
  });
  after(async () => {
    if (!client) return;
    for (const prefix of prefixes) await deletePrefix(client, prefix);
    client.disconnect();
  });
  return {
    prefixes,
    client() {
      if (!client) throw new Error('Redis used before the suite connected');
      return client;
    },
  };
}
