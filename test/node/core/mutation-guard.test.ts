import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOpsJobs, hideKeysMatching } from '../../../core/index.ts';
import { memoryEngine, memoryStore } from '../support/memory-engine.ts';

const opsJobs = createOpsJobs<{ user?: string }>({
  engine: memoryEngine(['q'], [{ id: 'j1', queue: 'q', state: 'failed', createdAt: '2026-01-01T00:00:00Z' }]),
  store: memoryStore(),
  auth: { currentActor: (hostRequest) => hostRequest.user ?? null, authorize: () => true, auditPrincipal: () => ({ id: '1', type: 'user', label: 'x' }) },
  displayPolicy: hideKeysMatching(/secret/),
  maxBodyBytes: 2048,
  trustedOrigins: ['https://admin.example.com'],
  logger: { error: () => {}, warn: () => {} },
});
const body = JSON.stringify({ action: 'job.retry', target: { queue: 'q', ids: ['j1'] } });
const post = (headers: Record<string, string | undefined>, payload: BodyInit = body, user: string | null = 'ann') =>
  opsJobs.handle(new Request('http://console.test/ops/jobs/api/actions/preview', { method: 'POST', headers: headers as Record<string, string>, body: payload }), user === null ? {} : { user });

test('cross-site requests are refused with 403, whatever the body', async () => {
  for (const headers of [
    { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
    { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' },
    { 'content-type': 'application/json', 'sec-fetch-site': 'none' },
    { 'content-type': 'application/json', origin: 'https://evil.example' },
    { 'content-type': 'application/json' },
    { 'content-type': 'application/json', origin: 'null' },
  ]) {
    const response = await post(headers);
    assert.equal(response.status, 403, JSON.stringify(headers));
    assert.match((await response.json()).type, /cross-site-refused$/);
  }
});

test('form posts are refused with 403 even from the same origin', async () => {
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
    const response = await post({ 'content-type': type, 'sec-fetch-site': 'same-origin' }, 'action=job.retry');
    assert.equal(response.status, 403, type);
  }
});

test('other non-JSON bodies get 415; oversized bodies 413; malformed JSON 400', async () => {
  assert.equal((await post({ 'content-type': 'application/xml', 'sec-fetch-site': 'same-origin' }, '<a/>')).status, 415);
  const big = JSON.stringify({ action: 'job.retry', padding: 'x'.repeat(4096) });
  const tooLarge = await post({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, big);
  assert.equal(tooLarge.status, 413);
  assert.equal((await tooLarge.json()).limit, 2048);
  const streamed = new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode(big)); controller.close(); } });
  const chunked = await opsJobs.handle(new Request('http://console.test/ops/jobs/api/actions/preview', {
    method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: streamed, duplex: 'half',
  } as RequestInit), { user: 'ann' });
  assert.equal(chunked.status, 413, 'a body without Content-Length is cut off at the limit too');
  const malformed = await post({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, '{"action":');
  assert.equal(malformed.status, 400);
  assert.equal((await malformed.json()).parameter, 'body');
});

test('same-origin and trusted origins pass the guard and reach validation', async () => {
  for (const headers of [
    { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    { 'content-type': 'application/json', origin: 'http://console.test' },
    { 'content-type': 'application/json; charset=utf-8', origin: 'https://admin.example.com' },
  ]) {
    const response = await post(headers, JSON.stringify({ action: 'job.explode' }));
    assert.equal(response.status, 400, JSON.stringify(headers));
    assert.equal((await response.json()).parameter, 'action');
  }
});

test('a signed-out mutation is 401 before anything else', async () => {
  const response = await post({ 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' }, 'x', null);
  assert.equal(response.status, 401);
});

test('GET on a POST route is 405 naming the method', async () => {
  const response = await opsJobs.handle(new Request('http://console.test/ops/jobs/api/actions/preview'), { user: 'ann' });
  assert.equal(response.status, 405);
  assert.equal(response.headers.get('allow'), 'POST');
});
