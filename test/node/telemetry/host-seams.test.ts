// Refusals that come from the host's seams misbehaving: a broken authorize() is a policy_error,
// a throwing currentActor() an actor_error, a missing audit identity no_principal. Core only, on
// the in-memory engine and store.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createOpsJobs, hideKeysMatching, type AuthSeam } from '../../../core/index.ts';
import { memoryEngine, memoryStore } from '../support/memory-engine.ts';
import { namesAndTags, recordTelemetry, type Recorder } from './recorder.ts';

type Host = { user?: string };

const auth: AuthSeam<Host> = {
  currentActor: (host) => {
    if (host.user === 'broken-session') throw new Error('session store unreachable: sid=s3cr3t-session');
    return host.user ? { name: host.user } : null;
  },
  authorize: (actor, action) => {
    const { name } = actor as { name: string };
    if (name === 'nobody') return false;
    if (action === 'job.cancel') throw new Error('policy service timed out for ann');
    if (action === 'job.delete') return undefined as never;
    return true;
  },
  auditPrincipal: (actor) => {
    const { name } = actor as { name: string };
    if (name === 'ghost') return { id: '', type: 'user', label: '' };
    return { id: `id-${name}`, type: 'user', label: name };
  },
};

const opsJobs = createOpsJobs<Host>({
  engine: memoryEngine(['q'], [{ id: 'j1', queue: 'q', state: 'failed', createdAt: '2026-11-01T00:00:00Z' }]),
  store: memoryStore(),
  auth,
  displayPolicy: hideKeysMatching(/secret/),
  logger: { error: () => {}, warn: () => {} },
});

const request = (user: string | undefined, method: string, path: string, body?: unknown) => opsJobs.handle(
  new Request(`http://console.test/ops/jobs${path}`, body === undefined ? { method } : {
    method, headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify(body),
  }),
  user === undefined ? {} : { user },
);
const http = (route: string, method: string, status_class: string) => ({ name: 'http.request', tags: { route, method, status_class } });

let recorder: Recorder;
before(async () => {
  await opsJobs.ready();
  recorder = recordTelemetry();
});
after(() => recorder.close());

test('authorize() that throws or answers no decision is a policy_error; it still denies', async () => {
  assert.equal((await request('ann', 'POST', '/api/actions/preview', { action: 'job.cancel', target: { queue: 'q', ids: ['j1'] } })).status, 403);
  assert.equal((await request('ann', 'POST', '/api/actions/preview', { action: 'job.delete', target: { queue: 'q', filter: { state: 'failed' } } })).status, 403);
  assert.deepEqual(namesAndTags(recorder.take()), [
    { name: 'auth.denied', tags: { action: 'job.cancel', resource: 'job', phase: 'preview', reason: 'policy_error' } },
    { name: 'operator_action.denied', tags: { action: 'job.cancel', phase: 'preview', reason: 'policy_error' } },
    http('/api/actions/preview', 'POST', '4xx'),
    { name: 'auth.denied', tags: { action: 'job.delete', resource: 'jobs', phase: 'preview', reason: 'policy_error' } },
    { name: 'operator_action.denied', tags: { action: 'job.delete', phase: 'preview', reason: 'policy_error' } },
    http('/api/actions/preview', 'POST', '4xx'),
  ]);
});

test('currentActor() that throws is an actor_error', async () => {
  assert.equal((await request('broken-session', 'GET', '/api/session')).status, 401);
  assert.deepEqual(namesAndTags(recorder.take()), [
    { name: 'auth.unauthenticated', tags: { reason: 'actor_error' } },
    http('/api/session', 'GET', '4xx'),
  ]);
});

test('an actor without an audit identity is refused as no_principal, at preview and at execute', async () => {
  assert.equal((await request('ghost', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'q', ids: ['j1'] } })).status, 403);
  assert.equal((await request('ghost', 'POST', '/api/actions/execute', { token: 'A'.repeat(43), reason: 'because it is broken' })).status, 403);
  assert.deepEqual(namesAndTags(recorder.take()), [
    { name: 'operator_action.denied', tags: { action: 'job.retry', phase: 'preview', reason: 'no_principal' } },
    http('/api/actions/preview', 'POST', '4xx'),
    { name: 'operator_action.denied', tags: { action: 'unknown', phase: 'execute', reason: 'no_principal' } },
    http('/api/actions/execute', 'POST', '4xx'),
  ]);
});

test("the console page refused to a signed-in operator is an auth denial; the session's probing is not", async () => {
  assert.equal((await request('nobody', 'GET', '/queues/q')).status, 403);
  assert.equal((await request('nobody', 'GET', '/api/session')).status, 200);
  assert.deepEqual(namesAndTags(recorder.take()), [
    { name: 'auth.denied', tags: { action: 'queues.view', resource: 'console', phase: 'none', reason: 'denied' } },
    http('/*', 'GET', '4xx'),
    http('/api/session', 'GET', '2xx'),
  ]);
});

test('nothing about the host leaked: no user, session, policy message', () => {
  const text = JSON.stringify(recorder.all);
  for (const value of ['ann', 'ghost', 'nobody', 'broken-session', 's3cr3t', 'timed out', 'id-']) assert.ok(!text.includes(value), value);
});
