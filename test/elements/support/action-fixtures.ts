// The API of operator actions and the audit log over the element fixtures: an operator allowed to
// do everything, previews with a recognisable token, executes that honour idempotency keys, and
// an audit log of deterministic records. Tests queue problem answers to see each one handled.
import { PENDING_OUTCOME_NOTE, type AuditOutcome } from '../../../core/vocabulary/audit-outcomes.ts';
import type { JobOperatorAction, OperatorAction } from '../../../core/vocabulary/actions.ts';
import type { JobState } from '../../../core/vocabulary/job-states.ts';
import type {
  AuditRecordResponse,
  ExecuteRequestBody,
  ExecuteResponse,
  JobDetailResponse,
  JobSummaryResponse,
  PreviewRequestBody,
  PreviewResponse,
  SessionResponse,
} from '../../../core/vocabulary/wire.ts';
import { fixtureApi, jobId, jobsOf, QUEUES, SESSION } from './fixtures.ts';
import type { ApiAnswer, ApiHandler } from './server.ts';
import { scheduleKeyFromSegment } from '../../../core/vocabulary/schedule-key.ts';
import { jobChronology, prunedChronology, queueChronology, scheduleChronology } from './chronology-fixtures.ts';

/** An operator who may do everything, on an engine that can also redrive failed dead letters. */
export const OPERATOR_SESSION: SessionResponse = {
  ...SESSION,
  permissions: Object.fromEntries(Object.keys(SESSION.permissions).map((action) => [action, true])) as SessionResponse['permissions'],
  engine: { ...SESSION.engine, actions: { ...SESSION.engine.actions, 'job.redrive': ['failed'] } },
};

/** A session whose permissions and reasons are changed by `changes`. */
export function sessionWith(permissions: Partial<SessionResponse['permissions']>, reasons: SessionResponse['reasons'] = {}, base = OPERATOR_SESSION): SessionResponse {
  return { ...base, permissions: { ...base.permissions, ...permissions }, reasons };
}

/** Every preview token starts with this, so a test can search the page for any of them. */
export const TOKEN_PREFIX = 'pvTOKEN-never-in-the-dom-';

/** A problem document of the console's own kind (`urn:ops-jobs:problem:<type>`). */
export function actionProblem(status: number, type: string, title: string, detail: string, extensions: Record<string, unknown> = {}): ApiAnswer {
  return { status, body: { type: `urn:ops-jobs:problem:${type}`, title, status, detail, ...extensions } };
}

const PRINCIPALS = [
  { id: 'u-1042', type: 'user', label: 'Dana Whitfield' },
  { id: 'u-2207', type: 'user', label: 'Sam Okafor' },
  { id: 'svc-ops-bot', type: 'service', label: 'Ops bot' },
];
const REASONS = [
  'Provider outage INC-2291 is over; retrying the declines',
  'Customer asked us to stop the campaign (ticket SUP-8812)',
  'Duplicate sends after the deploy at 09:40, cleaning up',
  'SMTP credentials rotated, re-running the failed batch',
];
const ACTIONS: OperatorAction[] = ['job.retry', 'job.cancel', 'job.delete', 'job.retry', 'job.resume', 'job.redrive'];

/**
 * 64 audit records, newest first, every few minutes: number 0 retried the newest failed job of
 * email-send, number 3 is an open intent, number 5 has its reason hidden.
 */
