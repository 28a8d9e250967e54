// Job details as BullMQ sends them, for the element tests and screenshots: a running child of a
// flow with progress, log lines and siblings; a parent waiting on children; and jobs whose progress
// is not a percentage or is hidden by the display policy.
import type { JobDetailResponse } from '../../../core/vocabulary/wire.ts';
import { fixtureApi, jobId, jobsOf } from './fixtures.ts';
import type { ApiHandler } from './server.ts';

/** The queue the flow's parent lives in: a name with a slash, which links must keep whole. */
export const PARENT_QUEUE = 'reports/daily';
export const CHILD_QUEUE = 'image-resize';

export const FLOW_JOBS = Object.freeze({
  /** A child at 42% with 50 of 1,204 log lines and a parent. */
  child: jobId(CHILD_QUEUE, 1),
  /** The parent: 3 pending, 12 processed and 1 failed children, 5 of them named. */
  parent: jobId(PARENT_QUEUE, 5),
  /** Progress as an object, log lines hidden by the display policy. */
  objectProgress: jobId(CHILD_QUEUE, 14),
  /** Progress hidden by the display policy, no log lines. */
  hiddenProgress: jobId(CHILD_QUEUE, 24),
});

function base(queue: string, n: number, now: number): JobDetailResponse {
  const job = jobsOf(queue, null, now)[n]!;
  return {
    ...job,
    data: { value: { file: `photos/${n}.jpg`, sizes: [320, 640, 1280] } },
    output: { value: null },
    error: { value: null },
    options: { value: { name: 'resize', attempts: 3 } },
    timings: { createdAt: job.createdAt, runAfter: job.runAfter, startedAt: job.startedAt, finishedAt: job.finishedAt, keepUntil: null },
    deadLetteredFrom: null,
  };
}

/** The log lines the child sends: the last 50 of 1,204. */
export function childLogLines(): string[] {
  return Array.from({ length: 50 }, (_, i) => `2026-12-05T03:${String(10 + Math.floor(i / 10)).padStart(2, '0')}:0${i % 10}Z resized tile ${1155 + i} of 2400 (640px)`);
}

/** Every flow job by id, as its detail. */
export function flowJobDetails(now = Date.now()): Map<string, JobDetailResponse> {
  const child: JobDetailResponse = {
    ...base(CHILD_QUEUE, 1, now),
    id: FLOW_JOBS.child,
    progress: { value: 42 },
    logs: { lines: { value: childLogLines() }, total: 1204 },
    family: { parent: { queue: PARENT_QUEUE, id: FLOW_JOBS.parent }, children: { pending: 0, processed: 0, failed: 0, sample: [] } },
  };
  const parent: JobDetailResponse = {
    ...base(PARENT_QUEUE, 0, now),
    id: FLOW_JOBS.parent,
    progress: { value: 0 },
    logs: { lines: { value: ['waiting for 16 children'] }, total: 1 },
    family: {
      parent: null,
      children: {
        pending: 3,
        processed: 12,
        failed: 1,
        sample: [
          { queue: CHILD_QUEUE, id: FLOW_JOBS.child, outcome: 'pending' },
          { queue: CHILD_QUEUE, id: jobId(CHILD_QUEUE, 2), outcome: 'pending' },
          { queue: CHILD_QUEUE, id: jobId(CHILD_QUEUE, 3), outcome: 'processed' },
          { queue: 'invoice-sync', id: '7731', outcome: 'processed' },
          { queue: CHILD_QUEUE, id: jobId(CHILD_QUEUE, 4), outcome: 'failed' },
        ],
      },
    },
  };
  const objectProgress: JobDetailResponse = {
    ...base(CHILD_QUEUE, 2, now),
    id: FLOW_JOBS.objectProgress,
    progress: { value: { stage: 'upload', done: 3, of: 7 } },
    logs: { lines: { hidden: true }, total: 12 },
  };
  const hiddenProgress: JobDetailResponse = {
    ...base(CHILD_QUEUE, 3, now),
    id: FLOW_JOBS.hiddenProgress,
    progress: { hidden: true },
    logs: { lines: { value: [] }, total: 0 },
  };
  return new Map([child, parent, objectProgress, hiddenProgress].map((job) => [job.id, job]));
}

const ONE = /^queues\/([^/?]+)\/jobs\/([^/?]+)$/;

/** The fixture API with the flow jobs added. */
export function flowApi(now = Date.now()): ApiHandler {
  const details = flowJobDetails(now);
  const fixtures = fixtureApi(now);
  return (path, url, request) => {
    const match = ONE.exec(path);
    const found = match ? details.get(decodeURIComponent(match[2]!)) : undefined;
    if (found && found.queue === decodeURIComponent(match![1]!)) return { body: found };
    return fixtures(path, url, request);
  };
}
