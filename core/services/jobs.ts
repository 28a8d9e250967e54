import type { Actor } from '../contracts/auth.ts';
import type { JobState } from '../contracts/jobs.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { JobDetailResponse, JobPageResponse } from '../http/wire.ts';
import type { ServiceContext } from './context.ts';
import { decodeCursor, encodeCursor, listingKey } from './cursor.ts';
import { findQueue } from './queues.ts';


export interface JobListRequest {
  readonly queue: string;
  readonly state: JobState | null;
  /** Page size, already checked by the caller. */
  readonly limit: number;
  readonly cursor: string | null;
}

/** One page of a queue's jobs, newest first. */
export async function listJobs(context: ServiceContext, actor: Actor, request: JobListRequest): Promise<JobPageResponse> {
  const { queue, state, limit, cursor } = request;
  if (state !== null && !context.engine.capabilities.states.includes(state)) {
    throw new InvalidInputError('state', `This engine has no state ${JSON.stringify(state)}; use one of ${context.engine.capabilities.states.join(', ')}.`);
  }
  await findQueue(context, actor, 'jobs.view', queue);
  const listing = listingKey('jobs', queue, state);
  const after = cursor === null ? undefined : decodeCursor(listing, cursor);
  const page = await context.engine.listJobs({ queue, limit, ...(state === null ? {} : { state }), ...(after ? { after } : {}) });
  return {
    jobs: page.jobs.map((job) => context.presenter.jobSummary(job, actor)),
    nextCursor: page.next === null ? null : encodeCursor(listing, page.next),
  };
}

/** One job with its data, output, error, attempts and timings, as the display policy allows. */
export async function getJob(context: ServiceContext, actor: Actor, queue: string, id: string): Promise<JobDetailResponse> {
  await context.access.require(actor, 'jobs.view', { type: 'job', queue, id });
  await findQueue(context, actor, 'jobs.view', queue);
  const job = await context.engine.getJob(queue, id);
  if (!job) throw new NotFoundError('Job', `Queue ${JSON.stringify(queue)} has no job with id ${JSON.stringify(id)}.`);
  return context.presenter.jobDetail(job, actor);
}