export function auditRecords(now: number): AuditRecordResponse[] {
  const records: AuditRecordResponse[] = [];
  for (let i = 0; i < 64; i++) {
    const action = ACTIONS[i % ACTIONS.length]!;
    const queue = action === 'job.redrive' ? 'email-send-dlq' : i % 4 === 1 ? 'invoice-sync' : 'email-send';
    const single = i % 3 === 0;
    const state: JobState = action === 'job.cancel' ? 'queued' : action === 'job.resume' ? 'cancelled' : 'failed';
    // Record 0 retried the failed job the tests open (the newest failed job of email-send).
    const ids = i === 0 ? [jobId(queue, 6)] : single ? [jobId(queue, 60 + i)] : Array.from({ length: 3 + (i % 5) * 7 }, (_, n) => jobId(queue, 200 + i * 40 + n));
    const outcome: AuditOutcome = i === 3 ? 'pending' : i % 11 === 7 ? 'failed' : 'succeeded';
    const occurredAt = new Date(now - (i * 17 + 4) * 60_000).toISOString();
    records.push({
      id: `aud-${String(1000 + i)}-${jobId('audit', i).slice(0, 8)}`,
      occurredAt,
      completedAt: outcome === 'pending' ? null : new Date(Date.parse(occurredAt) + 420).toISOString(),
      principal: PRINCIPALS[i % PRINCIPALS.length]!,
      action,
      resource: { queue, selection: single || i % 2 === 0 ? { ids } : { filter: { state } }, ids },
      requested: ids.length,
      affected: outcome === 'pending' ? null : outcome === 'failed' ? Math.floor(ids.length / 2) : ids.length,
      outcome,
      reason: i === 5 ? null : REASONS[i % REASONS.length]!,
      planHash: `sha256:${jobId('plan', i).replace(/-/g, '')}`,
      correlationId: `req-${jobId('corr', i).slice(0, 13)}`,
      ...(outcome === 'pending' ? { outcomeNote: PENDING_OUTCOME_NOTE } : {}),
    });
  }
  return records;
}

/** What the action API received, and the answers it is told to give next. */
export interface ActionApiState {
  readonly previews: PreviewRequestBody[];
  readonly executes: Array<{ body: ExecuteRequestBody; key: string | undefined }>;
  /** Answers for the next previews, used before computing a real one. */
  readonly previewAnswers: ApiAnswer[];
  /** Answers for the next executes, used before executing. */
  readonly executeAnswers: ApiAnswer[];
}

function preview(body: PreviewRequestBody, n: number, now: number): PreviewResponse {
  const queue = QUEUES.find((q) => q.name === body.target.queue)!;
  const states = body.action.startsWith('job.') ? OPERATOR_SESSION.engine.actions[body.action as JobOperatorAction] ?? [] : [];
  let jobs: JobSummaryResponse[];
  const warnings: string[] = [];
  let count: number;
  if ('ids' in body.target) {
    const wanted = new Set(body.target.ids);
    const found = jobsOf(queue.name, null, now).filter((job) => wanted.has(job.id));
    jobs = found.filter((job) => states.includes(job.state));
    const left = found.length - jobs.length;
    if (left > 0) warnings.push(`${left} selected job${left === 1 ? ' is' : 's are'} not in a state this action applies to and will be left alone.`);
    count = jobs.length;
  } else {
    const state = 'filter' in body.target ? body.target.filter.state : 'queued';
    jobs = jobsOf(queue.name, state, now);
    count = queue.counts[state] ?? jobs.length;
  }
  if (body.action === 'job.retry' && queue.name === 'email-send') {
    warnings.push('Queue email-send uses a singleton policy: a retried job that collides with a queued one is skipped.');
  }
  return {
    token: `${TOKEN_PREFIX}${String(n).padStart(4, '0')}-${'x'.repeat(14)}`,
    expiresAt: new Date(now + 5 * 60_000).toISOString(),
    action: body.action,
    queue: queue.name,
    count,
    sample: jobs.slice(0, 10),
    warnings,
  };
}

function auditPage(records: AuditRecordResponse[], params: URLSearchParams): ApiAnswer {
  const matches = records.filter((record) => {
    const at = record.occurredAt;
    return (
      (!params.get('actor') || record.principal.id === params.get('actor')) &&
      (!params.get('action') || record.action === params.get('action')) &&
      (!params.get('queue') || record.resource?.queue === params.get('queue')) &&
      (!params.get('job') || record.resource?.ids.includes(params.get('job')!) === true) &&
      (!params.get('outcome') || record.outcome === params.get('outcome')) &&
      (!params.get('from') || at >= params.get('from')!) &&
      (!params.get('to') || at < params.get('to')!)
    );
  });
  const limit = Number(params.get('limit') ?? 50);
  const offset = Number(params.get('cursor') ?? 0);
  return { body: { records: matches.slice(offset, offset + limit), nextCursor: offset + limit < matches.length ? String(offset + limit) : null } };
}

/**
 * The fixture API plus actions and the audit log. `state` records what was sent and hands out
 * queued answers; idempotency keys replay the first result, as the real server does.
 */
