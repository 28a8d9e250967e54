// The pure parts of operator actions and the audit log, in Node: which actions are offered, how
// problems are worded, the preview-execute flow with its token and idempotency key, selection,
// audit filters in URLs and datetime inputs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExecuteRequestBody, PreviewRequestBody, PreviewResponse, SessionResponse } from '../../core/vocabulary/wire.ts';
import { ActionFlow, FLOW_STEP } from '../../elements/action-dialog/action-flow.ts';
import { actionProblemCopy } from '../../elements/action-dialog/action-problem-copy.ts';
import { newIdempotencyKey } from '../../elements/action-dialog/idempotency-key.ts';
import { actionOptions, mayActOnAny } from '../../elements/actions/action-availability.ts';
import type { ApiClient } from '../../elements/api/api-client.ts';
import { ApiError } from '../../elements/api/api-error.ts';
import { auditQueryFrom, auditQueryString } from '../../elements/api/audit-query.ts';
import { fromLocalInput, toLocalInput } from '../../elements/audit-log/local-datetime.ts';
import { JobSelection } from '../../elements/job-list/job-selection.ts';
import { parseRoute, routes, routeUrl } from '../../elements/router/routes.ts';
import { OPERATOR_SESSION, sessionWith } from './support/action-fixtures.ts';

const problem = (status: number, type: string, detail = '', parameter: string | null = null) =>
  new ApiError(status, `urn:ops-jobs:problem:${type}`, type, detail, parameter);

describe('action availability', () => {
  it('offers the actions whose states include the job state, in a fixed order', () => {
    assert.deepEqual(actionOptions(OPERATOR_SESSION, ['failed'], { deadLetter: false }).map((o) => o.action), ['job.retry', 'job.delete']);
    assert.deepEqual(actionOptions(OPERATOR_SESSION, ['queued'], { deadLetter: false }).map((o) => o.action), ['job.cancel', 'job.delete']);
    assert.deepEqual(actionOptions(OPERATOR_SESSION, ['cancelled'], { deadLetter: false }).map((o) => o.action), ['job.resume', 'job.delete']);
    assert.deepEqual(actionOptions(OPERATOR_SESSION, ['failed'], { deadLetter: true }).map((o) => o.action), ['job.retry', 'job.redrive', 'job.delete']);
    assert.deepEqual(actionOptions(undefined, ['failed'], { deadLetter: false }), []);
  });

  it('never offers what the engine cannot do', () => {
    const session: SessionResponse = { ...OPERATOR_SESSION, engine: { ...OPERATOR_SESSION.engine, actions: { 'job.cancel': ['queued'] } } };
    assert.deepEqual(actionOptions(session, ['failed', 'queued'], { deadLetter: true }).map((o) => o.action), ['job.cancel']);
  });

  it('marks what the operator may not do, with the host reason or a plain one', () => {
    const session = sessionWith({ 'job.retry': false, 'job.delete': false }, { 'job.delete': 'Deleting needs the admin role.' });
    assert.deepEqual(actionOptions(session, ['failed'], { deadLetter: false }), [
      { action: 'job.retry', allowed: false, reason: null },
      { action: 'job.delete', allowed: false, reason: 'Deleting needs the admin role.' },
    ]);
    assert.equal(mayActOnAny(session, { deadLetter: false }), true);
    assert.equal(mayActOnAny(sessionWith({ 'job.retry': false, 'job.delete': false, 'job.cancel': false, 'job.resume': false, 'job.redrive': false }), { deadLetter: true }), false);
    assert.equal(mayActOnAny(sessionWith({ 'job.retry': false, 'job.delete': false, 'job.cancel': false, 'job.resume': false }), { deadLetter: false }), false, 'redrive alone does not count outside a dead letter queue');
  });
});

