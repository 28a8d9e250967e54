// Deterministic API data for the element tests and screenshots: a few queues with failures, a
// dead letter queue, jobs in every state, and one richly detailed failed job.
import { ALL_JOB_STATES, type JobState } from '../../../core/vocabulary/job-states.ts';
import { SELECTION_CAP } from '../../../core/vocabulary/limits.ts';
import type {
  AttentionResponse,
  JobFlowResponse,
  QueueActivityResponse,
  JobDetailResponse,
  JobSummaryResponse,
  ProblemResponse,
  QueueResponse,
  SessionResponse,
} from '../../../core/vocabulary/wire.ts';
import type { ApiAnswer, ApiHandler } from './server.ts';

export const SESSION: SessionResponse = {
  actor: { label: 'Dana Whitfield' },
  permissions: {
    'queues.view': true, 'jobs.view': true, 'job.retry': false, 'job.cancel': false, 'job.fail': false, 'job.delete': false,
    'job.resume': false, 'job.redrive': false, 'job.promote': false, 'queue.pause': false, 'queue.resume': false, 'queue.configure': false, 'schedule.run': false, 'schedule.remove': false, 'schedules.view': false, 'audit.view': false, 'audit.export': false, 'bridge.view': false, 'workers.view': false, 'incidents.view': false,
  },
  reasons: {},
  engine: {
    name: 'pg-boss',
    states: ['queued', 'scheduled', 'active', 'retrying', 'completed', 'failed', 'cancelled'],
    actions: { 'job.retry': ['failed'], 'job.cancel': ['queued', 'scheduled', 'active', 'retrying'], 'job.delete': [...ALL_JOB_STATES], 'job.resume': ['cancelled'] },
    schedules: false,
    jobLookup: false,
    workers: false,
    flows: true,
  },
  limits: { cap: SELECTION_CAP.default, reasonMinLength: 8 },
  bridge: null,
  signOutUrl: null,
};

function queue(name: string, counts: Partial<Record<JobState, number>>, deadLetterQueue: string | null = null, stale: QueueResponse['stale'] = {}): QueueResponse {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { name, counts, total, stale, deadLetterQueue, settings: { policy: 'standard', retryLimit: 3 } };
}

export const QUEUES: QueueResponse[] = [
  queue('email-send', { queued: 1204, scheduled: 40, active: 8, retrying: 3, completed: 48211, failed: 127, cancelled: 2 }, 'email-send-dlq'),
  queue('email-send-dlq', { queued: 13, scheduled: 0, active: 0, retrying: 0, completed: 0, failed: 19, cancelled: 0 }),
  queue('image-resize', { queued: 12, scheduled: 0, active: 4, retrying: 0, completed: 9120, failed: 0, cancelled: 0 }),
  queue('invoice-sync', { queued: 310, scheduled: 1500, active: 2, retrying: 6, completed: 20450, failed: 3, cancelled: 14 }),
  queue('reports/daily', { queued: 0, scheduled: 1, active: 0, retrying: 0, completed: 365, failed: 0, cancelled: 0 }),
  // Too many finished jobs to count on a request: the engine's cached figure, with its time.
  queue('webhook-deliver', { queued: 58, scheduled: 0, active: 16, retrying: 21, completed: 130877, failed: 0 }, null, {
    completed: { asOf: new Date(Date.now() - 40_000).toISOString(), includes: ['cancelled'] },
  }),
];

const BASE = Date.parse('2026-11-27T10:00:00Z');