export function actionApi(now: number, session: SessionResponse = OPERATOR_SESSION): { api: ApiHandler; state: ActionApiState } {
  const base = fixtureApi(now);
  const records = auditRecords(now);
  const state: ActionApiState = { previews: [], executes: [], previewAnswers: [], executeAnswers: [] };
  const receipts = new Map<string, ExecuteResponse>();
  let last: PreviewResponse | null = null;
  const api: ApiHandler = (path, url, request) => {
    if (path === 'session') return { body: session };
    if (path === 'actions/preview' && request?.method === 'POST') {
      const body = request.body as PreviewRequestBody;
      state.previews.push(body);
      const queued = state.previewAnswers.shift();
      if (queued) return queued;
      last = preview(body, state.previews.length, now);
      return { body: last };
    }
    if (path === 'actions/execute' && request?.method === 'POST') {
      const key = request.headers['idempotency-key'] as string | undefined;
      state.executes.push({ body: request.body as ExecuteRequestBody, key });
      const replay = key ? receipts.get(key) : undefined;
      if (replay) return { body: replay, headers: { 'idempotent-replayed': 'true' } };
      const queued = state.executeAnswers.shift();
      if (queued) return queued;
      const result: ExecuteResponse = { outcome: 'succeeded', affected: last?.count ?? 0, auditId: records[0]!.id };
      if (key) receipts.set(key, result);
      return { body: result };
    }
    const params = new URLSearchParams(url.search);
    if (path.startsWith('audit?') || path === 'audit') return auditPage(records, params);
    if (path.startsWith('audit/')) {
      const id = decodeURIComponent(path.slice('audit/'.length));
      const record = records.find((r) => r.id === id);
      return record ? { body: record } : actionProblem(404, 'not-found', 'Audit record not found', `No audit record has id ${id}.`);
    }
    const chronology = chronologyAnswer(path, records, now, (jobPath) => base(jobPath, url, request) as ApiAnswer);
    if (chronology) return chronology;
    return base(path, url, request);
  };
  return { api, state };
}

/** The job the audit log names that the engine no longer has: its page shows a chronology from the records alone. */
export const PRUNED_JOB = { queue: 'email-send', id: '0b9f5a43-7c1d-4e55-9d2a-pruned000001' } as const;

const JOB_CHRONOLOGY = /^queues\/([^/?]+)\/jobs\/([^/?]+)\/chronology$/;
const QUEUE_CHRONOLOGY = /^queues\/([^/?]+)\/chronology$/;
const SCHEDULE_CHRONOLOGY = /^queues\/([^/?]+)\/schedules\/([^/?]+)\/chronology$/;

/** Chronologies over the fixtures: a job's from its detail and the records naming it, a pruned job's, a schedule's, a queue's. */
function chronologyAnswer(path: string, records: readonly AuditRecordResponse[], now: number, job: (path: string) => ApiAnswer): ApiAnswer | null {
  let match = JOB_CHRONOLOGY.exec(path);
  if (match) {
    const queue = decodeURIComponent(match[1]!);
    const id = decodeURIComponent(match[2]!);
    if (queue === PRUNED_JOB.queue && id === PRUNED_JOB.id) return { body: prunedChronology(queue, id, [records[3]!, records[9]!, records[14]!]) };
    const answer = job(`queues/${match[1]}/jobs/${match[2]}`);
    if (typeof answer !== 'object' || (answer.status ?? 200) !== 200) return answer;
    const naming = records.filter((record) => record.resource?.queue === queue && record.resource.ids.includes(id));
    return { body: jobChronology(answer.body as JobDetailResponse, naming, now) };
  }
  match = SCHEDULE_CHRONOLOGY.exec(path);
  if (match) {
    const queue = decodeURIComponent(match[1]!);
    const key = scheduleKeyFromSegment(decodeURIComponent(match[2]!));
    const answer = scheduleChronology(queue, key, records[1]!, jobId(queue, 6), now);
    return answer ? { body: answer } : actionProblem(404, 'not-found', 'Schedule not found', `Queue ${JSON.stringify(queue)} has no schedule with key ${JSON.stringify(key)}, and the audit log names none.`);
  }
  match = QUEUE_CHRONOLOGY.exec(path);
  if (match) {
    const queue = decodeURIComponent(match[1]!);
    return { body: queueChronology(queue, records.filter((record) => record.resource?.queue === queue).slice(0, 100)) };
  }
  return null;
}
