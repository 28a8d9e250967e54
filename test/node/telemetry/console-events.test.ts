// Subscribes to the real channels while the real console (pg-boss and the store on one PGlite)
// previews, executes, refuses and fails, and checks exactly what was reported, and that nothing
// identifying a job, a queue, an operator, a token, a reason or a secret ever was.
import assert from 'node:assert/strict';
import { after, before, describe, mock, test } from 'node:test';
import { startActionStack, type ActionStack } from '../support/action-stack.ts';
import { namesAndTags, recordTelemetry, type Recorder } from './recorder.ts';

const SECRET = 'tok_live_PLANTED_TELEMETRY_7731';
const REASON = 'Provider outage INC-2291 is over; retrying the declines';
const QUEUE = 'acme_payments_capture';
const REQUEST_ID = 'req-telemetry-4c1e';
const IDEMPOTENCY_KEY = 'idem-telemetry-9f2a';

const http = (route: string, method: string, status_class: string) => ({ name: 'http.request', tags: { route, method, status_class } });

describe('telemetry of the real console on PGlite', () => {
  let stack: ActionStack;
  let recorder: Recorder;
  const warnings: string[] = [];
  // Everything that must never be in an event, gathered as the tests go.
  const forbidden = new Set<string>([SECRET, REASON, QUEUE, REQUEST_ID, IDEMPOTENCY_KEY, 'olga', 'omar', 'vera', 'user-olga', 'olga (operator)']);

  before(async () => {
    mock.method(process, 'emitWarning', (message: string) => void warnings.push(message));
    recorder = recordTelemetry();
    stack = await startActionStack('PGlite', { actions: { tokenTtlSeconds: 60 } });
    forbidden.add(stack.bossSchema).add(stack.storeSchema);
  });
  after(async () => {
    recorder?.close();
    mock.restoreAll();
    await stack?.stop().catch(() => {});
  });

  const preview = (user: 'olga' | 'omar' | 'vera', target: object, action = 'job.retry') =>
    stack.request(user, 'POST', '/api/actions/preview', { action, target }, { 'x-request-id': REQUEST_ID });
  const execute = (user: 'olga' | 'omar', token: string, headers: Record<string, string> = {}) =>
    stack.request(user, 'POST', '/api/actions/execute', { token, reason: REASON }, { 'x-request-id': REQUEST_ID, ...headers });
  async function tokenFor(ids: readonly string[]): Promise<string> {
    const { token } = await (await preview('olga', { queue: QUEUE, ids })).json();
    forbidden.add(token);
    return token;
  }
  async function failed(count: number): Promise<string[]> {
    const ids = await stack.failedJobs(QUEUE, count, { cardToken: SECRET });
    for (const id of ids) forbidden.add(id);
    return ids;
  }

  test('a fresh store reports its migration', () => {
    assert.deepEqual(namesAndTags(recorder.take()), [{ name: 'store.migration', tags: { outcome: 'applied', driver: 'pglite' } }]);
  });

  test('preview, execute, an idempotent replay and a reused token', async () => {
    const ids = await failed(2);
    const { token } = await (await preview('olga', { queue: QUEUE, ids })).json();
    forbidden.add(token);
    let events = recorder.take();
    assert.deepEqual(namesAndTags(events), [
      { name: 'operator_action.previewed', tags: { action: 'job.retry', selection: 'ids' } },
      http('/api/actions/preview', 'POST', '2xx'),
    ]);
    assert.deepEqual(Object.keys(events[0]!.measurements).sort(), ['count', 'duration_ms', 'jobs']);
    assert.equal(events[0]!.measurements.jobs, 2);
    assert.ok(events[0]!.measurements.duration_ms! >= 0 && events[1]!.measurements.duration_ms! >= events[0]!.measurements.duration_ms!);

    assert.equal((await execute('olga', token, { 'idempotency-key': IDEMPOTENCY_KEY })).status, 200);
    assert.equal((await execute('olga', token, { 'idempotency-key': IDEMPOTENCY_KEY })).status, 200);
    assert.equal((await execute('olga', token)).status, 409);
    events = recorder.take();
    assert.deepEqual(namesAndTags(events), [
      { name: 'operator_action.executed', tags: { action: 'job.retry', selection: 'ids' } },
      http('/api/actions/execute', 'POST', '2xx'),
      { name: 'operator_action.replayed', tags: {} },
      http('/api/actions/execute', 'POST', '2xx'),
      { name: 'operator_action.denied', tags: { action: 'job.retry', phase: 'execute', reason: 'token_used' } },
      http('/api/actions/execute', 'POST', '4xx'),
    ]);
    assert.deepEqual(events[0]!.measurements.jobs, 2);
  });

  test('a bulk preview by filter', async () => {
    await failed(1);
    assert.equal((await preview('olga', { queue: QUEUE, filter: { state: 'failed' } })).status, 200);
    assert.deepEqual(namesAndTags(recorder.take()), [
      { name: 'operator_action.previewed', tags: { action: 'job.retry', selection: 'filter' } },
      http('/api/actions/preview', 'POST', '2xx'),
    ]);
  });

  test("a viewer's preview is denied, in both the auth and the operator_action families", async () => {
    const [id] = await failed(1);
    assert.equal((await preview('vera', { queue: QUEUE, ids: [id] })).status, 403);
    assert.equal((await preview('vera', { queue: QUEUE, filter: { state: 'failed' } }, 'job.delete')).status, 403);
    assert.deepEqual(namesAndTags(recorder.take()), [
      { name: 'auth.denied', tags: { action: 'job.retry', resource: 'job', phase: 'preview', reason: 'denied' } },
      { name: 'operator_action.denied', tags: { action: 'job.retry', phase: 'preview', reason: 'denied' } },
      http('/api/actions/preview', 'POST', '4xx'),
      { name: 'auth.denied', tags: { action: 'job.delete', resource: 'jobs', phase: 'preview', reason: 'denied' } },
      { name: 'operator_action.denied', tags: { action: 'job.delete', phase: 'preview', reason: 'denied' } },
      http('/api/actions/preview', 'POST', '4xx'),
    ]);
  });

  test('signed-out requests report unauthenticated, on the API and on the pages', async () => {
    assert.equal((await stack.request(null, 'GET', '/api/queues')).status, 401);
    assert.equal((await stack.request(null, 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: QUEUE, ids: ['x'] } })).status, 401);
    assert.equal((await stack.request(null, 'GET', `/queues/${QUEUE}`)).status, 401);
    assert.deepEqual(namesAndTags(recorder.take()), [
      { name: 'auth.unauthenticated', tags: { reason: 'no_actor' } },
      http('/api/queues', 'GET', '4xx'),
      { name: 'auth.unauthenticated', tags: { reason: 'no_actor' } },
      http('/api/actions/preview', 'POST', '4xx'),
      { name: 'auth.unauthenticated', tags: { reason: 'no_actor' } },
      http('/*', 'GET', '4xx'),
    ]);
  });

  test("another operator's token, an expired one, an unknown one and a drifted plan are refusals with their reasons", async () => {
    const ids = await failed(3);
    const stolen = await tokenFor([ids[0]!]);
    const expiring = await tokenFor([ids[1]!]);
    const drifting = await tokenFor([ids[2]!]);
    recorder.take();
    assert.equal((await execute('omar', stolen)).status, 403);
    stack.advance(61);
    try {
      assert.equal((await execute('olga', expiring)).status, 410);
    } finally {
      stack.advance(-61);
    }
    assert.equal((await execute('olga', 'A'.repeat(43))).status, 404);
    await stack.boss.retry(QUEUE, ids[2]!);
    assert.equal((await execute('olga', drifting)).status, 409);
    assert.equal((await execute('olga', 'not-a-token')).status, 400);
    assert.deepEqual(namesAndTags(recorder.take()), [
      { name: 'operator_action.denied', tags: { action: 'job.retry', phase: 'execute', reason: 'other_operator' } },
      http('/api/actions/execute', 'POST', '4xx'),
      { name: 'operator_action.denied', tags: { action: 'job.retry', phase: 'execute', reason: 'token_expired' } },
      http('/api/actions/execute', 'POST', '4xx'),
      { name: 'operator_action.denied', tags: { action: 'unknown', phase: 'execute', reason: 'token_unknown' } },
      http('/api/actions/execute', 'POST', '4xx'),
      { name: 'operator_action.denied', tags: { action: 'job.retry', phase: 'execute', reason: 'plan_drift' } },
      http('/api/actions/execute', 'POST', '4xx'),
      http('/api/actions/execute', 'POST', '4xx'),
    ]);
  });

  test('requests report route templates, never paths; made-up methods collapse to _OTHER', async () => {
    const [id] = await failed(1);
    assert.equal((await stack.request('vera', 'GET', `/api/queues/${QUEUE}/jobs/${id}`)).status, 200);
    assert.equal((await stack.request('vera', 'GET', `/api/queues/${QUEUE}/jobs?state=failed&data.cardToken=${SECRET}`)).status, 400);
    assert.equal((await stack.request('olga', 'GET', '/api/audit')).status, 403);
    assert.equal((await stack.request('olga', 'GET', `/api/no/such/${QUEUE}`)).status, 404);
    assert.equal((await stack.request('olga', 'BREW', '/api/queues')).status, 405);
    assert.equal((await stack.request('olga', 'HEAD', '/api/session')).status, 200);
    assert.deepEqual(namesAndTags(recorder.take()), [
      http('/api/queues/{queue}/jobs/{id}', 'GET', '2xx'),
      http('/api/queues/{queue}/jobs', 'GET', '4xx'),
      { name: 'auth.denied', tags: { action: 'audit.view', resource: 'audit', phase: 'none', reason: 'denied' } },
      http('/api/audit', 'GET', '4xx'),
      http('/api/*', 'GET', '4xx'),
      http('/api/queues', '_OTHER', '4xx'),
      http('/api/session', 'HEAD', '2xx'),
    ]);
  });

  test('an engine failure inside the action transaction reports its capability, and the action fails with cause engine', async () => {
    const [id] = await failed(1);
    const token = await tokenFor([id!]);
    recorder.take();
    // pg-boss's partition of the queue still answers (prepare passes); its parent table is gone.
    await stack.query(`ALTER TABLE ${stack.bossSchema}.job RENAME TO job_gone`);
    assert.equal((await execute('olga', token)).status, 500);
    assert.equal((await stack.request('olga', 'GET', '/api/queues')).status, 500);
    const events = namesAndTags(recorder.take());
    assert.deepEqual(events, [
      { name: 'engine.error', tags: { engine: 'pg-boss', capability: 'states_of' } },
      { name: 'operator_action.failed', tags: { action: 'job.retry', phase: 'execute', cause: 'engine' } },
      http('/api/actions/execute', 'POST', '5xx'),
      { name: 'engine.error', tags: { engine: 'pg-boss', capability: 'count_jobs' } },
      http('/api/queues', 'GET', '5xx'),
    ]);
    for (const line of stack.logs) for (const word of line.match(/relation "[^"]+"/g) ?? []) forbidden.add(word);
    assert.ok(stack.logs.some((line) => /does not exist/.test(line)), 'the cause went to the server log');
    forbidden.add('does not exist');
  });

  test('no event carried a job id, queue, token, reason, operator, request id, schema, error text or the planted secret', () => {
    const text = JSON.stringify(recorder.all);
    assert.ok(recorder.all.length > 30);
    const leaked = [...forbidden].filter((value) => text.includes(value));
    assert.deepEqual(leaked, []);
    assert.deepEqual(warnings, [], 'the console emitted nothing outside its contract');
  });
});
