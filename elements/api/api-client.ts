import type {
  JobDetailResponse,
  JobPageResponse,
  ProblemResponse,
  QueueListResponse,
  QueueResponse,
  SessionResponse,
} from '../../core/http/wire.ts';
import type { JobState } from '../../core/contracts/jobs.ts';
import { ApiError, isAbort } from './api-error.ts';

/** Which jobs of a queue to list. */
export interface JobPageQuery {
  readonly state: JobState | null;
  readonly limit?: number;
  readonly cursor?: string | null;
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
    const search = params.size > 0 ? `?${params}` : '';
    return this.get(`api/queues/${encodeURIComponent(queue)}/jobs${search}`, signal);
  }

  /** `GET api/queues/{queue}/jobs/{id}`: one job with its data, output, error and options. */
  job(queue: string, id: string, signal?: AbortSignal): Promise<JobDetailResponse> {
    return this.get(`api/queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(id)}`, signal);
  }

  /** GETs a path relative to the mount root and parses its JSON answer. */
  async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await this.#fetch(new URL(path, this.root), {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
        signal,
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError(0, 'about:blank', 'Network error', 'The console could not reach the server.');
    }
    if (!response.ok) throw await toApiError(response);
    try {
      return (await response.json()) as T;
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError(0, 'about:blank', 'Unreadable answer', 'The server answered with something other than JSON.');
    }
  }
}

/** Reads a problem document from a failed response, falling back to the status line. */
async function toApiError(response: Response): Promise<ApiError> {
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
      );
    } catch {
      // An unreadable problem body still leaves the status, which is what views act on.
    }
  }
  return new ApiError(response.status, 'about:blank', fallback, '');
}
