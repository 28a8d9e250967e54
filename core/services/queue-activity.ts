import type { Actor } from '../contracts/auth.ts';
import type { ActivityWindow, QueueActivityResponse } from '../vocabulary/wire.ts';
import type { ServiceContext } from './context.ts';
import { findQueue, queueNotFound } from './queues.ts';

/** Each window's reach and the stretch each of its points covers. */
const WINDOWS: Readonly<Record<ActivityWindow, { readonly seconds: number; readonly bucketSeconds: number }>> = {
  '1h': { seconds: 3600, bucketSeconds: 60 },
  '24h': { seconds: 86_400, bucketSeconds: 1800 },
};

/**
 * A queue's throughput, failures, wait and run times over the window, from the engine's own
 * statistics. An engine that keeps none answers no points, `recorded` false.
 */
export async function getQueueActivity(context: ServiceContext, actor: Actor, name: string, read: () => ActivityWindow): Promise<QueueActivityResponse> {
  await findQueue(context, actor, 'queues.view', name);
  const window = read();
  const { seconds, bucketSeconds } = WINDOWS[window];
  const to = context.clock();
  const from = new Date(to.getTime() - seconds * 1000);
  const frame = { queue: name, window, from: from.toISOString(), to: to.toISOString(), bucketSeconds };
  if (!context.engine.queueActivity) return { ...frame, points: [], recorded: false };
  const activity = await context.engine.queueActivity({ queue: name, from, to, bucketSeconds });
  if (!activity) throw queueNotFound(name);
  return { ...frame, points: activity.points, recorded: activity.recorded };
}
