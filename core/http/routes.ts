import type { Action } from '../contracts/actions.ts';
import type { Actor } from '../contracts/auth.ts';
import { isJobState } from '../contracts/jobs.ts';
import { InvalidInputError } from '../errors.ts';
import { PAGE_SIZE, getJob, listJobs } from '../services/jobs.ts';
import { getQueue, listQueues } from '../services/queues.ts';
import { getSession } from '../services/session.ts';
import type { ServiceContext } from '../services/context.ts';
import type { AuthSeam } from '../contracts/auth.ts';
import { template, type Template } from './router.ts';

/** What a route handler gets: the signed-in actor, path parameters and the query string. */
export interface RouteInput {
  readonly actor: Actor;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly services: ServiceContext;
  readonly auth: AuthSeam;
  readonly openapi: () => unknown;
}

export interface ParameterDoc {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly description: string;
  readonly schema: Record<string, unknown>;
}

/** One API route and the description of it that goes into the OpenAPI document. */
export interface ApiRoute {
  readonly method: 'GET';
  readonly template: Template;
  readonly operationId: string;
  readonly summary: string;
  /** The permission the route needs; null when any signed-in operator may call it. */
  readonly action: Action | null;
  readonly parameters: readonly ParameterDoc[];
  /** Name of the response schema in the OpenAPI components. */
  readonly response: string;
  readonly errors: readonly number[];
  serve(input: RouteInput): Promise<unknown>;
}

const queueParam: ParameterDoc = { name: 'queue', in: 'path', description: 'Queue name.', schema: { type: 'string' } };
const jobParam: ParameterDoc = { name: 'id', in: 'path', description: 'Job id.', schema: { type: 'string' } };

function pageSize(query: URLSearchParams): number {
  const raw = query.get('limit');
  if (raw === null) return PAGE_SIZE.default;
  const limit = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(limit) || limit < PAGE_SIZE.min || limit > PAGE_SIZE.max) {
    throw new InvalidInputError('limit', `limit must be an integer from ${PAGE_SIZE.min} to ${PAGE_SIZE.max}, got ${JSON.stringify(raw.slice(0, 20))}.`);
  }
  return limit;
}

function stateFilter(query: URLSearchParams) {
  const raw = query.get('state');
  if (raw === null || raw === '') return null;
  if (!isJobState(raw)) throw new InvalidInputError('state', `Unknown state ${JSON.stringify(raw.slice(0, 40))}.`);
  return raw;
}

/** Every route of the API under `{mount}/api`. The OpenAPI document and the router both read this. */
export const API_ROUTES: readonly ApiRoute[] = Object.freeze([
  {
    method: 'GET', template: template('/openapi.json'), operationId: 'getOpenApi', summary: 'This API, described in OpenAPI 3.1.',
    action: null, parameters: [], response: 'OpenApiDocument', errors: [401],
    serve: async ({ openapi }) => openapi(),
  },
  {
    method: 'GET', template: template('/session'), operationId: 'getSession',
    summary: "The signed-in operator's label and which actions they may take.",
    action: null, parameters: [], response: 'Session', errors: [401],
    serve: ({ services, auth, actor }) => getSession(services, auth, actor),
  },
  {
    method: 'GET', template: template('/queues'), operationId: 'listQueues', summary: 'Queues with their job counts by state.',
    action: 'queues.view', parameters: [], response: 'QueueList', errors: [401, 403],
    serve: ({ services, actor }) => listQueues(services, actor),
  },
  {
    method: 'GET', template: template('/queues/{queue}'), operationId: 'getQueue', summary: 'One queue with its counts and settings.',
    action: 'queues.view', parameters: [queueParam], response: 'Queue', errors: [400, 401, 403, 404],
    serve: ({ services, actor, params }) => getQueue(services, actor, params.queue ?? ''),
  },
  {
    method: 'GET', template: template('/queues/{queue}/jobs'), operationId: 'listJobs', summary: "A page of a queue's jobs, newest first.",
    action: 'jobs.view',
    parameters: [
      queueParam,
      { name: 'state', in: 'query', description: 'Only jobs in this state.', schema: { $ref: '#/components/schemas/JobState' } },
      { name: 'limit', in: 'query', description: 'Page size.', schema: { type: 'integer', minimum: PAGE_SIZE.min, maximum: PAGE_SIZE.max, default: PAGE_SIZE.default } },
      { name: 'cursor', in: 'query', description: 'The nextCursor of the previous page of the same listing.', schema: { type: 'string' } },
    ],
    response: 'JobPage', errors: [400, 401, 403, 404],
    serve: ({ services, actor, params, query }) => listJobs(services, actor, {
      queue: params.queue ?? '', state: stateFilter(query), limit: pageSize(query), cursor: query.get('cursor'),
    }),
  },
  {
    method: 'GET', template: template('/queues/{queue}/jobs/{id}'), operationId: 'getJob',
    summary: 'One job with its data, output, error, attempts and timings.',
    action: 'jobs.view', parameters: [queueParam, jobParam], response: 'JobDetail', errors: [400, 401, 403, 404],
    serve: ({ services, actor, params }) => getJob(services, actor, params.queue ?? '', params.id ?? ''),
  },
]);
