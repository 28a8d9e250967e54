import type { Actor } from '../contracts/auth.ts';
import type { ServiceContext } from './context.ts';

/**
 * The queues among `queues` that the actor may see (`queues.view` on each), in their order: what
 * the queue list answers with and what the live stream passes on. The host is asked about every
 * queue at once.
 */
export async function visibleQueues<Queue extends { readonly name: string }>(
  context: Pick<ServiceContext, 'access'>,
  actor: Actor,
  queues: readonly Queue[],
): Promise<Queue[]> {
  const verdicts = await Promise.all(queues.map((queue) => context.access.check(actor, 'queues.view', { type: 'queue', queue: queue.name })));
  return queues.filter((_, index) => verdicts[index]?.allowed);
}
