import type { Actor } from '../contracts/auth.ts';
import { MAX_SUMMARY_FIELDS, type DataFilter } from '../vocabulary/data-filter.ts';
import type { JobState } from '../vocabulary/job-states.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { JobDetail } from '../contracts/jobs.ts';
import { isJobValuePart, JOB_VALUE_PARTS } from '../vocabulary/job-value-parts.ts';
import type { JobDetailResponse, JobPageResponse, Shown } from '../vocabulary/wire.ts';
import type { ServiceContext } from './context.ts';
import { decodeCursor, encodeCursor, listingKey } from './cursor.ts';
import { findQueue, queueNotFound } from './queues.ts';


export interface JobListRequest {
  readonly queue: string;
  readonly state: JobState | null;
  /** Payload conditions; each field must be searchable under the display policy. */
  readonly data: readonly DataFilter[];
  /** Page size, already checked by the caller. */
  readonly limit: number;
  readonly cursor: string | null;
}

/** One page of a queue's jobs, newest first. */
export async function listJobs(context: ServiceContext, actor: Actor, request: JobListRequest): Promise<JobPageResponse> {
  const { queue, state, data, limit, cursor } = request;
  if (state !== null && !context.engine.capabilities.states.includes(state)) {
    throw new InvalidInputError('state', `This engine has no state ${JSON.stringify(state)}; use one of ${context.engine.capabilities.states.join(', ')}.`);
  }
  await context.access.require(actor, 'jobs.view', { type: 'queue', queue });
  checkDataFilters(context, actor, queue, data);
  const listing = listingKey('jobs', queue, state, data);
  const after = cursor === null ? undefined : decodeCursor(listing, cursor);
  const fields = summaryFields(context, actor, queue);
  const page = await context.engine.listJobs({
    queue, limit, ...(state === null ? {} : { state }), ...(data.length > 0 ? { data } : {}), ...(after ? { after } : {}),
    ...(fields.length > 0 ? { fields } : {}),
  });
  // One read when the queue has jobs to show; only an empty page asks whether the queue exists.
  if (page.jobs.length === 0 && page.next === null) await findQueue(context, actor, 'jobs.view', queue);
  return {
    jobs: page.jobs.map((job) => context.presenter.jobSummary(job, actor, fields)),
    nextCursor: page.next === null ? null : encodeCursor(listing, page.next),
    stoppedEarly: page.stoppedEarly === true,
  };
}

/**
 * The payload fields whose values the job list shows in its summary column: the first few the
 * display policy lists as searchable for this operator and queue, where the engine reads payloads.
 */
function summaryFields(context: ServiceContext, actor: Actor, queue: string): string[] {
  if (!context.engine.capabilities.dataFilters) return [];
  return context.presenter.searchableFields({ actor, queue }).slice(0, MAX_SUMMARY_FIELDS);
}

/** Refuses payload conditions the engine cannot run or the display policy does not allow. */
export function checkDataFilters(context: ServiceContext, actor: Actor, queue: string, data: readonly DataFilter[]): void {
  if (data.length === 0) return;
  if (!context.engine.capabilities.dataFilters) {
    throw new InvalidInputError('data', `The ${context.engine.name} engine cannot filter jobs on their payload.`);
  }
  context.presenter.assertSearchable(data, { actor, queue });
}

/** One job with its data, output, error, attempts and timings, as the display policy allows. */
export async function getJob(context: ServiceContext, actor: Actor, queue: string, id: string): Promise<JobDetailResponse> {
  await mayView(context, actor, queue, id);
  return context.presenter.jobDetail(await readJob(context, queue, id), actor);
}

/**
 * One part of a job (its data, output, error or options) whole, as the display policy allows:
 * what the detail previews or cuts when it is large. Authorized and redacted as the detail is.
 */
export async function getJobValue(context: ServiceContext, actor: Actor, queue: string, id: string, part: string): Promise<Shown> {
  await mayView(context, actor, queue, id);
  if (!isJobValuePart(part)) throw new InvalidInputError('part', `part must be one of ${JOB_VALUE_PARTS.join(', ')}.`);
  return context.presenter.jobValue(await readJob(context, queue, id), part, actor);
}

/** Refuses unless the actor may view this job (and its queue's jobs). */
export async function mayView(context: ServiceContext, actor: Actor, queue: string, id: string): Promise<void> {
  await context.access.require(actor, 'jobs.view', { type: 'job', queue, id });
  await context.access.require(actor, 'jobs.view', { type: 'queue', queue });
}

/** The job, once the operator may view it. */
async function readJob(context: ServiceContext, queue: string, id: string): Promise<JobDetail> {
  // One lookup by key when the job exists; only a miss asks whether the queue does.
  const job = await context.engine.getJob(queue, id);
  if (!job) {
    if (!(await context.engine.findQueue(queue))) throw queueNotFound(queue);
    throw new NotFoundError('Job', `Queue ${JSON.stringify(queue)} has no job with id ${JSON.stringify(id)}.`);
  }
  return job;
}
