import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { test } from 'node:test';
import { createOpsJobs, hideKeysMatching, type Action } from '../../../core/index.ts';
import { rootFromPage } from '../../../core/http/shell.ts';
import { memoryEngine, memoryStore } from '../support/memory-engine.ts';
import { builtConsoleFiles } from '../../../adapters/node-bridge/index.ts';

interface TestActor { name: string; may: readonly Action[] }

function console_(options: { authorize?: (actor: TestActor, action: Action) => unknown } = {}) {
  const errors: unknown[] = [];
  const opsJobs = createOpsJobs<{ actor?: TestActor }>({
    consoleFiles: builtConsoleFiles(),
    engine: memoryEngine(['payments'], [
      { id: 'j1', queue: 'payments', state: 'failed', createdAt: '2026-01-01T00:00:01Z', data: { cardToken: 'tok_S3CRET' }, error: { message: 'declined' } },
      { id: 'j2', queue: 'payments', state: 'completed', createdAt: '2026-01-01T00:00:02Z' },
      { id: 'j3', queue: 'payments', state: 'failed', createdAt: '2026-01-01T00:00:03Z' },
    ]),
    store: memoryStore(),
    auth: {
      currentActor: (hostRequest) => hostRequest.actor ?? null,
      authorize: (actor, action) => (options.authorize ? options.authorize(actor as TestActor, action) : (actor as TestActor).may.includes(action)) as boolean,
      auditPrincipal: (actor) => ({ id: (actor as TestActor).name, type: 'user', label: (actor as TestActor).name }),
    },
    displayPolicy: hideKeysMatching(/token/i),
    signInUrl: '/login',
    signOutUrl: '/account/switch',
    logger: { error: (_message, error) => void errors.push(error), warn: () => {} },
  });
  const get = (path: string, actor?: TestActor, init: RequestInit = {}) => opsJobs.handle(new Request(`http://127.0.0.1${path}`, init), actor ? { actor } : {});
  return { opsJobs, get, errors };
}

const viewer: TestActor = { name: 'vera', may: ['queues.view', 'jobs.view'] };
const nobody: TestActor = { name: 'guest', may: [] };

test('the API answers 401 problem+json without an actor, on every route and unknown ones', async () => {
  const { get } = console_();
  for (const path of ['/api/session', '/api/openapi.json', '/api/queues', '/api/queues/payments', '/api/queues/payments/jobs', '/api/queues/payments/jobs/j1', '/api/nope', '/api']) {
    const response = await get(`/ops/jobs${path}`);
    assert.equal(response.status, 401, path);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal((await response.json()).status, 401);
  }
});

test('routes that need a permission answer 403 without it; session stays open to any actor', async () => {
  const { get } = console_();
  for (const path of ['/api/queues', '/api/queues/payments', '/api/queues/payments/jobs', '/api/queues/payments/jobs/j1']) {
    const response = await get(`/ops/jobs${path}`, nobody);
    assert.equal(response.status, 403, path);
  }
  const session = await (await get('/ops/jobs/api/session', nobody)).json();
  assert.ok(Object.values(session.permissions).length >= 9);
  assert.ok(Object.values(session.permissions).every((allowed) => allowed === false));
  assert.equal(session.actor.label, 'guest');
  assert.equal(session.signOutUrl, './../../account/switch', "the host's sign-out page, relative to the mount root");
  assert.equal(new URL(session.signOutUrl, 'https://example.test/ops/jobs/').href, 'https://example.test/account/switch');
});

test('an authorize that throws denies, with the error only in the log', async () => {
  const { get, errors } = console_({ authorize: () => { throw new Error('policy exploded S3CRET'); } });
  const response = await get('/ops/jobs/api/queues', viewer);
  assert.equal(response.status, 403);
  assert.doesNotMatch(await response.text(), /exploded|S3CRET/);
  assert.ok(errors.length > 0);
});

