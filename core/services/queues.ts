import type { Actor } from '../contracts/auth.ts';
import type { QueueInfo } from '../contracts/jobs.ts';
import { NotFoundError } from '../errors.ts';
import type { QueueListResponse, QueueResponse } from '../http/wire.ts';
import type { ServiceContext } from './context.ts';

/** The queues the actor may view, with their counts. */
export async function listQueues(context: ServiceContext, actor: Actor): Promise<QueueListResponse> {
  await context.access.require(actor, 'queues.view', { type: 'console' });
  const queues = await context.engine.listQueues();
  const visible = await Promise.all(queues.map((queue) => context.access.check(actor, 'queues.view', { type: 'queue', queue: queue.name })));
  return { queues: queues.filter((_, index) => visible[index]?.allowed).map((queue) => context.presenter.queue(queue)) };
}

/**
 * Finds a queue the actor may see with `action`, or answers 404. Authorization comes first so that
 * the answer does not reveal whether a queue the actor may not see exists.
 */
export async function findQueue(context: ServiceContext, actor: Actor, action: 'queues.view' | 'jobs.view', name: string): Promise<QueueInfo> {
  await context.access.require(actor, action, { type: 'queue', queue: name });
  const queue = await context.engine.getQueue(name);
  if (!queue) throw new NotFoundError('Queue', `There is no queue named ${JSON.stringify(name)}.`);
  return queue;
}

export async function getQueue(context: ServiceContext, actor: Actor, name: string): Promise<QueueResponse> {
  return context.presenter.queue(await findQueue(context, actor, 'queues.view', name));
}
