import type {
  ActivityWindow,
  AttentionResponse,
  AuditPageResponse,
  AuditRecordResponse,
  ExecuteRequestBody,
  ExecuteResponse,
  JobDetailResponse,
  JobFlowResponse,
  JobPageResponse,
  JobSearchResponse,
  PreviewRequestBody,
  PreviewResponse,
  ProblemResponse,
  QueueActivityResponse,
  QueueListResponse,
  QueueResponse,
  SchedulePageResponse,
  SessionResponse,
  Shown,
  WorkerListResponse,
  AuditSuggestionsResponse,
} from '../../core/vocabulary/wire.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import type { ChronologyResponse } from '../../core/vocabulary/chronology.ts';
import { scheduleKeySegment } from '../../core/vocabulary/schedule-key.ts';
import type { JobValuePart } from '../../core/vocabulary/job-value-parts.ts';
import { ApiError, isAbort } from './api-error.ts';
import { auditQueryParams, type AuditQuery } from './audit-query.ts';
import { jobDataParams, type JobDataFilter } from './job-data-filter.ts';
import { msg } from '../shared/locale.ts';

/** Which jobs of a queue to list. */
export interface JobPageQuery {
  readonly state: JobState | null;
  readonly limit?: number;
  readonly cursor?: string | null;
  /** Payload conditions (dotted field path to text value) on fields the display policy marks searchable. */
  readonly data?: JobDataFilter;
}

/** Which page of the audit log to read. */
export interface AuditPageQuery {
  readonly filter: AuditQuery;
  readonly limit?: number;
  readonly cursor?: string | null;
}

/** Which page of the schedules to read. */
export interface SchedulePageQuery {
  /** Only this queue's schedules. */
  readonly queue?: string;
  readonly limit?: number;
  readonly cursor?: string | null;
}

/** What an execute answered, and whether it was the first answer replayed for its idempotency key. */
export interface ExecuteResult {
  readonly response: ExecuteResponse;
  /** True when the server had already executed this key and answered from its receipt. */
  readonly replayed: boolean;
}

/**
 * A small client of the console's JSON API. Every path is resolved against the mount root, so the
 * console works under any prefix a reverse proxy adds. Failures reject with {@link ApiError}; an
 * aborted call rejects with the fetch's own `AbortError`.
 */
export class ApiClient {
  /** The mount root, absolute, ending in `/`. */
  readonly root: URL;
  readonly #fetch: typeof fetch;

