// Every command one Redis client sends, as the server saw it (MONITOR on a second connection), so
// that a test can check what a request cost in Redis commands and which ones.
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { connectRedis } from './redis.ts';

/** One command as MONITOR reported it: its name in lower case and its arguments. */
export interface SeenCommand {
  readonly name: string;
  readonly args: readonly string[];
}

export interface CommandLog {
  /** The commands `client` sends while `work` runs, in order, once the server has seen all of them. */
  during<T>(work: () => Promise<T>): Promise<{ readonly result: T; readonly commands: readonly SeenCommand[] }>;
  close(): Promise<void>;
}

/** Watches the commands of `client` (an ioredis client already connected). */
export async function watchCommands(client: Redis): Promise<CommandLog> {
  const watcher = await connectRedis();
  const monitor = await watcher.monitor();
  const source = `${client.stream.localAddress}:${client.stream.localPort}`;
  let seen: SeenCommand[] = [];
  let waiting: { marker: string; resolve: () => void } | null = null;
  monitor.on('monitor', (_time: string, args: string[], from: string) => {
    if (from !== source) return;
    const [name = '', ...rest] = args;
    if (waiting && name.toLowerCase() === 'echo' && rest[0] === waiting.marker) {
      waiting.resolve();
      return;
    }
    seen.push({ name: name.toLowerCase(), args: rest });
  });
  // The server reports commands in the order it ran them: once it reports this one, it has reported the rest.
  async function caughtUp(): Promise<void> {
    const marker = randomUUID();
    const reported = new Promise<void>((resolve) => { waiting = { marker, resolve }; });
    await client.echo(marker);
    await reported;
    waiting = null;
  }
  return {
    async during(work) {
      // Commands sent before are reported asynchronously too: let them all arrive, then start afresh.
      await caughtUp();
      seen = [];
      const result = await work();
      await caughtUp();
      return { result, commands: seen };
    },
    async close() {
      monitor.disconnect();
      watcher.disconnect();
    },
  };
}
