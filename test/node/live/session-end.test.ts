// A live stream lasts as long as its operator's session, over a real Express server, pg-boss on
// PGlite and the real store: it ends with a `signed-out` event when the host no longer finds the
// operator (on its own schedule, and before any event that names an operator or jobs), when the
// host revokes the session with `disconnect`, and when it reaches its longest life.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createOpsJobs, hideKeysMatching, type OpsJobs } from '../../../core/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { startHost, type RunningHost } from '../support/http-hosts.ts';
import { startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';
import { connectSse } from '../support/sse-client.ts';
import { recordTelemetry } from '../telemetry/recorder.ts';

/** Sessions as a host keeps them: a sign-out deletes the session, whatever requests are open. */
const sessions = new Map<string, string>();

let stack: SeededStack;
before(async () => {
  stack = await startSeededPgBoss();
});
after(() => stack?.stop());

describe('live streams and the session', () => {
  let host: RunningHost;
  let opsJobs: OpsJobs;
  before(async () => {
    opsJobs = createOpsJobs({
      engine: fromPgBoss(stack.boss),
      store: createPostgresStore({ pglite: stack.pglite, schema: 'ops_live_session' }),
      auth: {
        currentActor: (req) => {
          const user = sessions.get((req as { get(name: string): string | undefined }).get('x-session') ?? '');
          return user ? { user } : null;
        },
        authorize: () => true,
        auditPrincipal: (actor) => ({ id: (actor as { user: string }).user, type: 'user', label: (actor as { user: string }).user }),
      },
      displayPolicy: hideKeysMatching(/token/i),
      live: { heartbeatSeconds: 60, reauthenticateSeconds: 1, maxStreamSeconds: 4 },
    });
    host = await startHost('express', opsJobs as never);
  });
  after(async () => {
    await opsJobs.close();
    await host.close();
  });

  const open = (session: string) => connectSse(`${host.url}/ops/jobs/api/events`, { 'x-session': session });

  test('a sign-out ends the stream within the re-check interval, with a signed-out event', async () => {
    sessions.set('s1', 'olga');
    const telemetry = recordTelemetry();
    const live = await open('s1');
    await live.next((frame) => frame.event === 'ready');
    sessions.delete('s1');
    await live.next((frame) => frame.event === 'signed-out', 2_500);
    await live.ended;
    assert.ok(telemetry.take().some((event) => event.name === 'live.disconnected' && event.tags.reason === 'signed_out'));
    telemetry.close();
    assert.equal((await fetch(`${host.url}/ops/jobs/api/events`, { headers: { 'x-session': 's1' } })).status, 401);
  });

  test('an action after sign-out is not delivered: the stream asks first, and ends', async () => {
    sessions.set('s2', 'olga');
    sessions.set('s3', 'omar');
    const live = await open('s2');
    await live.next((frame) => frame.event === 'ready');
    sessions.delete('s2');
    const headers = { 'x-session': 's3', 'content-type': 'application/json', origin: host.url };
    const { token } = await (await fetch(`${host.url}/ops/jobs/api/actions/preview`, { method: 'POST', headers, body: JSON.stringify({ action: 'job.retry', target: { queue: 'payments', ids: [stack.ids.failed[2]] } }) })).json();
    assert.equal((await fetch(`${host.url}/ops/jobs/api/actions/execute`, { method: 'POST', headers, body: JSON.stringify({ token, reason: 'Retrying while another operator signs out' }) })).status, 200);
    await live.next((frame) => frame.event === 'signed-out', 2_500);
    await live.ended;
    assert.ok(!live.frames.some((frame) => frame.event === 'action'), 'no action reached the signed-out operator');
  });

  test("disconnect ends an operator's streams at once, and only theirs", async () => {
    sessions.set('s4', 'ada');
    sessions.set('s5', 'ada');
    sessions.set('s6', 'vera');
    const [first, second, other] = await Promise.all([open('s4'), open('s5'), open('s6')]);
    await Promise.all([first, second, other].map((live) => live.next((frame) => frame.event === 'ready')));
    assert.equal(opsJobs.disconnect({ actorId: 'ada' }), 2);
    await Promise.all([first.ended, second.ended]);
    assert.ok(first.frames.some((frame) => frame.event === 'signed-out'));
    assert.equal(opsJobs.disconnect({ actorId: 'ada' }), 0);
    assert.equal(opsJobs.disconnect({ actorId: 'vera' }), 1);
    await other.ended;
  });

  test('a stream ends at its longest life, so the console reconnects and signs in afresh', async () => {
    sessions.set('s7', 'olga');
    const started = Date.now();
    const live = await open('s7');
    await live.ended;
    const lived = Date.now() - started;
    assert.ok(lived >= 3_500 && lived < 8_000, `lived ${lived} ms`);
    assert.ok(!live.frames.some((frame) => frame.event === 'signed-out'), 'still signed in: no signed-out event');
  });
});