test('a denial reason from the host reaches the operator', async () => {
  const { get } = console_({ authorize: () => ({ allow: false, reason: 'Only the payments team may look at payments.' }) });
  const body = await (await get('/ops/jobs/api/queues/payments', viewer)).json();
  assert.equal(body.detail, 'Only the payments team may look at payments.');
});

test('listing pages walk every job once, newest first, and validate their parameters', async () => {
  const { get } = console_();
  const first = await (await get('/ops/jobs/api/queues/payments/jobs?state=failed&limit=1', viewer)).json();
  assert.deepEqual(first.jobs.map((job: { id: string }) => job.id), ['j3']);
  const second = await (await get(`/ops/jobs/api/queues/payments/jobs?state=failed&limit=1&cursor=${first.nextCursor}`, viewer)).json();
  assert.deepEqual(second.jobs.map((job: { id: string }) => job.id), ['j1']);
  assert.equal(second.nextCursor, null);

  const foreign = await get(`/ops/jobs/api/queues/payments/jobs?state=completed&cursor=${first.nextCursor}`, viewer);
  assert.equal(foreign.status, 400);
  assert.equal((await foreign.json()).parameter, 'cursor');
  for (const limit of ['0', '201', '-1', '1.5', 'ten', '99999999']) {
    const response = await get(`/ops/jobs/api/queues/payments/jobs?limit=${limit}`, viewer);
    assert.equal(response.status, 400, limit);
    const body = await response.json();
    assert.equal(body.parameter, 'limit');
    assert.match(body.detail, /from 1 to 200/);
  }
  const state = await get('/ops/jobs/api/queues/payments/jobs?state=exploded', viewer);
  assert.equal((await state.json()).parameter, 'state');
  const unsupported = await get('/ops/jobs/api/queues/payments/jobs?state=retrying', viewer);
  assert.equal(unsupported.status, 400, 'a state this engine does not have');
});

test('unknown queues and jobs are 404 problems', async () => {
  const { get } = console_();
  assert.equal((await get('/ops/jobs/api/queues/nope', viewer)).status, 404);
  assert.equal((await get('/ops/jobs/api/queues/nope/jobs', viewer)).status, 404);
  assert.equal((await get('/ops/jobs/api/queues/payments/jobs/nope', viewer)).status, 404);
  assert.equal((await get('/ops/jobs/api/queues/%E0%A4%A/jobs', viewer)).status, 400, 'broken percent-encoding');
});

test('job detail passes through the display policy', async () => {
  const { get } = console_();
  const text = await (await get('/ops/jobs/api/queues/payments/jobs/j1', viewer)).text();
  assert.doesNotMatch(text, /tok_S3CRET/);
  assert.deepEqual(JSON.parse(text).data, { value: { cardToken: '[redacted]' } });
});

test('non-GET methods are refused with 405 and change nothing', async () => {
  const { get } = console_();
  const response = await get('/ops/jobs/api/queues', viewer, { method: 'DELETE' });
  assert.equal(response.status, 405);
  assert.equal(response.headers.get('allow'), 'GET, HEAD');
});

test('HEAD answers like GET without a body', async () => {
  const { get } = console_();
  const response = await get('/ops/jobs/api/queues', viewer, { method: 'HEAD' });
  assert.equal(response.status, 200);
  assert.equal(await response.text(), '');
});

test('the OpenAPI document describes every route', async () => {
  const { get } = console_();
  const document = await (await get('/ops/jobs/api/openapi.json', viewer)).json();
  assert.equal(document.openapi, '3.1.0');
  assert.deepEqual(Object.keys(document.paths).sort(), [
    '/api/openapi.json', '/api/queues', '/api/queues/{queue}', '/api/queues/{queue}/jobs', '/api/queues/{queue}/jobs/{id}', '/api/session',
    '/api/queues/{queue}/jobs/{id}/{part}', '/api/actions/preview', '/api/actions/execute', '/api/audit', '/api/audit/export', '/api/audit/{id}', '/api/events', '/api/live/fallback', '/api/schedules', '/api/jobs', '/api/workers',
    '/api/attention', '/api/queues/{queue}/activity', '/api/queues/{queue}/jobs/{id}/flow', '/api/audit/suggestions', '/api/incidents',
    '/api/queues/{queue}/chronology', '/api/queues/{queue}/jobs/{id}/chronology', '/api/queues/{queue}/schedules/{key}/chronology',
  ].sort());
  for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(document.paths)) {
    for (const operation of Object.values(operations)) assert.ok(operation.responses['401'], `${path} documents 401`);
  }
  assert.ok(document.paths['/api/actions/execute'].post.requestBody, 'POST routes document their body');
});

