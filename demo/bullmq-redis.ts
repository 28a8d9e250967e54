import { Redis } from 'ioredis';

/** The Redis the BullMQ demo runs on: `REDIS_URL`, or the local default. */
export const DEMO_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The URL fit for a message: its password masked. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? '***' : '';
    return parsed.toString();
  } catch {
    return '(unparseable REDIS_URL)';
  }
}

/**
 * Connects to Redis as BullMQ needs it (no per-request retry limit), or rejects with a message
 * that says where it looked and how to start Redis. Once connected, a dropped connection is
 * retried as usual.
 */
export async function connectDemoRedis(url: string = DEMO_REDIS_URL): Promise<Redis> {
  let connected = false;
  const client = new Redis(url, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    connectTimeout: 3000,
    retryStrategy: (times) => (connected ? Math.min(times * 200, 5000) : null),
  });
  // The first failure says why (ECONNREFUSED, a DNS error...); connect() itself only says the connection closed.
  let firstError: Error | undefined;
  client.on('error', (error: Error) => {
    firstError ??= error;
    if (connected) console.error('ops-jobs demo: Redis connection error:', error.message);
  });
  try {
    await client.connect();
    await client.ping();
    connected = true;
  } catch (caught) {
    client.disconnect();
    const error = firstError ?? caught;
    throw new Error(
      `Redis is not reachable at ${describeUrl(url)} (${error instanceof Error ? error.message || error.name : String(error)}). ` +
        'Start Redis (for example `redis-server`, or `docker run -p 6379:6379 redis:7`) or set REDIS_URL, then run `npm run demo:bullmq` again.',
      { cause: error },
    );
  }
  return client;
}
