import type { Action } from '../vocabulary/actions.ts';
import type { Actor } from '../contracts/auth.ts';
import { InvalidInputError } from '../errors.ts';
import { exportAuditLog, getAuditRecord, listAuditLog } from '../services/audit-log.ts';
import { suggestAuditValues } from '../services/audit-suggestions.ts';
import { AUDIT_SUGGESTION_FIELDS } from '../contracts/audit.ts';
import type { ServiceContext } from '../services/context.ts';
import { executeAction } from '../services/execute-action.ts';
import { getJob, getJobValue, listJobs } from '../services/jobs.ts';
import { JOB_VALUE_PARTS } from '../vocabulary/job-value-parts.ts';
import { previewAction } from '../services/preview-action.ts';
import { getQueue, listQueues } from '../services/queues.ts';
import { getSession } from '../services/session.ts';
import { listSchedules } from '../services/schedules.ts';
import { findJobsById } from '../services/job-search.ts';
import { listWorkers } from '../services/workers.ts';
import { getAttention } from '../services/attention.ts';
import { listIncidents } from '../services/incidents.ts';
import { openEvents, reportFallback } from '../services/live-events.ts';
import { dataFiltersFromQuery } from '../services/data-filters.ts';
import { activityWindow, auditFilter, idPrefix, pageSize, queueFilter, stateFilter } from './query-params.ts';
import { getQueueActivity } from '../services/queue-activity.ts';
import { getJobFlow } from '../services/flows.ts';
import { CHRONOLOGY_ROUTES } from './chronology-routes.ts';
import { AUDIT_OUTCOMES } from '../vocabulary/audit-outcomes.ts';
import { PAGE_SIZE } from '../vocabulary/limits.ts';
import { eventStreamResponse } from './event-stream.ts';
import { BASE_HEADERS, jsonResponse } from './responses.ts';
import { template, type Template } from './router.ts';

/** What a route handler gets: the signed-in actor, path parameters, query and (for POST) the parsed body. */
export interface RouteInput {
  readonly actor: Actor;
  /** Asks the host again who is signed in for this request: the operator, or null once signed out. */
  readonly currentActor: () => Promise<Actor | null>;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly request: Request;
  readonly correlationId: string;
  readonly services: ServiceContext;
  readonly openapi: () => unknown;
}

export interface ParameterDoc {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly description: string;
  readonly schema: Record<string, unknown>;
}

/** One API route and the description of it that goes into the OpenAPI document. */
export interface ApiRoute {
  readonly method: 'GET' | 'POST';
  readonly template: Template;
  readonly operationId: string;
  readonly summary: string;
  /** The permission the route needs; null when any signed-in operator may call it. */
  readonly action: Action | 'job.<action>' | null;
  readonly parameters: readonly ParameterDoc[];
  /** Name of the request body schema in the OpenAPI components, for POST routes. */
  readonly request?: string;
  /** Name of the response schema, or a media type map for non-JSON answers. */
  readonly response: string | Readonly<Record<string, unknown>>;
  readonly errors: readonly number[];
  /** Returns the JSON body of a 200 answer, or a whole `Response`. */
  serve(input: RouteInput): Promise<unknown>;
}

const queueParam: ParameterDoc = { name: 'queue', in: 'path', description: 'Queue name.', schema: { type: 'string' } };
const jobParam: ParameterDoc = { name: 'id', in: 'path', description: 'Job id.', schema: { type: 'string' } };
const limitParam: ParameterDoc = {
  name: 'limit', in: 'query', description: 'Page size.', schema: { type: 'integer', minimum: PAGE_SIZE.min, maximum: PAGE_SIZE.max, default: PAGE_SIZE.default },
};
const cursorParam: ParameterDoc = { name: 'cursor', in: 'query', description: 'The nextCursor of the previous page of the same listing.', schema: { type: 'string' } };
const auditFilterParams: readonly ParameterDoc[] = [
  { name: 'actor', in: 'query', description: 'Audit principal id.', schema: { type: 'string' } },
  { name: 'action', in: 'query', description: 'Operator action, such as job.retry.', schema: { type: 'string' } },
  { name: 'queue', in: 'query', description: 'Queue acted on.', schema: { type: 'string' } },
  { name: 'job', in: 'query', description: 'A job id the action touched.', schema: { type: 'string' } },
  { name: 'schedule', in: 'query', description: 'The key of the recurring schedule acted on (schedule.run, schedule.remove).', schema: { type: 'string' } },
  { name: 'outcome', in: 'query', description: 'How the action ended.', schema: { type: 'string', enum: [...AUDIT_OUTCOMES] } },
  { name: 'from', in: 'query', description: 'Earliest time, inclusive (ISO 8601).', schema: { type: 'string', format: 'date-time' } },
  { name: 'to', in: 'query', description: 'Latest time, exclusive (ISO 8601).', schema: { type: 'string', format: 'date-time' } },
];

