// Every route the OpenAPI document describes, sent what a hostile or careless client sends:
// malformed and control characters in the path and query, huge and wrong-typed values, unknown
// parameters, and bodies that are too deep, too large, not JSON or the wrong shape; signed out and
// as each role, on both adapters. Nothing answers 5xx, every error is problem+json without
// internals, a signed-out client hears 401 whatever it sends, and nothing changes.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createOpsJobs, type OpsJobs } from '../../../core/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { demoAuth, demoDisplayPolicy } from '../../../demo/policies.ts';
import { HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';

const ROLES = [null, 'guest', 'viewer', 'operator', 'admin'] as const;
type Role = (typeof ROLES)[number];

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly query: readonly string[];
}

/** Path parameter values, percent-encoded as they go on the wire. */
const HOSTILE_SEGMENTS = ['%00', '%E0%A4%A', '%C0%AF', '%ED%A0%80', 'a%1B%5B2Jb', '%E2%80%AE', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(4000), '%20', '-1', '1e309'];
/** Query values, already encoded. */
const HOSTILE_VALUES = ['%00', '%E0%A4%A', '%E2%80%AE', '99999999999999999999', '-1', 'NaN', '1e309', '0x10', 'x'.repeat(4000), '%7B%22%24gt%22%3A%22%22%7D', '2026-02-30', '2026-01-01junk'];
/** Bodies, as text. */
const HOSTILE_BODIES = [
  '', 'null', '[]', '"text"', '12', 'true', '{', '{"action":', '\u0000', '{"a":1}{"b":2}',
  `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  JSON.stringify({ action: 123, target: [] }),
  JSON.stringify({ action: 'job.retry', target: { queue: 'payments\u0000', ids: ['\u0000'] } }),
  JSON.stringify({ action: 'job.retry', target: { queue: 'payments', ids: Array.from({ length: 5000 }, (_, index) => `id-${index}`) } }),
  JSON.stringify({ action: 'job.retry', target: { queue: 'payments', filter: { state: 'failed', data: { 'a.b.c.d.e.f.g': 'x', __proto__: 'y' } } } }),
  '{"action":"job.retry","target":{"queue":"payments","ids":["\\ud800"]},"__proto__":{"polluted":true}}',
  JSON.stringify({ token: { $ne: null }, reason: ['why'] }),
  JSON.stringify({ token: 'A'.repeat(43), reason: 'x'.repeat(100_000) }),
  JSON.stringify({ reason: 'stream_buffered', extra: 'x'.repeat(100) }),
  JSON.stringify({ reason: 1e309 }),
];

let stack: SeededStack;
before(async () => {
  stack = await startSeededPgBoss();
});
after(() => stack?.stop());

for (const hostName of HOSTS) {
  describe(`hostile input on ${hostName}`, () => {
    let host: RunningHost;
    let opsJobs: OpsJobs;
    let operations: Operation[] = [];
    const schema = `ops_hostile_${hostName}`;

    before(async () => {
      opsJobs = createOpsJobs({
        engine: fromPgBoss(stack.boss),
        store: createPostgresStore({ pglite: stack.pglite, schema }),
        auth: demoAuth,
        displayPolicy: demoDisplayPolicy,
        logger: { error: () => {}, warn: () => {} },
      });
      // The console reads its own bodies, as the guide advises: a host parser that runs first
      // answers bad JSON in its own way (nested-bodies.test.ts covers hosts that parse).
      host = await startHost(hostName, opsJobs as never, { sessionFromHeader: true, expressBodyParser: false });
      const document = await (await send('admin', 'GET', '/api/openapi.json')).json();
      operations = Object.entries<Record<string, { parameters?: { name: string; in: string }[] }>>(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          query: (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
        })));
    });
    after(async () => {
      opsJobs?.close();
      await host?.close();
    });

    async function send(role: Role, method: string, path: string, body?: string): Promise<Response> {
      const headers: Record<string, string> = role ? { 'x-test-user': role } : {};
      if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', origin: host.url });
      const response = await fetch(`${host.url}/ops/jobs${path}`, { method, headers, body, signal: AbortSignal.timeout(10_000) });
      if (response.headers.get('content-type')?.startsWith('text/event-stream')) await response.body?.cancel();
      return response;
    }

    /**
     * Sends a 3 MB body and reads the answer, which may come before the body is all sent: the
     * server refuses it from its declared length, and may close the connection on the rest.
     */
    function sendOversized(role: Role, path: string): Promise<{ status: number; contentType: string; body: string }> {
      return new Promise((resolve, reject) => {
        const outgoing = httpRequest(`${host.url}/ops/jobs${path}`, {
          method: 'POST',
          // A connection of its own: the server may close it on the part of the body it did not read.
          agent: false,
          headers: { 'content-type': 'application/json', origin: host.url, 'content-length': 3_000_000, ...(role ? { 'x-test-user': role } : {}) },
        }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          const settle = () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), body });
          for (const event of ['end', 'error', 'close']) response.on(event, settle);
        });
        outgoing.setTimeout(10_000, () => outgoing.destroy(new Error('no answer to the oversized body within 10 s')));
        outgoing.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
        });
        outgoing.end('x'.repeat(3_000_000));
      });
    }

    /** What must hold of any answer: no server error, and an error says what it is without internals. */
    async function assertSafe(response: Response, role: Role, label: string): Promise<void> {
      const what = `${role ?? 'signed out'} ${label}`;
      if (response.status >= 500) assert.fail(`${what} answered ${response.status}: ${await response.text()}`);
      if (role === null) assert.equal(response.status, 401, `${what}: a signed-out client hears 401 whatever it sends`);
      if (response.status >= 400) {
        assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
        const text = await response.text();
        assert.doesNotMatch(text, /\bat [\w.<>]+ \(|node:internal|RangeError|TypeError|SyntaxError|\/work\/|pg_|relation "/, `${what} leaks internals: ${text.slice(0, 300)}`);
      }
    }

    /** Jobs, audit records, previews and receipts, to show that nothing changed. */
    async function snapshot(): Promise<string> {
      const count = async (table: string) => (await stack.pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.${table}`)).rows[0]!.n;
      const jobs = (await stack.pglite.query<{ id: string; state: string }>(`SELECT id::text, state::text FROM pgboss.job ORDER BY id`)).rows;
      return JSON.stringify({ audit: await count('audit_events'), previews: await count('action_previews'), receipts: await count('idempotency_receipts'), jobs });
    }

    const fill = (path: string, segment: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'queue' ? 'payments' : segment));

    test('the document lists the routes to walk', () => {
      assert.ok(operations.length >= 11, `${operations.length} operations`);
    });

    test('hostile path parameters, query values and bodies: no 5xx, problems without internals, 401 first, nothing changed', async () => {
      const before = await snapshot();
      let sent = 0;
      for (const operation of operations) {
        const label = (detail: string) => `${operation.method} ${operation.path} ${detail}`.slice(0, 200);
        const hasParams = operation.path.includes('{');
        for (const role of ROLES) {
          if (hasParams) {
            for (const segment of HOSTILE_SEGMENTS) {
              const path = operation.path.replace(/\{(\w+)\}/g, segment);
              await assertSafe(await send(role, operation.method, path, operation.method === 'POST' ? '{}' : undefined), role, label(`path ${segment.slice(0, 40)}`));
              sent += 1;
            }
          }
          const path = fill(operation.path, stack.ids.failed[0]!);
          for (const name of [...operation.query, 'unknown']) {
            for (const value of HOSTILE_VALUES) {
              await assertSafe(await send(role, operation.method, `${path}?${name}=${value}&${name}=again`, operation.method === 'POST' ? '{}' : undefined), role, label(`?${name}=${value.slice(0, 40)}`));
              sent += 1;
            }
          }
          if (operation.method === 'POST') {
            for (const body of HOSTILE_BODIES) {
              await assertSafe(await send(role, 'POST', path, body), role, label(`body ${body.slice(0, 60)}`));
              sent += 1;
            }
            const huge = await sendOversized(role, path);
            assert.equal(huge.status, role === null ? 401 : 413, label(`a 3 MB body: ${huge.body}`));
            assert.match(huge.contentType, /^application\/problem\+json/);
          }
        }
      }
      assert.ok(sent > 500, `${sent} requests`);
      assert.equal(await snapshot(), before, 'no job, audit record, preview or receipt changed');
    });
  });
}
