// API answers compressed as the client accepts, on real Express and Koa servers: what arrives on
// the wire, byte for byte, read with node:http because fetch would decode it silently.
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { createOpsJobs, hideKeysMatching, type Action } from '../../../core/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { MIN_COMPRESSED_BYTES } from '../../../core/http/compression.ts';
import { HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { memoryEngine, type MemoryJob } from '../support/memory-engine.ts';

const MAY: readonly Action[] = ['queues.view', 'jobs.view', 'audit.view', 'audit.export'];

const JOBS: MemoryJob[] = Array.from({ length: 100 }, (_, index) => ({
  id: `job-${String(index).padStart(3, '0')}`,
  queue: 'payments',
  state: index % 3 === 0 ? 'failed' : 'completed',
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
  data: { invoice: `inv-${index}`, amount: index * 10 },
}));

interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** One request, the answer's bytes exactly as they came over the wire. */
function raw(url: string, headers: Record<string, string>, method = 'GET'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers: { 'x-test-user': 'vera', ...headers } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Opens a request and resolves with its head only, then drops the connection. */
function head(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { headers: { 'x-test-user': 'vera', ...headers } }, (incoming) => {
      resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers });
      outgoing.destroy();
    });
    outgoing.on('error', (error) => (outgoing.destroyed ? undefined : reject(error)));
    outgoing.end();
  });
}

function varies(headers: IncomingHttpHeaders): boolean {
  return /(^|,)\s*accept-encoding\s*(,|$)/i.test(String(headers.vary ?? ''));
}

let pglite: PGlite;
before(() => {
  pglite = new PGlite();
});
after(() => pglite.close());

