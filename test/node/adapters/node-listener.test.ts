// The console on Node's own HTTP server through `ops-jobs/node`, over a real pg-boss on PGlite: the
// same contract as on Express and Koa, with the rest of the host's requests left to its fallback.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createOpsJobs, hideKeysMatching } from '../../../core/index.ts';
import { toNodeListener } from '../../../adapters/node/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { PLANTED_SECRET, startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';

let stack: SeededStack;
let server: Server;
let origin: string;
const seen: unknown[] = [];

before(async () => {
  stack = await startSeededPgBoss();
  const opsJobs = createOpsJobs({
    engine: fromPgBoss(stack.boss),
    store: createPostgresStore({ pglite: stack.pglite, schema: 'ops_node_listener' }),
    auth: {
      currentActor: (req: IncomingMessage) => {
        seen.push(req);
        const user = req.headers['x-test-user'];
        return typeof user === 'string' ? { user } : null;
      },
      authorize: () => true,
      auditPrincipal: (actor) => ({ id: (actor as { user: string }).user, type: 'user', label: (actor as { user: string }).user }),
    },
    displayPolicy: hideKeysMatching(/secret|token|card/i),
  });
  server = createServer(toNodeListener(opsJobs, (_req, res) => res.end('the host answers this')));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server?.closeAllConnections();
  server?.close();
  await stack?.stop();
});

test("requests outside the mount reach the host's fallback", async () => {
  assert.equal(await (await fetch(`${origin}/elsewhere`)).text(), 'the host answers this');
});

test('currentActor receives the IncomingMessage; no actor is 401 as problem+json', async () => {
  const signedOut = await fetch(`${origin}/ops/jobs/api/queues`);
  assert.equal(signedOut.status, 401);
  assert.match(signedOut.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.ok(seen.at(-1) instanceof Object && 'headers' in (seen.at(-1) as object));
});

test('a body the console reads from the stream, a preview and an audited execute, redacted', async () => {
  const headers = { 'x-test-user': 'olga', 'content-type': 'application/json', origin };
  const previewed = await fetch(`${origin}/ops/jobs/api/actions/preview`, {
    method: 'POST', headers, body: JSON.stringify({ action: 'job.retry', target: { queue: 'payments', ids: [stack.ids.failed[0]] } }),
  });
  assert.equal(previewed.status, 200, await previewed.clone().text());
  const preview = await previewed.json();
  assert.ok(!JSON.stringify(preview).includes(PLANTED_SECRET));
  const executed = await fetch(`${origin}/ops/jobs/api/actions/execute`, { method: 'POST', headers, body: JSON.stringify({ token: preview.token, reason: 'Retrying from a node:http host' }) });
  assert.equal(executed.status, 200, await executed.clone().text());
  const { auditId } = await executed.json();
  const record = await (await fetch(`${origin}/ops/jobs/api/audit/${auditId}`, { headers: { 'x-test-user': 'olga' } })).json();
  assert.equal(record.reason, 'Retrying from a node:http host');
});

test('the live stream opens, and closes cleanly when the client leaves', async () => {
  const abort = new AbortController();
  const response = await fetch(`${origin}/ops/jobs/api/events`, { headers: { 'x-test-user': 'olga' }, signal: abort.signal });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = response.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  assert.match(first, /retry: 3000/);
  abort.abort();
  await reader.read().catch(() => {});
  assert.equal((await fetch(`${origin}/ops/jobs/api/session`, { headers: { 'x-test-user': 'olga' } })).status, 200, 'the server keeps serving');
});
