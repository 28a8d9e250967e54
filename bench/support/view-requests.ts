// Loads a view over HTTP the way a browser tab would: its requests at once, each body read whole.
import type { JobPageResponse } from '../../core/vocabulary/wire.ts';
import { MOUNT, PAGE_ROWS, type ViewRequest, type ViewTargets } from './scale-views.ts';

// Read whether or not this version of the API says it stopped early.
type JobPage = JobPageResponse & { readonly stoppedEarly?: boolean };

/** One load of a view. */
export interface ViewLoad {
  /** From the first request sent to the last body read. */
  readonly ms: number;
  /** Every response's status, one per request made. */
  readonly statuses: readonly number[];
}

function send(origin: string, request: ViewRequest): Promise<Response> {
  return fetch(`${origin}${request.path}`, request.body === undefined
    ? { method: request.method }
    // A same-origin mutation, as the console's own page sends it.
    : { method: request.method, headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(request.body) });
}

/** The page in `response`, or null (its body read all the same) when it is not a page. */
async function readPage(response: Response): Promise<JobPage | null> {
  if (response.ok) return (await response.json()) as JobPage;
  await response.arrayBuffer();
  return null;
}

/** Sends `request`, and then, as the console does for a job page, asks on until the page is full. */
async function fill(origin: string, request: ViewRequest): Promise<number[]> {
  const first = await send(origin, request);
  if (!request.fillRounds) {
    await first.arrayBuffer();
    return [first.status];
  }
  const statuses = [first.status];
  const url = new URL(request.path, origin);
  const limit = Number(url.searchParams.get('limit'));
  let page = await readPage(first);
  let rows = page?.jobs.length ?? 0;
  for (let round = 1; round < request.fillRounds && page?.stoppedEarly === true && page.nextCursor !== null && rows < limit; round += 1) {
    url.searchParams.set('limit', String(limit - rows));
    url.searchParams.set('cursor', page.nextCursor);
    const next = await send(origin, { method: 'GET', path: `${url.pathname}${url.search}` });
    statuses.push(next.status);
    page = await readPage(next);
    rows += page?.jobs.length ?? 0;
  }
  return statuses;
}

/** Loads the view of `requests` from `origin` once. */
export async function loadView(origin: string, requests: readonly ViewRequest[]): Promise<ViewLoad> {
  const started = performance.now();
  const statuses = (await Promise.all(requests.map((request) => fill(origin, request)))).flat();
  return { ms: performance.now() - started, statuses };
}

/**
 * The targets of the views in `queue`, from the console's own API: a failed job, and the cursor of
 * failed page `deepPage`, reached by walking the cursors page by page as an operator would. Rows
 * are counted rather than pages, since a page may hold fewer rows than asked for and a cursor.
 */
export async function findViewTargets(origin: string, queue: string, deepPage: number): Promise<ViewTargets> {
  const page = async (cursor: string | null): Promise<JobPageResponse> => {
    const search = new URLSearchParams({ state: 'failed', limit: String(PAGE_ROWS), ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${origin}${MOUNT}/api/queues/${encodeURIComponent(queue)}/jobs?${search}`);
    if (!response.ok) throw new Error(`the failed jobs of ${queue} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as JobPageResponse;
  };
  const first = await page(null);
  const jobId = first.jobs[0]?.id;
  if (!jobId) throw new Error(`${queue} has no failed jobs to measure`);
  const before = (deepPage - 1) * PAGE_ROWS;
  let seen = first.jobs.length;
  let cursor = first.nextCursor;
  while (seen < before && cursor) {
    const next = await page(cursor);
    seen += next.jobs.length;
    cursor = next.nextCursor;
  }
  if (!cursor || seen !== before) throw new Error(`the failed jobs of ${queue} give no cursor after row ${before} (walked ${seen} rows)`);
  return { queue, jobId, deepCursor: cursor, deepPage };
}
