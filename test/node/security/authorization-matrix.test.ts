// Every route the OpenAPI document describes, against every kind of operator, on both adapters:
// a route added without the matching check fails here. Roles and their rights come from the
// demo's policies (viewer sees, operator also acts on jobs, admin does everything, guest nothing).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createOpsJobs, type OpsJobs } from '../../../core/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { demoAuth, demoDisplayPolicy } from '../../../demo/policies.ts';
import { HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';

type Role = 'guest' | 'viewer' | 'operator' | 'admin';
const ROLES: readonly (Role | null)[] = [null, 'guest', 'viewer', 'operator', 'admin'];

/** What each role may do, written out independently of the policy code. */
function allowed(role: Role, action: string | null): boolean {
  if (action === null) return true;
  if (role === 'admin') return true;
  if (role === 'guest') return false;
  if (action.endsWith('.view')) return true;
  return role === 'operator' && action.startsWith('job.');
}

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly action: string | null;
}

let stack: SeededStack;
before(async () => {
  stack = await startSeededPgBoss();
});
after(() => stack?.stop());

for (const hostName of HOSTS) {
  describe(`authorization matrix on ${hostName}`, () => {
    let host: RunningHost;
    let opsJobs: OpsJobs;
    let operations: Operation[] = [];
    before(async () => {
      opsJobs = createOpsJobs({
        engine: fromPgBoss(stack.boss),
        store: createPostgresStore({ pglite: stack.pglite, schema: `ops_matrix_${hostName}` }),
        auth: demoAuth,
        displayPolicy: demoDisplayPolicy,
      });
      host = await startHost(hostName, opsJobs as never, { sessionFromHeader: true });
      const document = await (await call('admin', 'GET', '/api/openapi.json')).json();
      operations = Object.entries<Record<string, { 'x-ops-jobs-action': string | null }>>(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, action: operation['x-ops-jobs-action'] })));
    });
    after(async () => {
      opsJobs?.close();
      await host?.close();
    });

    async function call(role: Role | null, method: string, path: string, body?: unknown): Promise<Response> {
      const headers: Record<string, string> = role ? { 'x-test-user': role } : {};
      if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', origin: host.url });
      const response = await fetch(`${host.url}/ops/jobs${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      // The live stream never ends by itself: its status is all the matrix needs.
      if (response.headers.get('content-type')?.startsWith('text/event-stream')) await response.body?.cancel();
      return response;
    }

    /** A request that would succeed for an allowed role: real ids, a well-formed body, a token of the role's own. */
    async function requestFor(role: Role | null, operation: Operation): Promise<Response> {
      const path = operation.path
        .replace('{queue}', 'payments')
        .replace('{id}', operation.path.startsWith('/api/audit') ? '1' : stack.ids.failed[0]!)
        .replace('{part}', 'data')
        // The key of a queue's schedule without one, which the seeded queue does not have: 404 once allowed.
        .replace('{key}', '~');
      if (operation.path === '/api/jobs') return call(role, 'GET', `${path}?id=${stack.ids.failed[0]}`);
      if (operation.path === '/api/audit/suggestions') return call(role, 'GET', `${path}?field=operator&prefix=a`);
      if (operation.path === '/api/actions/preview') {
        return call(role, 'POST', path, { action: 'job.retry', target: { queue: 'payments', ids: [stack.ids.failed[0]] } });
      }
      if (operation.path === '/api/live/fallback') return call(role, 'POST', path, { reason: 'stream_buffered' });
      if (operation.path === '/api/actions/execute') {
        // Roles that may not preview use an admin's token: still theirs to be refused.
        const owner = role !== null && allowed(role, 'job.retry') ? role : 'admin';
        const id = await stack.boss.send('payments', { purpose: 'matrix' });
        const preview = await (await call(owner, 'POST', '/api/actions/preview', { action: 'job.cancel', target: { queue: 'payments', ids: [id] } })).json();
        return call(role, 'POST', path, { token: preview.token, reason: 'authorization matrix check' });
      }
      return call(role, operation.method, path);
    }

    test('the document lists the routes the matrix walks', () => {
      assert.ok(operations.length >= 11, `${operations.length} operations`);
      assert.ok(operations.some((operation) => operation.method === 'POST'));
    });

    test('no actor: 401 on every route', async () => {
      for (const operation of operations) {
        const response = await requestFor(null, operation);
        assert.equal(response.status, 401, `${operation.method} ${operation.path}`);
        assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
      }
    });

    for (const role of ROLES.filter((candidate): candidate is Role => candidate !== null)) {
      test(`${role}: 403 exactly where the role lacks the route's permission`, async () => {
        for (const operation of operations) {
          const response = await requestFor(role, operation);
          const label = `${role} ${operation.method} ${operation.path} (${operation.action})`;
          if (allowed(role, operation.action)) {
            if (response.status >= 400 && response.status !== 404) assert.fail(`${label} answered ${response.status}: ${await response.text()}`);
          } else {
            assert.equal(response.status, 403, label);
          }
        }
      });
    }

    test('pg-boss offers no promote and no pause or resume: the session lists only queue.configure, and a preview of one is bad input that changes nothing', async () => {
      const session = await (await call('admin', 'GET', '/api/session')).json();
      assert.deepEqual(session.engine.queueActions, ['queue.configure']);
      assert.equal('job.promote' in session.engine.actions, false);
      for (const body of [{ action: 'queue.pause', target: { queue: 'payments' } }, { action: 'job.promote', target: { queue: 'payments', ids: [stack.ids.failed[0]] } }]) {
        const response = await call('admin', 'POST', '/api/actions/preview', body);
        assert.equal(response.status, 400, body.action);
        assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
        assert.equal((await response.json()).parameter, 'action');
      }
      assert.equal((await call(null, 'POST', '/api/actions/preview', { action: 'queue.pause', target: { queue: 'payments' } })).status, 401);
    });

    test('the live pages follow the same rules: signed out 401, guest 403, viewer 200', async () => {
      assert.equal((await call(null, 'GET', '/queues/payments')).status, 401);
      assert.equal((await call('guest', 'GET', '/queues/payments')).status, 403);
      assert.equal((await call('viewer', 'GET', '/queues/payments')).status, 200);
    });
  });
}