test('the mount without a slash redirects relatively, keeping the query', async () => {
  const { get } = console_();
  const response = await get('/ops/jobs?x=1', viewer);
  assert.equal(response.status, 308);
  assert.equal(response.headers.get('location'), 'jobs/?x=1');
});

test('pages: 401 page with the sign-in link, 403 page for an actor without access, shell otherwise', async () => {
  const { get } = console_();
  const signedOut = await get('/ops/jobs/queues/payments');
  assert.equal(signedOut.status, 401);
  // Relative to the page, so that the link reaches the host's /login behind a prefixing proxy too.
  assert.match(await signedOut.text(), /href="..\/..\/..\/login"/);
  assert.equal(new URL('../../../login', 'https://example.test/prefix/ops/jobs/queues/payments').pathname, '/prefix/login');
  const api = await get('/ops/jobs/api/queues');
  assert.equal(api.status, 401);
  const problem = await api.json();
  assert.equal(problem.signIn, './../../login', 'the sign-in page, relative to the mount root');
  assert.equal(new URL(problem.signIn, 'https://example.test/prefix/ops/jobs/').pathname, '/prefix/login');
  const forbidden = await get('/ops/jobs/', nobody);
  assert.equal(forbidden.status, 403);
  const forbiddenHtml = await forbidden.text();
  assert.match(forbiddenHtml, /<a class="primary" href="\.\/\.\.\/\.\.\/account\/switch">Sign out or switch user<\/a>/, 'the way out, relative to the page');
  assert.equal(new URL('./../../account/switch', 'https://example.test/prefix/ops/jobs/').pathname, '/prefix/account/switch');
  assert.match(forbiddenHtml, /<a href="">Try again<\/a>/);
  const shell = await get('/ops/jobs/queues/payments/jobs/j1', viewer);
  assert.equal(shell.status, 200);
  const html = await shell.text();
  assert.match(html, /<ops-jobs-console root="..\/..\/..\/">/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)/, 'no inline script');
  assert.match(shell.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  assert.doesNotMatch(html, /\/ops\/jobs/, 'no absolute paths baked into the page');
});

