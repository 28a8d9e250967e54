// Jobs with large values, answered through the real presenter (display policy, then size limits),
// for the large-payload tests and the benchmark: 5 MB of data, a 10,000-line stack, 1,000 log lines.
import type { JobDetail } from '../../../core/contracts/jobs.ts';
import { hideKeysMatching } from '../../../core/display-policies/hide-keys-matching.ts';
import { createPresenter } from '../../../core/presenter/presenter.ts';
import { SESSION, problem } from './fixtures.ts';
import type { ApiHandler } from './server.ts';

export const LARGE_QUEUE = 'bulk-import';
/** Planted in every large value under a key the policy hides; it must never reach the page. */
export const LARGE_SECRET = 'sk_live_LARGE_PAYLOAD_SECRET';

export const LARGE_JOBS = {
  data: '00000000-0000-4000-8000-000000000005',
  stack: '00000000-0000-4000-8000-000000010000',
  log: '00000000-0000-4000-8000-000000001000',
} as const;

const at = '2026-11-27T10:00:00.000Z';

function job(id: string, state: 'failed' | 'completed', values: Pick<JobDetail, 'data' | 'output' | 'error'>): JobDetail {
  return {
    id, queue: LARGE_QUEUE, state, priority: 0, attempts: { made: 1, max: 1 },
    createdAt: at, runAfter: at, startedAt: at, finishedAt: at,
    errorMessage: (values.error as { message?: string } | null)?.message ?? null,
    ...values,
    options: { retryLimit: 0 },
    timings: { createdAt: at, runAfter: at, startedAt: at, finishedAt: at, keepUntil: null },
    deadLetteredFrom: null,
  };
}

/** About 5 MB of rows, each with a secret the policy hides. */
export function fiveMegabytes(): unknown {
  return {
    apiKey: LARGE_SECRET,
    rows: Array.from({ length: 31_000 }, (_, index) => ({ index, sku: `SKU-${String(index).padStart(6, '0')}`, title: `Imported product number ${index}`, description: 'd'.repeat(60), apiKey: LARGE_SECRET })),
  };
}

/** A stack of 10,000 frames after its header, alternating runs of application and library frames. */
export function tenThousandLineStack(): string {
  const frames = Array.from({ length: 10_000 }, (_, index) =>
    Math.floor(index / 7) % 2 === 0
      ? `    at walk${index} (/srv/app/src/importer/tree-walker.ts:${index + 1}:13)`
      : `    at Array.map (/srv/app/node_modules/lodash/map.js:${index}:21)`);
  return ['RangeError: Maximum call stack size exceeded', ...frames].join('\n');
}

/** A run's log of 1,000 lines, as a handler might return it. */
export function thousandLogLines(): string[] {
  return Array.from({ length: 1_000 }, (_, index) => `2026-11-27T10:00:${String(index % 60).padStart(2, '0')}.000Z info imported batch ${index} of 1000 (rows ${index * 36}-${index * 36 + 35})`);
}

/** The three jobs, built once: making 5 MB of rows takes a moment. */
export function largeJobs(): Map<string, JobDetail> {
  return new Map([
    [LARGE_JOBS.data, job(LARGE_JOBS.data, 'completed', { data: fiveMegabytes(), output: { imported: 31_000 }, error: null })],
    [LARGE_JOBS.stack, job(LARGE_JOBS.stack, 'failed', {
      data: { file: 'catalog.csv' },
      output: null,
      error: { name: 'RangeError', message: 'Maximum call stack size exceeded', stack: tenThousandLineStack(), details: { depth: 10_000, apiKey: LARGE_SECRET } },
    })],
    [LARGE_JOBS.log, job(LARGE_JOBS.log, 'completed', { data: { file: 'catalog.csv' }, output: { log: thousandLogLines() }, error: null })],
  ]);
}

const ONE = /^queues\/([^/?]+)\/jobs\/([^/?]+)(?:\/([a-z]+))?$/;

/**
 * The API for the large jobs, through the presenter with a policy that hides `apiKey`: the job's
 * detail, each part whole, its (empty) flow, the session and a queue list; anything else answers 404.
 */
export function largeJobsApi(jobs = largeJobs()): ApiHandler {
  const presenter = createPresenter(hideKeysMatching(/apiKey/), { error: () => {}, warn: () => {} });
  return (path) => {
    if (path === 'session') return { body: SESSION };
    if (path === 'queues') return { body: { queues: [] } };
    const match = ONE.exec(path);
    const found = match && decodeURIComponent(match[1]!) === LARGE_QUEUE ? jobs.get(decodeURIComponent(match[2]!)) : undefined;
    if (!match || !found) return problem(404, 'Job not found', `No job at ${path}.`);
    const part = match[3];
    if (part === undefined) return { body: presenter.jobDetail(found, {}) };
    // None of them is part of a flow.
    if (part === 'flow') return { body: { steps: [], dependencies: [], more: false, hidden: 0 } };
    if (part !== 'data' && part !== 'output' && part !== 'error' && part !== 'options') return problem(400, 'Bad part', part);
    return { body: presenter.jobValue(found, part, {}) };
  };
}