function exportFormat(query: URLSearchParams): 'csv' | 'jsonl' {
  const format = query.get('format') ?? 'jsonl';
  if (format !== 'csv' && format !== 'jsonl') throw new InvalidInputError('format', 'format must be csv or jsonl.');
  return format;
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
    summary: "The signed-in operator's label, which actions they may take, and the engine's capabilities.",
    action: null, parameters: [], response: 'Session', errors: [401],
    serve: ({ services, actor }) => getSession(services, actor),
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
    method: 'GET', template: template('/queues/{queue}/activity'), operationId: 'getQueueActivity',
    summary: "A queue's throughput, failures, wait and run times over the last hour or day, from the engine's own statistics.",
    action: 'queues.view',
    parameters: [queueParam, { name: 'window', in: 'query', description: 'How far back: 1h or 24h (default).', schema: { type: 'string', enum: ['1h', '24h'] } }],
    response: 'QueueActivity', errors: [400, 401, 403, 404],
    serve: ({ services, actor, params, query }) => getQueueActivity(services, actor, params.queue ?? '', () => activityWindow(query)),
  },
  {
    method: 'GET', template: template('/queues/{queue}/jobs'), operationId: 'listJobs', summary: "A page of a queue's jobs, newest first.",
    action: 'jobs.view',
    parameters: [
      queueParam,
      { name: 'state', in: 'query', description: 'Only jobs in this state.', schema: { $ref: '#/components/schemas/JobState' } },
      { name: 'data.{field}', in: 'query', description: 'Only jobs whose payload has this text value at this dotted path, such as data.customer.id=cus_42; the field must be searchable under the display policy (400 otherwise).', schema: { type: 'string' } },
      limitParam, cursorParam,
    ],
    response: 'JobPage', errors: [400, 401, 403, 404],
    serve: ({ services, actor, params, query }) => listJobs(services, actor, {
      queue: params.queue ?? '', state: stateFilter(query), data: dataFiltersFromQuery(query), limit: pageSize(query), cursor: query.get('cursor'),
    }),
  },
  {
    method: 'GET', template: template('/jobs'), operationId: 'findJobs',
    summary: 'Jobs of any queue whose id starts with the given characters (at least 4), ordered by id, at most 20; with an engine that finds whole ids only (the session\'s engine.jobLookupByPrefix is false, as with BullMQ), the jobs with exactly this id.',
    action: 'jobs.view',
    parameters: [{ name: 'id', in: 'query', description: 'A job id, or (where the engine finds prefixes) its first 4 or more characters.', schema: { type: 'string', minLength: 1, maxLength: 64 } }],
    response: 'JobSearch', errors: [400, 401, 403],
    serve: ({ services, actor, query }) => findJobsById(services, actor, () => idPrefix(query)),
  },
  {
    method: 'GET', template: template('/queues/{queue}/jobs/{id}/flow'), operationId: 'getJobFlow',
    summary: 'The flow a job belongs to: its steps, their states and errors, and which waits on which. No steps when the job is in no flow.',
    action: 'jobs.view', parameters: [queueParam, jobParam], response: 'JobFlow', errors: [401, 403],
    serve: ({ services, actor, params }) => getJobFlow(services, actor, params.queue ?? '', params.id ?? ''),
  },
  {
    method: 'GET', template: template('/queues/{queue}/jobs/{id}'), operationId: 'getJob',
    summary: 'One job with its data, output, error, attempts and timings.',
    action: 'jobs.view', parameters: [queueParam, jobParam], response: 'JobDetail', errors: [400, 401, 403, 404],
    serve: ({ services, actor, params }) => getJob(services, actor, params.queue ?? '', params.id ?? ''),
  },
  ...CHRONOLOGY_ROUTES,
  {
    method: 'GET', template: template('/queues/{queue}/jobs/{id}/{part}'), operationId: 'getJobValue',
    summary: "One part of a job whole, as the display policy shows it: what the job's detail cuts or previews when it is large.",
    action: 'jobs.view',
    parameters: [queueParam, jobParam, { name: 'part', in: 'path', description: 'Which part of the job.', schema: { type: 'string', enum: [...JOB_VALUE_PARTS] } }],
    response: 'Shown', errors: [400, 401, 403, 404],
    serve: ({ services, actor, params }) => getJobValue(services, actor, params.queue ?? '', params.id ?? '', params.part ?? ''),
  },
  {
    method: 'POST', template: template('/actions/preview'), operationId: 'previewAction',
    summary: 'Resolve what an action on jobs, on a queue itself (queue.pause, queue.resume, queue.configure), or on one recurring schedule (schedule.run, schedule.remove) would change and get a single-use token to execute it. Changes nothing.',
    action: 'job.<action>', parameters: [], request: 'PreviewRequest', response: 'Preview', errors: [400, 401, 403, 404, 413, 415],
    serve: ({ services, actor, body }) => previewAction(services, actor, body),
  },
  {
    method: 'POST', template: template('/actions/execute'), operationId: 'executeAction',
    summary: 'Execute a previewed action with a reason; it is audited. Repeating an Idempotency-Key returns the first result.',
    action: 'job.<action>',
    parameters: [{ name: 'Idempotency-Key', in: 'header', description: 'Makes a repeated submit return the first result instead of acting again.', schema: { type: 'string', maxLength: 200 } }],
    request: 'ExecuteRequest', response: 'Execute', errors: [400, 401, 403, 404, 409, 410, 413, 415, 422],
    serve: async ({ services, actor, body, request, correlationId }) => {
      const result = await executeAction(services, actor, body, { idempotencyKey: request.headers.get('idempotency-key'), correlationId });
      return jsonResponse(result.body, result.status, result.replayed ? { 'idempotent-replayed': 'true' } : {});
    },
  },
  {
    method: 'GET', template: template('/events'), operationId: 'streamEvents',
    summary: 'Live changes as Server-Sent Events: queue counts, executed actions, heartbeats. Resumes after Last-Event-ID.',
    action: 'queues.view',
    parameters: [{ name: 'Last-Event-ID', in: 'header', description: 'The id of the last event received, to resume after it.', schema: { type: 'string' } }],
    response: { 'text/event-stream': { schema: { type: 'string' } } }, errors: [401, 403],
    serve: async ({ services, actor, currentActor, request }) => {
      const start = await openEvents(services, actor, currentActor, request.headers.get('last-event-id'));
      return eventStreamResponse(start, request.signal, services.live.maxBufferedBytes);
    },
  },
  {
    method: 'POST', template: template('/live/fallback'), operationId: 'reportLiveFallback',
    summary: "The console fell back to polling; counted in the host's telemetry (ops-jobs:live fallback). Changes nothing else.",
    action: 'queues.view', parameters: [], request: 'LiveFallback', response: 'LiveFallbackReceipt', errors: [400, 401, 403, 413, 415],
    serve: ({ services, actor, body }) => reportFallback(services, actor, body),
  },
  {
    method: 'GET', template: template('/schedules'), operationId: 'listSchedules',
    summary: 'Recurring schedules with their next runs and the last job each made, by queue and key.',
    action: 'schedules.view',
    parameters: [{ name: 'queue', in: 'query', description: "Only this queue's schedules.", schema: { type: 'string' } }, limitParam, cursorParam],
    response: 'SchedulePage', errors: [400, 401, 403],
    serve: ({ services, actor, query }) => listSchedules(services, actor, () => ({ queue: queueFilter(query), limit: pageSize(query), cursor: query.get('cursor') })),
  },
  {
    method: 'GET', template: template('/attention'), operationId: 'getAttention',
    summary: "What needs an operator now, from the background diagnosis's last pass (never a pass of its own): overdue running jobs, rising failures, queues nobody works, backlogs and waiting dead letters.",
    action: 'queues.view', parameters: [], response: 'Attention', errors: [401, 403],
    serve: ({ services, actor }) => getAttention(services, actor),
  },
  {
    method: 'GET', template: template('/incidents'), operationId: 'listIncidents',
    summary: 'The incidents the background diagnosis kept (stuck jobs, flows stuck behind a failed step, queues with work and no worker): open ones first, then those resolved in the last day.',
    action: 'incidents.view', parameters: [limitParam, cursorParam], response: 'IncidentList', errors: [400, 401, 403],
    serve: ({ services, actor, query }) => listIncidents(services, actor, pageSize(query), query.get('cursor')),
  },
  {
    method: 'GET', template: template('/workers'), operationId: 'listWorkers',
    summary: 'The processes running the engine, trouble first: how each is doing by its heartbeats, and the queues it works.',
    action: 'workers.view', parameters: [], response: 'WorkerList', errors: [401, 403],
    serve: ({ services, actor }) => listWorkers(services, actor),
  },
  {
    method: 'GET', template: template('/audit'), operationId: 'listAudit', summary: 'The audit log, newest first.',
    action: 'audit.view', parameters: [...auditFilterParams, limitParam, cursorParam], response: 'AuditPage', errors: [400, 401, 403],
    serve: ({ services, actor, query }) => listAuditLog(services, actor, auditFilter(query), pageSize(query), query.get('cursor')),
  },
  {
    method: 'GET', template: template('/audit/export'), operationId: 'exportAudit', summary: 'The audit log as CSV or JSON Lines, streamed.',
    action: 'audit.export',
    parameters: [...auditFilterParams, { name: 'format', in: 'query', description: 'csv or jsonl (default).', schema: { type: 'string', enum: ['csv', 'jsonl'] } }],
    response: { 'text/csv': { schema: { type: 'string' } }, 'application/jsonl': { schema: { type: 'string' } } }, errors: [400, 401, 403],
    serve: async ({ services, actor, query }) => {
      const format = exportFormat(query);
      const stream = await exportAuditLog(services, actor, auditFilter(query), format);
      return new Response(stream, {
        headers: {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8',
          'content-disposition': `attachment; filename="ops-jobs-audit.${format}"`,
          'cache-control': 'no-store',
          ...BASE_HEADERS,
        },
      });
    },
  },
  {
    method: 'GET', template: template('/audit/suggestions'), operationId: 'suggestAuditValues',
    summary: 'Values an audit filter may take, as they are typed: operators whose label starts with the prefix (ignoring case, with the id the actor filter takes), or queue names that start with it; at most 10, read through an index.',
    action: 'audit.view',
    parameters: [
      { name: 'field', in: 'query', description: 'Required: operator or queue.', schema: { type: 'string', enum: [...AUDIT_SUGGESTION_FIELDS] } },
      { name: 'prefix', in: 'query', description: 'What has been typed; empty suggests the first values.', schema: { type: 'string', maxLength: 100 } },
    ],
    response: 'AuditSuggestions', errors: [400, 401, 403],
    serve: ({ services, actor, query }) => suggestAuditValues(services, actor, query),
  },
  {
    method: 'GET', template: template('/audit/{id}'), operationId: 'getAudit', summary: 'One audit record.',
    action: 'audit.view', parameters: [{ name: 'id', in: 'path', description: 'Audit record id.', schema: { type: 'string' } }],
    response: 'AuditRecord', errors: [401, 403, 404],
    serve: ({ services, actor, params }) => getAuditRecord(services, actor, params.id ?? ''),
  },
]);
