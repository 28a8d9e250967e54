// One HTTP contract, run against the Express and the Koa adapter on real servers, over a real
// pg-boss on PGlite and the real postgres store.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createOpsJobs, hideKeysMatching, type Action } from '../../../core/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { PLANTED_SECRET, startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';

const ROLES: Record<string, readonly Action[]> = { viewer: ['queues.view', 'jobs.view'], operator: ['queues.view', 'jobs.view', 'job.retry'], guest: [] };

function readUser(hostRequest: unknown): string | undefined {
  const candidate = hostRequest as { get?: (name: string) => string | undefined; app?: unknown };
  // Both frameworks hand over their own request object, which has `get` for headers.
  assert.equal(typeof candidate.get, 'function', 'currentActor receives the framework request');
  assert.ok(candidate.app, 'currentActor receives the framework request');
  return candidate.get?.('x-test-user') || undefined;
}

let stack: SeededStack;
before(async () => {
  stack = await startSeededPgBoss();
});
after(async () => {
  await stack.stop();
});

for (const hostName of HOSTS) {
  describe(`HTTP contract on ${hostName}`, () => {
    let host: RunningHost;
    const seen: string[] = [];
    before(async () => {
      const opsJobs = createOpsJobs({
        engine: fromPgBoss(stack.boss),
        store: createPostgresStore({ pglite: stack.pglite }),
        auth: {
          currentActor: (hostRequest) => {
            seen.push(hostName);
            const user = readUser(hostRequest);
            return user && user in ROLES ? { user } : null;
          },
          authorize: (actor, action) => (ROLES[(actor as { user: string }).user] ?? []).includes(action),
          auditPrincipal: (actor) => ({ id: (actor as { user: string }).user, type: 'user', label: (actor as { user: string }).user }),
        },
        displayPolicy: hideKeysMatching(/pass|secret|token|card|ssn|key/i),
        signInUrl: '/login',
      });
      host = await startHost(hostName, opsJobs as never);
    });
    after(() => host.close());

    const get = (path: string, user?: string, headers: Record<string, string> = {}) =>
      fetch(host.url + path, { headers: { ...(user ? { 'x-test-user': user } : {}), ...headers }, redirect: 'manual' });

    test('requests outside the mount reach the host', async () => {
      const response = await get('/host');
      assert.equal(await response.text(), 'host route');
    });

    test('401 without an actor and 403 without permission, as problem+json', async () => {
      const signedOut = await get('/ops/jobs/api/queues');
      assert.equal(signedOut.status, 401);
      assert.match(signedOut.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const guest = await get('/ops/jobs/api/queues', 'guest');
      assert.equal(guest.status, 403);
      assert.equal((await guest.json()).action, 'queues.view');
      assert.ok(seen.includes(hostName));
    });

    test('session, queues with counts by state, and job pages newest first', async () => {
      const session = await (await get('/ops/jobs/api/session', 'viewer')).json();
      assert.equal(session.permissions['queues.view'], true);
      assert.equal(session.permissions['jobs.view'], true);
      assert.equal(session.permissions['job.retry'], false);
      assert.match(session.engine.name, /^pg-boss/);

      const { queues } = await (await get('/ops/jobs/api/queues', 'viewer')).json();
      const payments = queues.find((queue: { name: string }) => queue.name === 'payments');
      assert.equal(payments.counts.failed, 3);
      assert.equal(payments.counts.completed, 2);
      assert.equal(payments.counts.queued, 2);
      assert.equal(payments.total, 7);

      const seenIds: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = await (await get(`/ops/jobs/api/queues/payments/jobs?state=failed&limit=2${query}`, 'viewer')).json();
        seenIds.push(...page.jobs.map((job: { id: string; state: string }) => {
          assert.equal(job.state, 'failed');
          return job.id;
        }));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual([...seenIds].sort(), [...stack.ids.failed].sort());
      assert.equal(new Set(seenIds).size, seenIds.length);
    });

    test('job detail with data, error, attempts and timings, redacted', async () => {
      const id = stack.ids.failed[0];
      const response = await get(`/ops/jobs/api/queues/payments/jobs/${id}`, 'viewer');
      const text = await response.text();
      assert.equal(response.status, 200);
      assert.ok(!text.includes(PLANTED_SECRET), 'the planted secret never leaves the server');
      const job = JSON.parse(text);
      assert.equal(job.id, id);
      assert.equal(job.state, 'failed');
      assert.equal(job.errorMessage, 'card was declined');
      assert.equal(job.data.value.cardToken, '[redacted]');
      assert.equal(typeof job.data.value.amount, 'number');
      assert.equal(job.error.value.message, 'card was declined');
      assert.ok(job.timings.createdAt);
      assert.equal(typeof job.attempts.max, 'number');
    });

    test('bad input: unknown queue or job 404, bad cursor and page size 400, nothing served from them', async () => {
      assert.equal((await get('/ops/jobs/api/queues/nope/jobs', 'viewer')).status, 404);
      assert.equal((await get('/ops/jobs/api/queues/payments/jobs/00000000-0000-4000-8000-000000000000', 'viewer')).status, 404);
      assert.equal((await get('/ops/jobs/api/queues/payments/jobs/not-a-uuid', 'viewer')).status, 404);
      const cursor = await get('/ops/jobs/api/queues/payments/jobs?cursor=garbage', 'viewer');
      assert.equal(cursor.status, 400);
      assert.equal((await cursor.json()).parameter, 'cursor');
      const limit = await get('/ops/jobs/api/queues/payments/jobs?limit=500', 'viewer');
      assert.equal(limit.status, 400);
      assert.match((await limit.json()).detail, /from 1 to 200/);
    });

    test('the shell and its assets, compressed and cached', async () => {
      const redirect = await get('/ops/jobs', 'viewer');
      assert.equal(redirect.status, 308);
      assert.equal(redirect.headers.get('location'), 'jobs/');
      const shell = await get('/ops/jobs/queues/payments', 'viewer');
      assert.equal(shell.status, 200);
      const html = await shell.text();
      const src = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
      assert.ok(src);
      const asset = await get(new URL(src, `${host.url}/ops/jobs/queues/payments`).pathname, 'viewer', { 'accept-encoding': 'gzip' });
      assert.equal(asset.status, 200);
      assert.equal(asset.headers.get('content-encoding'), 'gzip');
      assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
      assert.ok((await asset.arrayBuffer()).byteLength > 0);
      assert.equal((await get('/ops/jobs/queues/payments')).status, 401);
    });

    test('mutations: the JSON body arrives whether or not the host parsed it; cross-site and form posts are refused', async () => {
      const send = (user: string, body: string, headers: Record<string, string>) =>
        fetch(`${host.url}/ops/jobs/api/actions/preview`, { method: 'POST', body, headers: { 'x-test-user': user, ...headers } });
      const target = { queue: 'payments', ids: [stack.ids.failed[1]] };
      const json = { 'content-type': 'application/json', origin: host.url };
      const previewed = await send('operator', JSON.stringify({ action: 'job.retry', target }), json);
      assert.equal(previewed.status, 200);
      const preview = await previewed.json();
      assert.equal(preview.count, 1);
      assert.ok(!JSON.stringify(preview).includes(PLANTED_SECRET));

      const crossSite = await send('operator', JSON.stringify({ action: 'job.retry', target }), { ...json, origin: 'https://evil.example' });
      assert.equal(crossSite.status, 403);
      const form = await send('operator', 'action=job.retry', { 'content-type': 'application/x-www-form-urlencoded', origin: host.url });
      assert.equal(form.status, 403);
      const viewer = await send('viewer', JSON.stringify({ action: 'job.retry', target }), json);
      assert.equal(viewer.status, 403);
      const unknownField = await send('operator', JSON.stringify({ action: 'job.nope', target }), json);
      assert.equal((await unknownField.json()).parameter, 'action');
    });

    test('behind a reverse proxy that adds a path prefix, every link resolves through the proxy', async () => {
      const proxy = await startPrefixProxy('/edge', host.url);
      try {
        const pageUrl = `${proxy.url}/edge/ops/jobs/queues/payments/jobs/${stack.ids.failed[0]}`;
        const shell = await fetch(pageUrl, { headers: { 'x-test-user': 'viewer' } });
        assert.equal(shell.status, 200);
        const html = await shell.text();
        const root = /root="([^"]+)"/.exec(html)?.[1] ?? '';
        const src = /<script type="module" src="([^"]+)"/.exec(html)?.[1] ?? '';
        assert.equal(new URL(root, pageUrl).pathname, '/edge/ops/jobs/');
        const asset = await fetch(new URL(src, pageUrl), { headers: { 'x-test-user': 'viewer' } });
        assert.equal(asset.status, 200);
        const api = await fetch(new URL('api/session', new URL(root, pageUrl)), { headers: { 'x-test-user': 'viewer' } });
        assert.equal(api.status, 200);
        const redirect = await fetch(`${proxy.url}/edge/ops/jobs`, { headers: { 'x-test-user': 'viewer' }, redirect: 'manual' });
        assert.equal(new URL(redirect.headers.get('location') ?? '', `${proxy.url}/edge/ops/jobs`).pathname, '/edge/ops/jobs/');
      } finally {
        await proxy.close();
      }
    });
  });
}

/** A minimal reverse proxy that serves `target` under `prefix`, as a path-based proxy rule would. */
async function startPrefixProxy(prefix: string, target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((incoming, outgoing) => {
    const path = (incoming.url ?? '/').startsWith(prefix) ? (incoming.url ?? '/').slice(prefix.length) || '/' : '/not-proxied';
    const upstream = httpRequest(new URL(path, target), { method: incoming.method, headers: incoming.headers }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    });
    incoming.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