for (const hostName of HOSTS) {
  describe(`API compression on ${hostName}`, () => {
    let host: RunningHost;
    before(async () => {
      const opsJobs = createOpsJobs({
        engine: memoryEngine(['payments'], JOBS),
        store: createPostgresStore({ pglite, schema: `ops_compression_${hostName}` }),
        auth: {
          currentActor: (req) => {
            const user = (req as { get(name: string): string | undefined }).get('x-test-user');
            return user ? { user } : null;
          },
          authorize: (_actor, action) => MAY.includes(action),
          auditPrincipal: (actor) => ({ id: (actor as { user: string }).user, type: 'user', label: (actor as { user: string }).user }),
        },
        displayPolicy: hideKeysMatching(/token/i),
        live: { heartbeatSeconds: 1, pollIntervalMs: 150 },
      });
      host = await startHost(hostName, opsJobs as never);
    });
    after(() => host.close());

    const api = (path: string) => `${host.url}/ops/jobs/api/${path}`;

    test('gzip accepted: the answer is compressed, sized exactly, and decodes to the same JSON', async () => {
      for (const path of ['openapi.json', 'queues/payments/jobs?limit=100']) {
        const plain = await raw(api(path), {});
        assert.equal(plain.status, 200, path);
        assert.ok(plain.body.byteLength >= MIN_COMPRESSED_BYTES, `${path} is large enough to compress`);
        const packed = await raw(api(path), { 'accept-encoding': 'gzip, deflate, br' });
        assert.equal(packed.headers['content-encoding'], 'gzip', path);
        assert.match(String(packed.headers['content-type']), /^application\/json/);
        assert.ok(varies(packed.headers), 'Vary: Accept-Encoding');
        assert.equal(Number(packed.headers['content-length']), packed.body.byteLength, 'Content-Length is the compressed size');
        assert.ok(packed.body.byteLength < plain.body.byteLength / 2, `${path}: ${packed.body.byteLength} of ${plain.body.byteLength} bytes`);
        assert.deepEqual(JSON.parse(gunzipSync(packed.body).toString('utf8')), JSON.parse(plain.body.toString('utf8')));
      }
    });

    test('identity or no Accept-Encoding: plain, with an exact length, and still Vary', async () => {
      const variants: Record<string, string>[] = [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': '' }];
      for (const headers of variants) {
        const answer = await raw(api('openapi.json'), headers);
        assert.equal(answer.headers['content-encoding'], undefined, JSON.stringify(headers));
        assert.equal(Number(answer.headers['content-length']), answer.body.byteLength);
        assert.ok(varies(answer.headers));
        assert.equal(JSON.parse(answer.body.toString('utf8')).openapi, '3.1.0');
      }
    });

    test('a refusal by q=0 is respected; the highest q-value wins', async () => {
      for (const refusal of ['gzip;q=0', 'gzip;q=0, identity', '*;q=0, identity;q=1', 'br, gzip;q=0', 'identity;q=1, gzip;q=0.5']) {
        const answer = await raw(api('openapi.json'), { 'accept-encoding': refusal });
        assert.equal(answer.headers['content-encoding'], undefined, refusal);
        JSON.parse(answer.body.toString('utf8'));
      }
      for (const acceptance of ['*', 'identity;q=0.5, gzip;q=0.8', 'x-gzip', 'GZIP;Q=0.1']) {
        const answer = await raw(api('openapi.json'), { 'accept-encoding': acceptance });
        assert.equal(answer.headers['content-encoding'], 'gzip', acceptance);
        JSON.parse(gunzipSync(answer.body).toString('utf8'));
      }
    });

    test('tiny answers go out plain, where compression does not pay', async () => {
      const answer = await raw(api('queues'), { 'accept-encoding': 'gzip' });
      assert.equal(answer.status, 200);
      assert.ok(answer.body.byteLength < MIN_COMPRESSED_BYTES, `queues answered ${answer.body.byteLength} bytes`);
      assert.equal(answer.headers['content-encoding'], undefined);
      assert.ok(varies(answer.headers));
    });

    test('errors are compressed too, and stay problem+json', async () => {
      // The problem names the path, so a long one makes it big enough to compress (within Node's 16 KiB of headers).
      const longPath = `no-such-route/${'x'.repeat(MIN_COMPRESSED_BYTES + 200)}`;
      const packed = await raw(api(longPath), { 'accept-encoding': 'gzip' });
      assert.equal(packed.status, 404);
      assert.match(String(packed.headers['content-type']), /^application\/problem\+json/);
      assert.equal(packed.headers['content-encoding'], 'gzip');
      assert.ok(varies(packed.headers));
      const problem = JSON.parse(gunzipSync(packed.body).toString('utf8'));
      assert.equal(problem.status, 404);
      assert.equal(problem.type, 'urn:ops-jobs:problem:not-found');
      const signedOut = await raw(api('queues'), { 'accept-encoding': 'gzip', 'x-test-user': '' });
      assert.equal(signedOut.status, 401);
      assert.match(String(signedOut.headers['content-type']), /^application\/problem\+json/);
      assert.equal(JSON.parse(signedOut.body.toString('utf8')).status, 401, 'a small problem goes out plain');
    });

    test('the live stream is never compressed, whatever the client accepts', async () => {
      const opened = await head(api('events'), { accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(opened.status, 200);
      assert.match(String(opened.headers['content-type']), /^text\/event-stream/);
      assert.equal(opened.headers['content-encoding'], undefined);
      assert.match(String(opened.headers['cache-control']), /no-transform/);
    });

    test('the audit export streams compressed, without a length, and decodes to the plain export', async () => {
      const plain = await raw(api('audit/export?format=csv'), {});
      assert.equal(plain.status, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      const packed = await raw(api('audit/export?format=csv'), { 'accept-encoding': 'gzip' });
      assert.equal(packed.status, 200);
      assert.equal(packed.headers['content-encoding'], 'gzip');
      assert.equal(packed.headers['content-length'], undefined);
      assert.match(String(packed.headers['content-disposition']), /attachment/);
      assert.equal(gunzipSync(packed.body).toString('utf8'), plain.body.toString('utf8'));
    });

    test('HEAD says what GET would, without a body', async () => {
      const get = await raw(api('openapi.json'), {});
      const plainHead = await raw(api('openapi.json'), {}, 'HEAD');
      assert.equal(plainHead.status, 200);
      assert.equal(plainHead.body.byteLength, 0);
      assert.equal(plainHead.headers['content-length'], get.headers['content-length']);
      const packedHead = await raw(api('openapi.json'), { 'accept-encoding': 'gzip' }, 'HEAD');
      assert.equal(packedHead.status, 200);
      assert.equal(packedHead.body.byteLength, 0);
      assert.equal(packedHead.headers['content-encoding'], 'gzip');
      assert.ok(varies(packedHead.headers));
    });

    test('static assets keep their precompressed encodings, ranked by q-value', async () => {
      const shell = await raw(`${host.url}/ops/jobs/`, {});
      const src = /<script type="module" src="([^"]+)"/.exec(shell.body.toString('utf8'))?.[1];
      assert.ok(src, 'the shell loads the bundle');
      const asset = new URL(src, `${host.url}/ops/jobs/`).href;
      const brotli = await raw(asset, { 'accept-encoding': 'gzip, br' });
      assert.equal(brotli.headers['content-encoding'], 'br');
      assert.equal(Number(brotli.headers['content-length']), brotli.body.byteLength);
      const gzip = await raw(asset, { 'accept-encoding': 'br;q=0.5, gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      gunzipSync(gzip.body);
    });
  });
}