  constructor(root: URL, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)) {
    this.root = root;
    this.#fetch = fetchImpl;
  }

  /** `GET api/session`: who is signed in, what they may do, the engine and its states. */
  session(signal?: AbortSignal): Promise<SessionResponse> {
    return this.get('api/session', signal);
  }

  /** `GET api/queues`: every queue with its counts by state. */
  queues(signal?: AbortSignal): Promise<QueueListResponse> {
    return this.get('api/queues', signal);
  }

  /** `GET api/queues/{queue}`: one queue's counts, dead letter queue and settings. */
  queue(queue: string, signal?: AbortSignal): Promise<QueueResponse> {
    return this.get(`api/queues/${encodeURIComponent(queue)}`, signal);
  }

  /** `GET api/queues/{queue}/jobs`: one page of a queue's jobs, newest first. */
  jobs(queue: string, query: JobPageQuery, signal?: AbortSignal): Promise<JobPageResponse> {
    const params = new URLSearchParams();
    if (query.state) params.set('state', query.state);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.cursor) params.set('cursor', query.cursor);
    if (query.data) jobDataParams(query.data, params);
    const search = params.size > 0 ? `?${params}` : '';
    return this.get(`api/queues/${encodeURIComponent(queue)}/jobs${search}`, signal);
  }

  /** `GET api/queues/{queue}/jobs/{id}`: one job with its data, output, error and options. */
  job(queue: string, id: string, signal?: AbortSignal): Promise<JobDetailResponse> {
    return this.get(`api/queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(id)}`, signal);
  }

  /**
   * `GET api/queues/{queue}/jobs/{id}/{part}`: one part of a job whole, as the display policy shows
   * it, where the job's detail holds a preview or a cut of it.
   */
  jobValue(queue: string, id: string, part: JobValuePart, signal?: AbortSignal): Promise<Shown> {
    return this.get(`api/queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(id)}/${part}`, signal);
  }

  /** `POST api/actions/preview`: what an action would change, and the token to execute it. Changes nothing. */
  async preview(body: PreviewRequestBody, signal?: AbortSignal): Promise<PreviewResponse> {
    return readJson(await this.#send('api/actions/preview', { method: 'POST', body: JSON.stringify(body), signal }));
  }

  /**
   * `POST api/actions/execute` with the operator's reason. The same `idempotencyKey` on a repeated
   * call returns the first result instead of acting again.
   */
  async execute(body: ExecuteRequestBody, idempotencyKey: string, signal?: AbortSignal): Promise<ExecuteResult> {
    const response = await this.#send('api/actions/execute', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'idempotency-key': idempotencyKey },
      signal,
    });
    return { response: await readJson<ExecuteResponse>(response), replayed: response.headers.get('idempotent-replayed') === 'true' };
  }

  /** `POST api/live/fallback`: tells the server's telemetry that this console fell back to polling. */
  async reportFallback(reason: 'stream_error' | 'stream_buffered'): Promise<void> {
    await readJson(await this.#send('api/live/fallback', { method: 'POST', body: JSON.stringify({ reason }) }));
  }

  /** `GET api/audit/suggestions`: operators (by label) or queue names of the audit log that start with `prefix`. */
  auditSuggestions(field: AuditSuggestionsResponse['field'], prefix: string, signal?: AbortSignal): Promise<AuditSuggestionsResponse> {
    const params = new URLSearchParams({ field, prefix });
    return this.get(`api/audit/suggestions?${params}`, signal);
  }

  /** `GET api/audit`: one page of the audit log, newest first. */
  audit(query: AuditPageQuery, signal?: AbortSignal): Promise<AuditPageResponse> {
    const params = auditQueryParams(query.filter);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.cursor) params.set('cursor', query.cursor);
    return this.get(`api/audit${params.size > 0 ? `?${params}` : ''}`, signal);
  }

  /** `GET api/queues/{queue}/jobs/{id}/chronology`: the job's life and the audit records that touched it, and what is not known. */
  jobChronology(queue: string, id: string, signal?: AbortSignal): Promise<ChronologyResponse> {
    return this.get(`api/queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(id)}/chronology`, signal);
  }

  /** `GET api/queues/{queue}/chronology`: the operator actions on a queue, and what is not known. */
  queueChronology(queue: string, signal?: AbortSignal): Promise<ChronologyResponse> {
    return this.get(`api/queues/${encodeURIComponent(queue)}/chronology`, signal);
  }

  /** `GET api/queues/{queue}/schedules/{key}/chronology`: a schedule's life and the operator actions on it, and what is not known. */
  scheduleChronology(queue: string, key: string, signal?: AbortSignal): Promise<ChronologyResponse> {
    return this.get(`api/queues/${encodeURIComponent(queue)}/schedules/${encodeURIComponent(scheduleKeySegment(key))}/chronology`, signal);
  }

  /** `GET api/queues/{queue}/jobs/{id}/flow`: the flow a job belongs to; no steps when it is in none. */
  jobFlow(queue: string, id: string, signal?: AbortSignal): Promise<JobFlowResponse> {
    return this.get(`api/queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(id)}/flow`, signal);
  }

  /** `GET api/queues/{queue}/activity`: a queue's throughput, failures, wait and run times over the window. */
  queueActivity(queue: string, window: ActivityWindow, signal?: AbortSignal): Promise<QueueActivityResponse> {
    return this.get(`api/queues/${encodeURIComponent(queue)}/activity?window=${window}`, signal);
  }

  /** `GET api/attention`: what the background diagnosis last found needs an operator. */
  attention(signal?: AbortSignal): Promise<AttentionResponse> {
    return this.get('api/attention', signal);
  }

  /** `GET api/workers`: the processes running the engine, trouble first. */
  workers(signal?: AbortSignal): Promise<WorkerListResponse> {
    return this.get('api/workers', signal);
  }

  /** `GET api/jobs?id=`: the jobs of any queue whose id starts with `id`. */
  findJobs(id: string, signal?: AbortSignal): Promise<JobSearchResponse> {
    return this.get(`api/jobs?${new URLSearchParams({ id })}`, signal);
  }

  /** `GET api/schedules`: one page of the recurring schedules, by queue and key. */
  schedules(query: SchedulePageQuery, signal?: AbortSignal): Promise<SchedulePageResponse> {
    const params = new URLSearchParams();
    if (query.queue) params.set('queue', query.queue);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.cursor) params.set('cursor', query.cursor);
    return this.get(`api/schedules${params.size > 0 ? `?${params}` : ''}`, signal);
  }

  /** `GET api/audit/{id}`: one audit record. */
  auditRecord(id: string, signal?: AbortSignal): Promise<AuditRecordResponse> {
    return this.get(`api/audit/${encodeURIComponent(id)}`, signal);
  }

  /** The download address of the audit log under `filter`, as CSV or JSON Lines. */
  auditExportUrl(filter: AuditQuery, format: 'csv' | 'jsonl'): string {
    const params = auditQueryParams(filter);
    params.set('format', format);
    return new URL(`api/audit/export?${params}`, this.root).href;
  }

  /** GETs a path relative to the mount root and parses its JSON answer. */
  async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return readJson(await this.#send(path, { method: 'GET', signal }));
  }

  /** Sends a request; rejects with an ApiError unless the answer is a success. */
  async #send(path: string, init: { method: string; body?: string; headers?: Record<string, string>; signal?: AbortSignal | undefined }): Promise<Response> {
    let response: Response;
    try {
      response = await this.#fetch(new URL(path, this.root), {
        method: init.method,
        headers: { accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
        body: init.body,
        credentials: 'same-origin',
        signal: init.signal,
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError(0, 'about:blank', msg('Network error'), msg('The console could not reach the server.'));
    }
    if (!response.ok) throw await toApiError(response, this.root);
    return response;
  }
}

async function readJson<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'about:blank', msg('Unreadable answer'), msg('The server answered with something other than JSON.'));
  }
}

/** Reads a problem document from a failed response, falling back to the status line. */
async function toApiError(response: Response, root: URL): Promise<ApiError> {
  const fallback = response.statusText || `HTTP ${response.status}`;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as Partial<ProblemResponse>;
      return new ApiError(
        response.status,
        typeof problem.type === 'string' ? problem.type : 'about:blank',
        typeof problem.title === 'string' ? problem.title : fallback,
        typeof problem.detail === 'string' ? problem.detail : '',
        typeof problem.parameter === 'string' ? problem.parameter : null,
        typeof problem.signIn === 'string' ? new URL(problem.signIn, root).href : null,
      );
    } catch {
      // An unreadable problem body still leaves the status, which is what views act on.
    }
  }
  return new ApiError(response.status, 'about:blank', fallback, '');
}
