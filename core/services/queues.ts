import type { Actor } from '../contracts/auth.ts';
import type { QueueDescription } from '../contracts/jobs.ts';
import { NotFoundError } from '../errors.ts';
import type { QueueListResponse, QueueResponse } from '../vocabulary/wire.ts';
import type { ServiceContext } from './context.ts';
import { NO_COUNTS, withCounts } from './queue-info.ts';
import { visibleQueues } from './visible-queues.ts';

/** The queues the actor may view, with their counts. Only the visible queues are counted. */
export async function listQueues(context: ServiceContext, actor: Actor): Promise<QueueListResponse> {
  await context.access.require(actor, 'queues.view', { type: 'console' });
  const queues = await context.engine.listQueues();
  const shown = await withCounts(context.engine, await visibleQueues(context, actor, queues));
  return { queues: shown.map((queue) => context.presenter.queue(queue)) };
}

/**
 * Finds a queue the actor may see with `action`, or answers 404: a lookup by name, never a count.
 * Authorization comes first so that the answer does not reveal whether a queue the actor may not
 * see exists.
 */
export async function findQueue(context: ServiceContext, actor: Actor, action: 'queues.view' | 'jobs.view', name: string): Promise<QueueDescription> {
  await context.access.require(actor, action, { type: 'queue', queue: name });
  const queue = await context.engine.findQueue(name);
  if (!queue) throw queueNotFound(name);
  return queue;
}

export function queueNotFound(name: string): NotFoundError {
  return new NotFoundError('Queue', `There is no queue named ${JSON.stringify(name)}.`);
}

/**
 * One queue with its counts and settings, and the queues whose dead letter queue it is (read from
 * the queues themselves, not their jobs), which redrive needs.
 */
export async function getQueue(context: ServiceContext, actor: Actor, name: string): Promise<QueueResponse> {
  await context.access.require(actor, 'queues.view', { type: 'queue', queue: name });
  // The queues (this one among them, and those that dead-letter into it) and its counts, at once.
  const [all, counted] = await Promise.all([context.engine.listQueues(), context.engine.countJobs([name])]);
  const queue = all.find((candidate) => candidate.name === name);
  if (!queue) throw queueNotFound(name);
  const { counts, total, stale } = counted.find((entry) => entry.queue === name) ?? NO_COUNTS;
  const deadLetterFor = all.filter((other) => other.deadLetterQueue === name).map((other) => other.name);
  return context.presenter.queue({ ...queue, counts, total, stale, deadLetterFor });
}