/** A stable UUID-like id for the n-th job of a queue. */
export function jobId(queueName: string, n: number): string {
  let hash = 2166136261;
  for (const char of `${queueName}:${n}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const hex = (hash.toString(16).padStart(8, '0') + (n * 2654435761 >>> 0).toString(16).padStart(8, '0')).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const MESSAGES = [
  'upstream 503 while calling https://smtp.example.test/v3/send',
  'ETIMEDOUT: connect timed out after 10000 ms (smtp.example.test:587)',
  'Recipient address rejected: user unknown in virtual mailbox table',
];

/** The jobs of a queue in one state (at most 130 per state), newest first. */
export function jobsOf(queueName: string, state: JobState | null, now = Date.now()): JobSummaryResponse[] {
  const info = QUEUES.find((q) => q.name === queueName);
  if (!info) return [];
  const states = state ? [state] : ALL_JOB_STATES;
  const jobs: JobSummaryResponse[] = [];
  for (const s of states) {
    const count = Math.min(info.counts[s] ?? 0, 130);
    for (let i = 0; i < count; i++) jobs.push(summary(queueName, s, i, now));
  }
  return jobs.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function summary(queueName: string, state: JobState, i: number, now: number): JobSummaryResponse {
  const created = now - (i * 7 + ALL_JOB_STATES.indexOf(state)) * 60_000 - 45_000;
  const started = ['active', 'retrying', 'completed', 'failed'].includes(state) ? created + 740 : null;
  const finished = ['completed', 'failed', 'cancelled'].includes(state) ? (started ?? created) + 1_200 + i * 10 : null;
  const failing = state === 'failed' || state === 'retrying';
  // A dead letter waits in its queue with the failure that sent it there.
  const deadLetter = queueName === 'email-send-dlq' && state === 'queued';
  return {
    id: jobId(queueName, i * 10 + ALL_JOB_STATES.indexOf(state)),
    queue: queueName,
    state,
    priority: 0,
    attempts: { made: state === 'failed' ? 3 : failing ? 1 : started ? 1 : 0, max: 3 },
    createdAt: new Date(created).toISOString(),
    runAfter: new Date(created).toISOString(),
    startedAt: started ? new Date(started).toISOString() : null,
    finishedAt: finished ? new Date(finished).toISOString() : null,
    errorMessage: failing || deadLetter ? MESSAGES[i % MESSAGES.length]! : null,
    ...(deadLetter ? { deadLetteredFrom: { queue: 'email-send' } } : {}),
  };
}

const STACK = [
  'Error: upstream 503 while calling https://smtp.example.test/v3/send',
  '    at SmtpClient.send (/srv/app/src/mail/smtp-client.ts:88:13)',
  '    at async sendEmail (/srv/app/src/jobs/email-send.ts:41:5)',
  '    at async Worker.work (/srv/app/node_modules/pg-boss/dist/worker.js:121:24)',
  '    at async Promise.all (index 0)',
  '    at async processTicksAndRejections (node:internal/process/task_queues:105:5)',
].join('\n');

/** The detail of the newest failed job of `email-send`, the job the tests open. */
export function failedJobDetail(now = Date.now()): JobDetailResponse {
  const job = jobsOf('email-send', 'failed', now)[0]!;
  return {
    ...job,
    data: { value: { to: 'customer-4411@example.test', template: 'invoice-ready', locale: 'en-GB', invoice: { id: 'INV-2026-00917', total: 129.5, currency: 'EUR', lines: 3 }, retryable: true, tags: ['billing', 'transactional'] } },
    output: { hidden: true },
    error: { value: { name: 'Error', message: 'upstream 503 while calling https://smtp.example.test/v3/send', stack: STACK, details: { status: 503, attempt: 3 } } },
    options: { value: { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 900, singletonKey: null, deadLetter: 'email-send-dlq' } },
    timings: {
      createdAt: job.createdAt,
      runAfter: job.runAfter,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      keepUntil: new Date(Date.parse(job.createdAt) + 14 * 86_400_000).toISOString(),
    },
    deadLetteredFrom: null,
  };
}

/** A dead-lettered job whose data is too large to send whole. */
export function deadLetterJobDetail(now = Date.now()): JobDetailResponse {
  const job = jobsOf('email-send-dlq', 'failed', now)[0]!;
  const preview = JSON.stringify({ to: 'bulk@example.test', attachments: [{ name: 'report.csv', base64: 'QUJD'.repeat(400) }] }).slice(0, 1200);
  return {
    ...job,
    data: { truncated: true, bytes: 3_481_920, preview },
    output: { value: null },
    error: { hidden: true },
    options: { hidden: true },
    timings: { createdAt: job.createdAt, runAfter: job.runAfter, startedAt: job.startedAt, finishedAt: job.finishedAt, keepUntil: null },
    deadLetteredFrom: { queue: 'email-send', id: jobId('email-send', 6) },
  };
}

/** What the background diagnosis found in the fixture queues, checked `now` less 12 s. */
export function attentionFixture(now = Date.now()): AttentionResponse {
  return {
    checkedAt: new Date(now - 12_000).toISOString(),
    failedAt: null,
    findings: [
      { kind: 'overdue', queue: 'webhook-deliver', severity: 'critical', count: 2, more: false },
      { kind: 'failing', queue: 'email-send', severity: 'critical', count: 42, previous: 6, windowSeconds: 300 },
      { kind: 'backlog', queue: 'invoice-sync', severity: 'warning', count: 310, since: new Date(now - 18 * 60_000).toISOString() },
      { kind: 'dead-letters', queue: 'email-send-dlq', severity: 'warning', count: 13, from: ['email-send'] },
    ],
    unchecked: [],
  };
}

/** A day of a queue's activity in half hours: a busy afternoon, a spike of failures, and slower runs with it. */
export function activityFixture(queue: string, window: string, now = Date.now()): QueueActivityResponse {
  const hour = window === '1h';
  const bucketSeconds = hour ? 60 : 1800;
  const count = hour ? 60 : 48;
  const to = new Date(now);
  const from = new Date(now - count * bucketSeconds * 1000);
  const points = Array.from({ length: count }, (_, index) => {
    const wave = 40 + 30 * Math.sin(index / 6);
    const spike = index > count - 10 && index < count - 5 ? 9 : 0.5;
    return {
      at: new Date(from.getTime() + (index + 1) * bucketSeconds * 1000).toISOString(),
      createdPerMinute: Math.round(wave * 10) / 10,
      completedPerMinute: Math.round((wave - spike) * 10) / 10,
      failedPerMinute: spike,
      waitP50: 0.4 + index / 100,
      waitP95: 2.1 + (spike > 1 ? 6 : 0),
      runP50: 1.2,
      runP95: spike > 1 ? 14 : 3.5,
      readyOldestSeconds: spike > 1 ? 95 : 4,
    };
  }).filter((_, index) => index !== 7);
  return { queue, window: hour ? '1h' : '24h', from: from.toISOString(), to: to.toISOString(), bucketSeconds, points, recorded: true };
}

/**
 * The flow of the richly detailed failed job: it waited on a resized image, which completed; an
 * invoice sync waits on it, and a report waits on the sync.
 */
export function flowFixture(now = Date.now()): JobFlowResponse {
  const failed = failedJobDetail(now);
  const step = (queue: string, n: number, state: JobState): JobSummaryResponse => summary(queue, state, n, now);
  const image = step('image-resize', 3, 'completed');
  const sync = step('invoice-sync', 4, 'blocked');
  const report = step('reports/daily', 5, 'blocked');
  const { data: _data, output: _output, error: _error, options: _options, timings: _timings, deadLetteredFrom: _from, ...job } = failed;
  return {
    steps: [job, image, sync, report],
    dependencies: [
      { waiting: { queue: job.queue, id: job.id }, on: { queue: image.queue, id: image.id } },
      { waiting: { queue: sync.queue, id: sync.id }, on: { queue: job.queue, id: job.id } },
      { waiting: { queue: report.queue, id: report.id }, on: { queue: sync.queue, id: sync.id } },
    ],
    more: false,
    hidden: 0,
  };
}

export function problem(status: number, title: string, detail: string): ApiAnswer {
  const body: ProblemResponse = { type: 'about:blank', title, status, detail };
  return { status, body };
}

const PAGE = /^queues\/([^/?]+)\/jobs(?:\?(.*))?$/;
const ONE = /^queues\/([^/?]+)\/jobs\/([^/?]+)$/;
const QUEUE = /^queues\/([^/?]+)$/;
const FLOW = /^queues\/([^/?]+)\/jobs\/([^/?]+)\/flow$/;
const ACTIVITY = /^queues\/([^/?]+)\/activity(?:\?window=(1h|24h))?$/;

/**
 * The API over the fixtures. Cursors are offsets (the real API's are opaque); `now` fixes the
 * clock so times read the same in every run.
 */
export function fixtureApi(now = Date.now()): ApiHandler {
  return (path) => {
    if (path === 'session') return { body: SESSION };
    if (path === 'queues') return { body: { queues: QUEUES } };
    if (path === 'attention') return { body: attentionFixture(now) };
    let match = QUEUE.exec(path);
    if (match) {
      const found = QUEUES.find((q) => q.name === decodeURIComponent(match![1]!));
      const deadLetterFor = QUEUES.filter((other) => other.deadLetterQueue === found?.name).map((other) => other.name);
      return found ? { body: { ...found, deadLetterFor } } : problem(404, 'Queue not found', `There is no queue named ${decodeURIComponent(match[1]!)}.`);
    }
    match = FLOW.exec(path);
    if (match) {
      const flow = flowFixture(now);
      return { body: flow.steps[0]!.id === decodeURIComponent(match[2]!) ? flow : { steps: [], dependencies: [], more: false, hidden: 0 } };
    }
    match = ACTIVITY.exec(path);
    if (match) return { body: activityFixture(decodeURIComponent(match[1]!), match[2] ?? '24h', now) };
    match = PAGE.exec(path);
    if (match) {
      const name = decodeURIComponent(match[1]!);
      if (!QUEUES.some((q) => q.name === name)) return problem(404, 'Queue not found', `There is no queue named ${name}.`);
      const params = new URLSearchParams(match[2] ?? '');
      const all = jobsOf(name, (params.get('state') as JobState | null) ?? null, now);
      const limit = Number(params.get('limit') ?? 50);
      const offset = Number(params.get('cursor') ?? 0);
      const jobs = all.slice(offset, offset + limit);
      return { body: { jobs, nextCursor: offset + limit < all.length ? String(offset + limit) : null, stoppedEarly: false } };
    }
    match = ONE.exec(path);
    if (match) {
      const id = decodeURIComponent(match[2]!);
      for (const detail of [failedJobDetail(now), deadLetterJobDetail(now)]) if (detail.id === id) return { body: detail };
      const job = jobsOf(decodeURIComponent(match[1]!), null, now).find((j) => j.id === id);
      if (!job) return problem(404, 'Job not found', `There is no job ${id} in this queue.`);
      const detail: JobDetailResponse = {
        ...job,
        data: { value: { n: 1 } },
        output: { value: job.state === 'completed' ? { ok: true } : null },
        error: { value: null },
        options: { value: { retryLimit: 2 } },
        timings: { createdAt: job.createdAt, runAfter: job.runAfter, startedAt: job.startedAt, finishedAt: job.finishedAt, keepUntil: null },
        deadLetteredFrom: null,
      };
      return { body: detail };
    }
    return problem(404, 'Not found', `No API route for ${path}.`);
  };
}
