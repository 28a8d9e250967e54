// A Redis server of the bench's own, so that its INFO counters hold only what the bench sends.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

export interface PrivateRedis {
  readonly url: string;
  /** Whether the server is the bench's own (false: `BENCH_REDIS_URL`, shared with whatever else uses it). */
  readonly own: boolean;
  readonly version: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function versionOf(url: string): Promise<string> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return /redis_version:(\S+)/.exec(await client.info('server'))?.[1] ?? 'unknown';
  } finally {
    client.disconnect();
  }
}

/** `BENCH_REDIS_URL` when set; otherwise `redis-server` started on a free loopback port, without persistence. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const given = process.env.BENCH_REDIS_URL;
  if (given) return { url: given, own: false, version: await versionOf(given), stop: async () => {} };
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = once(child, 'error').then(([error]) => { throw new Error(`redis-server could not start (${(error as Error).message}); install Redis or set BENCH_REDIS_URL`); });
  const url = `redis://127.0.0.1:${port}`;
  const ready = (async () => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      try {
        return await versionOf(url);
      } catch {
        await sleep(100);
      }
    }
    throw new Error(`redis-server did not answer on port ${port}`);
  })();
  const version = await Promise.race([ready, failed]);
  // Past the start, a failure to spawn can no longer come; nothing waits for it.
  failed.catch(() => {});
  return {
    url,
    own: true,
    version,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