describe('action problems', () => {
  it('give each problem type a heading and one next step', () => {
    const cases: Array<[ApiError, 'preview' | 'execute', string, string]> = [
      [problem(410, 'preview-expired'), 'execute', 'The preview expired', 'preview-again'],
      [problem(409, 'plan-drift', '2 jobs changed state.'), 'execute', 'The jobs changed since the preview', 'preview-again'],
      [problem(409, 'preview-used'), 'execute', 'This was already done', 'audit-log'],
      [problem(403, 'preview-other-operator'), 'execute', 'This preview belongs to another operator', 'preview-again'],
      [problem(404, 'preview-not-found'), 'execute', 'The server no longer knows this preview', 'preview-again'],
      [problem(403, 'forbidden', 'On-call only.'), 'preview', 'You are not allowed to retry these jobs', 'close'],
      [problem(400, 'invalid-input', 'Nothing to retry.', 'target'), 'preview', 'Nothing to retry', 'close'],
      [new ApiError(0, 'about:blank', 'Network error', ''), 'execute', 'The answer did not arrive', 'resubmit'],
      [new ApiError(0, 'about:blank', 'Network error', ''), 'preview', 'Cannot reach the server', 'preview-again'],
      [new ApiError(503, 'about:blank', 'Service Unavailable', ''), 'execute', 'The server could not retry the jobs', 'resubmit'],
    ];
    for (const [error, during, heading, next] of cases) {
      const copy = actionProblemCopy(error, during, 'job.retry');
      assert.equal(copy.heading, heading, error.type);
      assert.equal(copy.next, next, error.type);
    }
    assert.equal(actionProblemCopy(problem(409, 'plan-drift', '2 jobs changed state.'), 'execute', 'job.retry').message, '2 jobs changed state.');
    assert.match(actionProblemCopy(problem(409, 'plan-drift'), 'execute', 'job.retry').message, /got to some of them first/);
    assert.equal(actionProblemCopy(problem(409, 'preview-used'), 'execute', 'job.retry').unchanged, false);
    assert.equal(actionProblemCopy(problem(410, 'preview-expired'), 'execute', 'job.retry').unchanged, true);
  });
});

/** A fake API whose answers the test sets, recording what the flow sent. */
function fakeApi() {
  const sent = { previews: [] as PreviewRequestBody[], executes: [] as Array<{ body: ExecuteRequestBody; key: string }> };
  let n = 0;
  const answers = { execute: [] as unknown[] };
  const api = {
    async preview(body: PreviewRequestBody): Promise<PreviewResponse> {
      sent.previews.push(body);
      n++;
      return { token: `secret-${n}`, expiresAt: '2026-11-27T10:05:00Z', action: body.action, queue: body.target.queue, count: 3, sample: [], warnings: [] };
    },
    async execute(body: ExecuteRequestBody, key: string) {
      sent.executes.push({ body, key });
      const next = answers.execute.shift();
      if (next instanceof Error) throw next;
      return { response: { outcome: 'succeeded' as const, affected: 3, auditId: 'aud-1' }, replayed: false };
    },
  };
  return { api: api as unknown as ApiClient, sent, answers };
}

const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
const request = { action: 'job.retry' as const, target: { queue: 'q', ids: ['a', 'b', 'c'] }, subject: '3 selected jobs' };

