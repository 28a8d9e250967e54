// A console closing its live stream is an ordinary event, not an application error: on Koa it must
// not reach the app's error handler (which logs every one by default), while real errors still do.
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import Koa from 'koa';
import { createOpsJobs, hideKeysMatching } from '../../../core/index.ts';
import { toKoa } from '../../../adapters/koa/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';
import { nextTurn } from '../support/wait.ts';

let stack: SeededStack;
let origin: string;
let server: ReturnType<Koa['listen']>;
const appErrors: unknown[] = [];
/** Tells of each response the server has closed. */
const closed = new EventEmitter();

before(async () => {
  stack = await startSeededPgBoss();
  const opsJobs = createOpsJobs({
    engine: fromPgBoss(stack.boss),
    store: createPostgresStore({ pglite: stack.pglite }),
    auth: { currentActor: () => ({ id: 'ada' }), authorize: () => true, auditPrincipal: () => ({ id: 'ada', type: 'user', label: 'Ada' }) },
    displayPolicy: hideKeysMatching(/secret/i),
    live: { heartbeatSeconds: 1 },
  });
  const app = new Koa();
  app.on('error', (error) => appErrors.push(error));
  app.use(toKoa(opsJobs as never));
  app.use(() => {
    throw new Error('a real failure of the host');
  });
  server = app.listen(0, '127.0.0.1');
  server.on('request', (_req, res) => res.on('close', () => closed.emit('close')));
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  server.close();
  await stack.stop();
});

test('a live stream the client closes is not reported as an error; a host failure still is', async () => {
  for (let round = 0; round < 3; round++) {
    const streamClosed = once(closed, 'close');
    const abort = new AbortController();
    const response = await fetch(`${origin}/ops/jobs/api/events`, { signal: abort.signal });
    assert.equal(response.status, 200);
    const reader = response.body!.getReader();
    await reader.read();
    abort.abort();
    await reader.read().catch(() => {});
    // Koa reports a failed stream from the response's close; anything it would report is queued by then.
    await streamClosed;
    await nextTurn();
  }
  assert.deepEqual(appErrors.map(String), []);
  assert.equal((await fetch(`${origin}/elsewhere`)).status, 500);
  assert.match(String(appErrors[0]), /a real failure of the host/);
});
