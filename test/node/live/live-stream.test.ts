// The live stream over real Express and Koa servers, real pg-boss on PGlite and the real store.
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { createOpsJobs, hideKeysMatching, type Action, type JobEngine, type OpsJobs } from '../../../core/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';
import { connectSse } from '../support/sse-client.ts';
import { recordTelemetry } from '../telemetry/recorder.ts';

/** viewer sees everything; payments-only sees only the payments queue; operator may also retry. */
function allowed(user: string, action: Action, queue?: string): boolean {
  if (user === 'guest') return false;
  if (user === 'payments-only') return (action === 'queues.view' || action === 'jobs.view') && (queue === undefined || queue === 'payments');
  if (action === 'queues.view' || action === 'jobs.view') return true;
  return user === 'operator' && action.startsWith('job.');
}

/** The live family's events about streams; `live.role` reports the feed's place among processes. */
const isStreamEvent = (name: string) => name.startsWith('live.') && name !== 'live.role';

/**
 * An engine that tells when it is asked for its queues, which the change feed does at the start of
 * every poll: the tests wait for polls rather than for time.
 */
function watchedEngine(engine: JobEngine): { engine: JobEngine; polled(count?: number): Promise<void> } {
  const asked = new EventEmitter();
  return {
    engine: { ...engine, listQueues: () => { asked.emit('listQueues'); return engine.listQueues(); } },
    async polled(count = 1) {
      for (let poll = 0; poll < count; poll += 1) {
        await once(asked, 'listQueues', { signal: AbortSignal.timeout(5000) }).catch((error: unknown) => {
          throw new Error(`the change feed polled ${poll} of ${count} times within 5 s`, { cause: error });
        });
      }
    },
  };
}

let stack: SeededStack;
before(async () => {
  stack = await startSeededPgBoss();
});
after(() => stack?.stop());

