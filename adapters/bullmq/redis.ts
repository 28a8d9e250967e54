import type { Redis } from 'ioredis';

/** One Redis command: its name and arguments, as a pipeline takes it. */
export type Command = readonly [name: string, ...args: (string | number)[]];

/**
 * Sends these commands in one round trip and answers their replies in order; the first command
 * that failed rejects the whole call. Reads only: nothing here is a transaction.
 */
export async function pipelined(client: Redis, commands: readonly Command[]): Promise<unknown[]> {
  if (commands.length === 0) return [];
  const replies = await client.pipeline(commands.map((command) => [...command])).exec();
  if (!replies) throw new Error('ops-jobs: Redis discarded a pipeline of reads');
  return replies.map(([error, reply]) => {
    if (error) throw error;
    return reply;
  });
}

/**
 * Like `pipelined`, but a command that failed answers `undefined` instead of failing the call: for
 * reads keyed by a job id from a request, whose key may turn out to be one of BullMQ's other keys
 * (a list or a set) and answer WRONGTYPE. Such a key is simply not a job.
 */
export async function pipelinedLeniently(client: Redis, commands: readonly Command[]): Promise<unknown[]> {
  if (commands.length === 0) return [];
  const replies = await client.pipeline(commands.map((command) => [...command])).exec();
  if (!replies) throw new Error('ops-jobs: Redis discarded a pipeline of reads');
  return replies.map(([error, reply]) => {
    if (error && !/^WRONGTYPE/.test(error.message)) throw error;
    return error ? undefined : reply;
  });
}

/** The keys of one BullMQ queue: `<prefix>:<queue>:<part>`. */
export interface QueueKeys {
  /** The key of `part`, such as `wait`, `meta`, or a job id. */
  of(part: string): string;
}

export function queueKeys(prefix: string, queue: string): QueueKeys {
  const base = `${prefix}:${queue}:`;
  return { of: (part) => base + part };
}
