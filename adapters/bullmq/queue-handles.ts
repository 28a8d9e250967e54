import type { Redis } from 'ioredis';
import { Queue } from 'bullmq';

/**
 * BullMQ's queue objects on the host's connection, one per queue name, made on first use: an
 * action runs BullMQ's own commands through them. Making one writes nothing to Redis (no metadata,
 * no version check), and their errors surface as the commands' rejections.
 */
export function createQueueHandles(client: Redis, prefix: string): (name: string) => Queue {
  const queues = new Map<string, Queue>();
  return (name) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: client, prefix, skipMetasUpdate: true, skipVersionCheck: true });
      queue.on('error', () => {});
      queues.set(name, queue);
    }
    return queue;
  };
}
