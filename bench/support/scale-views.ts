// The views the scale benchmark compares, as the HTTP requests each product makes for them: the
// ops-jobs console's API calls (several at once where the console makes several) and the
// dashboard's React Router data requests, which are what its in-app navigation fetches.

/** One HTTP request, relative to a product's origin. */
export interface ViewRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  /**
   * For a page of the console's job list: how many requests the console makes at most to fill the
   * page while the server answers `stoppedEarly` (each asking for the rows still missing, from the
   * cursor it got).
   */
  readonly fillRounds?: number;
}

/** One view on both products; `null` where a product has no such view. */
export interface ScaleView {
  readonly name: string;
  readonly opsJobs: readonly ViewRequest[] | null;
  readonly dashboard: readonly ViewRequest[] | null;
  /** What a reader of the table must know to compare the two fairly. */
  readonly note?: string;
}

/** What the views point at, found in the loaded data before measuring. */
export interface ViewTargets {
  readonly queue: string;
  /** A failed job of `queue`. */
  readonly jobId: string;
  /** The ops-jobs cursor of the deep failed page, after walking the cursors to it. */
  readonly deepCursor: string;
  /** The deep page's number at 50 rows a page (100 for rows 4,951-5,000). */
  readonly deepPage: number;
}

/** The console's mount in the bench host. */
export const MOUNT = '/ops/jobs';
/** Rows per page, as both products show them. */
export const PAGE_ROWS = 50;
/** How many requests the console makes at most to fill one page (elements/job-list, KEEP_LOOKING_ROUNDS). */
const FILL_ROUNDS = 4;
/** A state no job of the data set is in, so its listing finds nothing; both products call it so. */
export const RARE_STATE = 'cancelled';

const get = (path: string): ViewRequest => ({ method: 'GET', path });
const api = (path: string): ViewRequest => get(`${MOUNT}/api/${path}`);

/**
 * Every view, in the order the table shows them. A page of a queue's jobs in the console is two
 * requests at once, the queue (its counts, and the queues that dead-letter into it) and the page,
 * followed by up to three more page requests when the server stops early. A later page is the page
 * requests alone.
 */
export function scaleViews(targets: ViewTargets): readonly ScaleView[] {
  const queue = encodeURIComponent(targets.queue);
  const jobs = (search: string): ViewRequest => ({ ...api(`queues/${queue}/jobs?limit=${PAGE_ROWS}${search}`), fillRounds: FILL_ROUNDS });
  const jobPage = (search: string) => [api(`queues/${queue}`), jobs(search)];
  const dashboardPage = (state: string, page = 1) => [get(`/queues/${queue}.data?state=${state}&page=${page}`)];
  return [
    { name: 'queue list with counts', opsJobs: [api('queues')], dashboard: [get('/queues.data')] },
    { name: 'failed, page 1', opsJobs: jobPage('&state=failed'), dashboard: dashboardPage('failed') },
    {
      name: `failed, rows ${((targets.deepPage - 1) * PAGE_ROWS + 1).toLocaleString('en-US')}-${(targets.deepPage * PAGE_ROWS).toLocaleString('en-US')}`,
      opsJobs: [jobs(`&state=failed&cursor=${encodeURIComponent(targets.deepCursor)}`)],
      dashboard: dashboardPage('failed', targets.deepPage),
      note: 'ops-jobs: the last of the cursor requests that walk to it; dashboard: OFFSET',
    },
    {
      name: 'ready, page 1', opsJobs: jobPage('&state=queued'), dashboard: dashboardPage('created'),
      note: 'the dashboard has no ready filter: its "created" holds ready and deferred jobs',
    },
    { name: 'all states, page 1', opsJobs: jobPage(''), dashboard: dashboardPage('all') },
    { name: "one job's detail", opsJobs: [api(`queues/${queue}/jobs/${targets.jobId}`)], dashboard: [get(`/queues/${queue}/jobs/${targets.jobId}.data`)] },
    {
      name: 'preview: retry every failed job',
      opsJobs: [{ method: 'POST', path: `${MOUNT}/api/actions/preview`, body: { action: 'job.retry', target: { queue: targets.queue, filter: { state: 'failed' } } } }],
      dashboard: null,
    },
    {
      name: 'find a job by its id', opsJobs: [api(`jobs?id=${targets.jobId}`)], dashboard: [get(`/jobs.data?id=${targets.jobId}&state=all`)],
      note: 'across every queue: ops-jobs probes each queue by key; the dashboard searches its jobs page by id in all states',
    },
    {
      name: 'workers', opsJobs: [api('workers')], dashboard: null,
      note: "the dashboard has no page of pg-boss's instances",
    },
    {
      name: 'schedules, page 1', opsJobs: [api('schedules?limit=20')], dashboard: [get('/schedules.data')],
      note: 'both show 20 schedules; ops-jobs also reads the state of the last job each made and its next runs, the dashboard counts every schedule',
    },
    {
      name: `rare state (${RARE_STATE}: none), page 1`,
      opsJobs: jobPage(`&state=${RARE_STATE}`),
      dashboard: dashboardPage(RARE_STATE),
    },
    {
      name: 'failed, page 1, by a payload field', opsJobs: jobPage('&state=failed&data.template=receipt'), dashboard: null,
      note: 'a field every job holds, so the filter walks no further than the page',
    },
    { name: "one job's chronology", opsJobs: [api(`queues/${queue}/jobs/${targets.jobId}/chronology`)], dashboard: null },
    { name: "the queue's chronology", opsJobs: [api(`queues/${queue}/chronology`)], dashboard: null },
    // One of the schedules `ensureSchedules` writes to every scale queue.
    { name: "a schedule's chronology", opsJobs: [api(`queues/${queue}/schedules/bench-2/chronology`)], dashboard: null },
    { name: 'incidents', opsJobs: [api('incidents')], dashboard: null },
    { name: 'audit filter suggestions', opsJobs: [api('audit/suggestions?field=operator&prefix=b')], dashboard: null },
  ];
}