for (const hostName of HOSTS) {
  describe(`live stream on ${hostName}`, () => {
    let host: RunningHost;
    let opsJobs: OpsJobs;
    let watched: ReturnType<typeof watchedEngine>;
    // A poll that began after this call has finished: changes made now are news to the feed, not
    // part of the counts it starts from.
    const baselineTaken = () => watched.polled(2);
    before(async () => {
      watched = watchedEngine(fromPgBoss(stack.boss));
      opsJobs = createOpsJobs({
        engine: watched.engine,
        store: createPostgresStore({ pglite: stack.pglite, schema: `ops_live_${hostName}` }),
        auth: {
          currentActor: (req) => {
            const user = (req as { get(name: string): string | undefined }).get('x-test-user');
            return user ? { user } : null;
          },
          authorize: (actor, action, resource) => allowed((actor as { user: string }).user, action, 'queue' in resource ? resource.queue : undefined),
          auditPrincipal: (actor) => ({ id: (actor as { user: string }).user, type: 'user', label: `${(actor as { user: string }).user} label` }),
        },
        displayPolicy: hideKeysMatching(/token/i),
        live: { heartbeatSeconds: 1, pollIntervalMs: 150 },
      });
      host = await startHost(hostName, opsJobs as never);
    });
    after(async () => {
      opsJobs.close();
      await host.close();
    });

    const events = (user?: string, headers: Record<string, string> = {}) =>
      connectSse(`${host.url}/ops/jobs/api/events`, { ...(user ? { 'x-test-user': user } : {}), ...headers });

    test('signed out 401, no access 403; a signed-out actor cannot reconnect', async () => {
      const signedOut = await events();
      assert.equal(signedOut.response.status, 401);
      assert.equal((await events('guest')).response.status, 403);
      const live = await events('viewer');
      assert.equal(live.response.status, 200);
      live.close();
      assert.equal((await events()).response.status, 401, 'the actor is resolved again on every connection');
    });

    test('streams report connected and disconnected telemetry, with no identity in it', async () => {
      const recorder = recordTelemetry();
      try {
        const live = await events('viewer', { 'last-event-id': 'deadbeef-1' });
        await live.next((frame) => frame.event === 'ready');
        live.close();
        await recorder.when('live.disconnected');
        const seen = recorder.take().filter((event) => isStreamEvent(event.name));
        assert.deepEqual(seen.map(({ name, tags }) => ({ name, tags })), [
          { name: 'live.connected', tags: { resumed: 'true' } },
          { name: 'live.disconnected', tags: { reason: 'client_closed' } },
        ]);
        assert.ok((seen[1]?.measurements.duration_ms ?? -1) >= 0);
        assert.ok(!JSON.stringify(recorder.all).includes('viewer'));
      } finally {
        recorder.close();
      }
    });

    test('a console that falls back to polling is counted in telemetry; a made-up reason is refused', async () => {
      const recorder = recordTelemetry();
      try {
        const report = (user: string | null, reason: string) => fetch(`${host.url}/ops/jobs/api/live/fallback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: host.url, ...(user ? { 'x-test-user': user } : {}) },
          body: JSON.stringify({ reason }),
        });
        assert.equal((await report('viewer', 'stream_buffered')).status, 200);
        assert.equal((await report('viewer', 'because')).status, 400);
        assert.equal((await report(null, 'stream_error')).status, 401);
        assert.equal((await report('guest', 'stream_error')).status, 403);
        const fallbacks = recorder.take().filter((event) => event.name === 'live.fallback');
        assert.deepEqual(fallbacks.map((event) => event.tags), [{ reason: 'stream_buffered' }]);
      } finally {
        recorder.close();
      }
    });

    test('proxy-friendly headers: no caching, no transformation, no buffering, no compression', async () => {
      const live = await events('viewer', { 'accept-encoding': 'gzip, br' });
      try {
        const headers = live.response.headers;
        assert.match(headers.get('content-type') ?? '', /^text\/event-stream/);
        assert.match(headers.get('cache-control') ?? '', /no-cache/);
        assert.match(headers.get('cache-control') ?? '', /no-transform/);
        assert.equal(headers.get('x-accel-buffering'), 'no');
        assert.equal(headers.get('content-encoding'), null);
      } finally {
        live.close();
      }
    });

    test('ready first, then heartbeats at the configured interval', async () => {
      const live = await events('viewer');
      try {
        const ready = await live.next((frame) => frame.event === 'ready');
        assert.deepEqual(ready.data, { heartbeatSeconds: 1, pollIntervalMs: 150 });
        assert.equal(live.frames[0]?.event, 'ready');
        await live.next((frame) => frame.event === 'heartbeat', 3000);
      } finally {
        live.close();
      }
    });

    test('a job change reaches every open console as new counts, only for queues each may see', async () => {
      const viewer = await events('viewer');
      const narrow = await events('payments-only');
      try {
        await Promise.all([viewer.next((frame) => frame.event === 'ready'), narrow.next((frame) => frame.event === 'ready')]);
        await baselineTaken();
        await stack.boss.send('emails', { to: 'someone' });
        const seen = await viewer.next((frame) => frame.event === 'queues' && frame.data.queues.some((queue: { name: string }) => queue.name === 'emails'));
        assert.ok(seen.id, 'events carry ids for resumption');
        await stack.boss.send('payments', { amount: 1, cardToken: 'tok_hidden' });
        await narrow.next((frame) => frame.event === 'queues' && frame.data.queues.some((queue: { name: string }) => queue.name === 'payments'));
        assert.ok(!narrow.frames.some((frame) => frame.event === 'queues' && frame.data.queues.some((queue: { name: string }) => queue.name !== 'payments')),
          'a queue the operator may not see never reaches them');
      } finally {
        viewer.close();
        narrow.close();
      }
    });

    test('an executed action is announced with the actor label as the policy shows it', async () => {
      const viewer = await events('viewer');
      try {
        await viewer.next((frame) => frame.event === 'ready');
        const id = await stack.boss.send('payments', { n: 1 });
        const [job] = await stack.boss.fetch('payments', { batchSize: 10 });
        await stack.boss.fail('payments', job!.id, { message: 'x' });
        const post = (path: string, body: unknown) => fetch(`${host.url}/ops/jobs/api/actions/${path}`, {
          method: 'POST', headers: { 'content-type': 'application/json', origin: host.url, 'x-test-user': 'operator' }, body: JSON.stringify(body),
        }).then((response) => response.json());
        const preview = await post('preview', { action: 'job.retry', target: { queue: 'payments', ids: [job!.id] } });
        const result = await post('execute', { token: preview.token, reason: 'live stream announcement check' });
        const announced = await viewer.next((frame) => frame.event === 'action' && frame.data.auditId === result.auditId);
        assert.equal(announced.data.actor, 'operator label');
        assert.equal(announced.data.affected, 1);
        assert.ok(id);
      } finally {
        viewer.close();
      }
    });

    test('a cut connection resumes from Last-Event-ID without missing a change; an unknown id gets a reset', async () => {
      const first = await events('viewer');
      await first.next((frame) => frame.event === 'ready');
      await baselineTaken();
      await stack.boss.send('emails', { n: 'before cut' });
      const before = await first.next((frame) => frame.event === 'queues');
      first.close();
      // A change while disconnected, then a reconnect that must still see it.
      await first.ended;
      const keepAlive = await events('viewer');
      await stack.boss.send('emails', { n: 'while cut' });
      const missed = await keepAlive.next((frame) => frame.event === 'queues' && frame.id !== before.id);
      keepAlive.close();
      const resumed = await events('viewer', { 'last-event-id': before.id! });
      try {
        const replayed = await resumed.next((frame) => frame.id === missed.id);
        assert.deepEqual(replayed.data, missed.data);
      } finally {
        resumed.close();
      }
      const stranger = await events('viewer', { 'last-event-id': 'deadbeef-1' });
      try {
        await stranger.next((frame) => frame.event === 'reset');
      } finally {
        stranger.close();
      }
    });

    test('the database work does not grow with the number of open streams', async () => {
      const open = await Promise.all(Array.from({ length: 25 }, () => events('viewer')));
      try {
        await Promise.all(open.map((live) => live.next((frame) => frame.event === 'ready')));
        await watched.polled();
        const started = performance.now();
        await watched.polled(4);
        const elapsed = performance.now() - started;
        // One poller serves every stream, one poll per interval (150 ms); a poller per stream
        // would have made these four polls at once.
        assert.ok(elapsed >= 4 * 150 * 0.9, `25 streams made 4 polls in ${elapsed.toFixed(0)} ms, under 4 intervals`);
      } finally {
        for (const live of open) live.close();
        await Promise.all(open.map((live) => live.ended));
      }
    });
  });
}

describe('a client that cannot keep up', () => {
  test('is dropped, not buffered without bound', async () => {
    const watched = watchedEngine(fromPgBoss(stack.boss));
    const opsJobs = createOpsJobs<{ user: string }>({
      engine: watched.engine,
      store: createPostgresStore({ pglite: stack.pglite, schema: 'ops_live_slow' }),
      auth: { currentActor: (hostRequest) => hostRequest, authorize: () => true, auditPrincipal: () => ({ id: 'x', type: 'user', label: 'x' }) },
      displayPolicy: hideKeysMatching(/token/i),
      live: { heartbeatSeconds: 1, pollIntervalMs: 100, maxBufferedBytes: 2048 },
    });
    try {
      // Nobody reads this response: its stream fills up on the server.
      const recorder = recordTelemetry();
      const response = await opsJobs.handle(new Request('http://console.test/ops/jobs/api/events'), { user: 'slow' });
      assert.equal(response.status, 200);
      const dropped = recorder.when('live.dropped', 30_000);
      let isDropped = false;
      void dropped.then(() => (isDropped = true), () => {});
      // A change per poll, so that each poll publishes counts the stream must carry. Once the
      // stream is dropped nobody wants counts and polls stop, so the drop ends the wait too.
      for (let round = 0; !isDropped; round += 1) {
        assert.ok(round < 60, 'the stream was never dropped');
        await stack.boss.send('emails', { round });
        await Promise.race([watched.polled().catch(() => {}), dropped]);
      }
      const reader = response.body!.getReader();
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
      }
      assert.ok(bytes < 16 * 1024, `the stream ended after ${bytes} bytes rather than growing`);
      const live = recorder.take().filter((event) => isStreamEvent(event.name)).map((event) => event.name);
      recorder.close();
      assert.deepEqual(live, ['live.connected', 'live.dropped', 'live.disconnected']);
    } finally {
      opsJobs.close();
    }
  });
});
