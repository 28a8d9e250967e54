import type { Actor } from '../contracts/auth.ts';
import { InvalidInputError } from '../errors.ts';
import type { JobSearchResponse } from '../vocabulary/wire.ts';
import type { ServiceContext } from './context.ts';

/** Most jobs a lookup by id answers with: enough to pick from, few enough to read at once. */
export const JOB_SEARCH_LIMIT = 20;

/**
 * The jobs whose id starts with what `read` gives, of the queues the actor may see, for an operator
 * who has an id from a log or an alert and not its queue. `read` parses the request, once the actor
 * may see jobs at all.
 */
export async function findJobsById(context: ServiceContext, actor: Actor, read: () => string): Promise<JobSearchResponse> {
  await context.access.require(actor, 'jobs.view', { type: 'console' });
  const idPrefix = read();
  const engine = context.engine;
  if (!engine.findJobs) throw new InvalidInputError('id', `The ${engine.name} engine cannot look jobs up by id across queues; open the job's queue instead.`);
  const found = await engine.findJobs(idPrefix.trim(), JOB_SEARCH_LIMIT + 1);
  const visible = await Promise.all(found.map((job) => context.access.check(actor, 'jobs.view', { type: 'queue', queue: job.queue })));
  const shown = found.filter((_, index) => visible[index]?.allowed);
  return {
    jobs: shown.slice(0, JOB_SEARCH_LIMIT).map((job) => context.presenter.jobSummary(job, actor)),
    more: shown.length > JOB_SEARCH_LIMIT,
  };
}