test('the signed-out and not-allowed pages wear the console\'s colours, light and dark, under a strict policy', async () => {
  const { get } = console_();
  for (const response of [await get('/ops/jobs/'), await get('/ops/jobs/', nobody)]) {
    const html = await response.text();
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    assert.match(style, /color-scheme:light dark/);
    assert.match(style, /--_surface:var\(--ops-jobs-color-surface,light-dark\(#ffffff,#161a21\)\)/, 'the console\'s own surface token');
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(style))).toString('base64');
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.match(policy, new RegExp(`style-src 'self' 'sha256-${digest.replace(/[+/]/g, '\\$&')}'`), 'the page\'s only style, allowed by its hash');
    assert.match(policy, /script-src 'self'/);
    assert.doesNotMatch(html, /<script/, 'no script at all');
    assert.match(html, /href="">Try again</, 'never a dead end');
  }
});

test('a host without a sign-out page: the not-allowed page offers its sign-in page, and says the host\'s reason', async () => {
  const opsJobs = createOpsJobs<{ actor?: TestActor }>({
    engine: memoryEngine(['payments'], []),
    store: memoryStore(),
    auth: {
      currentActor: (hostRequest) => hostRequest.actor ?? null,
      authorize: () => ({ allow: false, reason: 'Guests <b>may</b> not.' }),
      auditPrincipal: (actor) => ({ id: (actor as TestActor).name, type: 'user', label: (actor as TestActor).name }),
    },
    displayPolicy: hideKeysMatching(/token/i),
    signInUrl: '/login',
  });
  const html = await (await opsJobs.handle(new Request('http://127.0.0.1/ops/jobs/queues/payments'), { actor: nobody })).text();
  assert.match(html, /<a class="primary" href="..\/..\/..\/login">Sign in as someone else<\/a>/);
  assert.match(html, /<p class="reason">Guests &#60;b&#62;may&#60;\/b&#62; not.<\/p>/, 'the reason, escaped');
});

test('rootFromPage climbs back to the mount root', () => {
  assert.equal(rootFromPage('/'), './');
  assert.equal(rootFromPage('/queues'), './');
  assert.equal(rootFromPage('/queues/a'), '../');
  assert.equal(rootFromPage('/queues/a/'), '../../');
  assert.equal(rootFromPage('/queues/a/jobs/1'), '../../../');
});

test('console assets: hashed, cached for a year, precompressed, and only for signed-in operators', async () => {
  const { get } = console_();
  const html = await (await get('/ops/jobs/', viewer)).text();
  const src = /src="\.\/(assets\/[^"]+)"/.exec(html)?.[1];
  assert.ok(src, 'the shell loads the bundle');
  assert.match(src, /^assets\/ops-jobs-console-[a-z0-9]+\.js$/);
  const plain = await get(`/ops/jobs/${src}`, viewer);
  assert.equal(plain.headers.get('cache-control'), 'private, max-age=31536000, immutable');
  const body = new Uint8Array(await plain.arrayBuffer());
  const gzip = await get(`/ops/jobs/${src}`, viewer, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gzip.headers.get('content-encoding'), 'gzip');
  assert.deepEqual(new Uint8Array(gunzipSync(new Uint8Array(await gzip.arrayBuffer()))), body);
  const brotli = await get(`/ops/jobs/${src}`, viewer, { headers: { 'accept-encoding': 'gzip, br' } });
  assert.equal(brotli.headers.get('content-encoding'), 'br');
  assert.deepEqual(new Uint8Array(brotliDecompressSync(new Uint8Array(await brotli.arrayBuffer()))), body);
  assert.equal((await get(`/ops/jobs/${src}`)).status, 401);
  assert.equal((await get('/ops/jobs/assets/manifest.json', viewer)).status, 404);
  assert.equal((await get('/ops/jobs/assets/..%2Fpackage.json', viewer)).status, 404);
});

test('one part of a job comes whole, redacted as the detail is; a bad part is a 400 and an unknown job a 404', async () => {
  const { get } = console_();
  const data = await get('/ops/jobs/api/queues/payments/jobs/j1/data', viewer);
  assert.equal(data.status, 200);
  assert.deepEqual(await data.json(), { value: { cardToken: '[redacted]' } });
  assert.deepEqual(await (await get('/ops/jobs/api/queues/payments/jobs/j1/error', viewer)).json(), { value: { message: 'declined' } });
  const bad = await get('/ops/jobs/api/queues/payments/jobs/j1/secrets', viewer);
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).parameter, 'part');
  assert.equal((await get('/ops/jobs/api/queues/payments/jobs/nope/data', viewer)).status, 404);
  assert.equal((await get('/ops/jobs/api/queues/nowhere/jobs/j1/data', viewer)).status, 404);
  assert.equal((await get('/ops/jobs/api/queues/payments/jobs/j1/data', nobody)).status, 403);
  assert.equal((await get('/ops/jobs/api/queues/payments/jobs/j1/secrets', nobody)).status, 403, 'permission is settled before the part is read');
  assert.equal((await get('/ops/jobs/api/queues/payments/jobs/j1/data')).status, 401);
});