describe('action flow', () => {
  it('previews, then executes with the token it never exposes and one key per dialog', async () => {
    const { api, sent } = fakeApi();
    const done: string[] = [];
    const flow = new ActionFlow(host, () => api, (_r, result) => done.push(result.response.auditId));
    await flow.start(request);
    assert.equal(flow.step, FLOW_STEP.preview);
    assert.ok(!JSON.stringify(flow.preview).includes('secret'), 'the kept preview has no token');
    flow.proceed();
    assert.equal(flow.step, FLOW_STEP.reason);
    await flow.execute('because the outage is over');
    assert.equal(flow.step, FLOW_STEP.done);
    assert.deepEqual(done, ['aud-1']);
    assert.deepEqual(sent.executes[0]?.body, { token: 'secret-1', reason: 'because the outage is over' });
    assert.match(sent.executes[0]!.key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sends one execute for a double submit, and the same key when resubmitted after a lost answer', async () => {
    const { api, sent, answers } = fakeApi();
    const flow = new ActionFlow(host, () => api, () => {});
    await flow.start(request);
    flow.proceed();
    answers.execute.push(new ApiError(0, 'about:blank', 'Network error', ''));
    await Promise.all([flow.execute('the reason text'), flow.execute('the reason text')]);
    assert.equal(sent.executes.length, 1);
    assert.equal(flow.step, FLOW_STEP.problem);
    assert.equal(flow.canResubmit, true);
    await flow.resubmit();
    assert.equal(flow.step, FLOW_STEP.done);
    assert.equal(sent.executes.length, 2);
    assert.equal(sent.executes[1]!.key, sent.executes[0]!.key);
    assert.equal(sent.executes[1]!.body.token, sent.executes[0]!.body.token);
  });

  it('goes back to the reason when the server refuses it, and drops a token the server refused', async () => {
    const { api, sent, answers } = fakeApi();
    const flow = new ActionFlow(host, () => api, () => {});
    await flow.start(request);
    flow.proceed();
    answers.execute.push(problem(400, 'invalid-input', 'Say why in at least 8 characters.', 'reason'));
    await flow.execute('short');
    assert.equal(flow.step, FLOW_STEP.reason);
    assert.equal(flow.reasonError, 'Say why in at least 8 characters.');
    answers.execute.push(problem(410, 'preview-expired'));
    await flow.execute('a longer reason');
    assert.equal(flow.step, FLOW_STEP.problem);
    assert.equal(flow.canResubmit, false);
    await flow.previewAgain();
    assert.equal(flow.step, FLOW_STEP.preview);
    assert.equal(sent.previews.length, 2);
    flow.proceed();
    await flow.execute('a longer reason');
    assert.equal(sent.executes.at(-1)!.body.token, 'secret-2');
    assert.equal(new Set(sent.executes.map((e) => e.key)).size, 1, 'one key for the whole dialog');
  });

  it('builds keys without randomUUID too', () => {
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      const key = newIdempotencyKey();
      assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.notEqual(newIdempotencyKey(), key);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});

describe('job selection', () => {
  it('keeps order, counts by state, respects the cap and prunes jobs no longer listed', () => {
    const selection = new JobSelection(3);
    const jobs = [
      { id: 'a', state: 'failed' as const },
      { id: 'b', state: 'queued' as const },
      { id: 'c', state: 'failed' as const },
      { id: 'd', state: 'failed' as const },
    ];
    selection.setAll(jobs, true);
    assert.deepEqual(selection.ids(), ['a', 'b', 'c']);
    assert.equal(selection.full, true);
    assert.equal(selection.set(jobs[3]!, true), false);
    assert.equal(selection.countIn(['failed']), 2);
    assert.equal(selection.hasSome(jobs), true);
    assert.equal(selection.retain([{ id: 'a', state: 'completed' }, jobs[2]!]), true);
    assert.deepEqual(selection.ids(), ['a', 'c']);
    assert.equal(selection.countIn(['failed']), 1);
  });
});

describe('audit filters', () => {
  it('round-trip through query strings in a fixed order, dropping empty and unknown values', () => {
    const query = auditQueryFrom(new URLSearchParams('outcome=pending&queue=reports%2Fdaily&actor=&bogus=1&job=j-1'));
    assert.deepEqual(query, { queue: 'reports/daily', job: 'j-1', outcome: 'pending' });
    assert.equal(auditQueryString(query), 'queue=reports%2Fdaily&job=j-1&outcome=pending');
    assert.equal(auditQueryString({ outcome: 'pending', queue: 'reports/daily', job: 'j-1' }), auditQueryString(query));
  });

  it('have routes: the log with its filters, and one record', () => {
    const root = new URL('https://ops.example.test/ops/jobs/');
    const log = routes.audit({ actor: 'u 1', from: '2026-11-27T09:00:00.000Z' });
    assert.equal(routeUrl(log, root).href, 'https://ops.example.test/ops/jobs/audit?actor=u+1&from=2026-11-27T09%3A00%3A00.000Z');
    assert.deepEqual(parseRoute(routeUrl(log, root), root), log);
    assert.deepEqual(parseRoute(new URL('https://ops.example.test/ops/jobs/audit/aud%2F1'), root), { name: 'audit-record', id: 'aud/1' });
    assert.deepEqual(parseRoute(new URL('https://ops.example.test/ops/jobs/audit/'), root), { name: 'audit', filter: {} });
  });

  it('convert datetime-local values to ISO instants and back', () => {
    const iso = fromLocalInput('2026-11-27T09:30');
    assert.equal(iso, new Date('2026-11-27T09:30').toISOString());
    assert.equal(toLocalInput(iso), '2026-11-27T09:30');
    assert.equal(fromLocalInput(''), undefined);
    assert.equal(toLocalInput('nonsense'), '');
  });
});
