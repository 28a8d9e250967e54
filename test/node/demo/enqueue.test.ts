import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PgBoss } from 'pg-boss';
import { enqueueDemoJob } from '../../../demo/enqueue.ts';
import { DEMO_USERS } from '../../../demo/policies.ts';

/** Only what enqueueDemoJob calls: one existing queue, and a record of what was sent. */
function fakeBoss() {
  const sent: { queue: string; data: object }[] = [];
  const boss = {
    getQueue: async (name: string) => (name === 'email.send' ? { name } : null),
    getQueues: async () => [{ name: 'email.send' }, { name: '__pgboss__send-it' }],
    send: async (queue: string, data: object) => {
      sent.push({ queue, data });
      return 'job-1';
    },
  };
  return { boss: boss as unknown as PgBoss, sent };
}

const asJson = 'application/json';

test('a signed-in user enqueues a job on an existing queue', async () => {
  const { boss, sent } = fakeBoss();
  const answer = await enqueueDemoJob(boss, { user: DEMO_USERS.viewer, contentType: asJson, body: { queue: 'email.send', data: { to: 'a@example.com' } } });
  assert.equal(answer.status, 201);
  assert.deepEqual(JSON.parse(answer.body), { id: 'job-1', queue: 'email.send' });
  assert.deepEqual(sent, [{ queue: 'email.send', data: { to: 'a@example.com' } }]);
});

test('bad requests are answered with problem+json and send nothing', async () => {
  const cases: [Parameters<typeof enqueueDemoJob>[1], number, string?][] = [
    [{ user: null, contentType: asJson, body: { queue: 'email.send' } }, 401],
    [{ user: DEMO_USERS.admin, contentType: 'application/x-www-form-urlencoded', body: { queue: 'email.send' } }, 415],
    [{ user: DEMO_USERS.admin, contentType: asJson, body: [] }, 400, 'body'],
    [{ user: DEMO_USERS.admin, contentType: asJson, body: { data: {} } }, 400, 'queue'],
    [{ user: DEMO_USERS.admin, contentType: asJson, body: { queue: 'bad name!' } }, 400, 'queue'],
    [{ user: DEMO_USERS.admin, contentType: asJson, body: { queue: 'email.send', data: 'x' } }, 400, 'data'],
    [{ user: DEMO_USERS.admin, contentType: asJson, body: { queue: 'reports.nope' } }, 400, 'queue'],
  ];
  for (const [request, status, parameter] of cases) {
    const { boss, sent } = fakeBoss();
    const answer = await enqueueDemoJob(boss, request);
    assert.equal(answer.status, status, JSON.stringify(request));
    assert.equal(answer.contentType, 'application/problem+json');
    const body = JSON.parse(answer.body);
    assert.equal(body.status, status);
    assert.equal(body.parameter, parameter);
    assert.deepEqual(sent, []);
  }
});

test('the unknown-queue answer lists the queues, without pg-boss internals', async () => {
  const { boss } = fakeBoss();
  const answer = await enqueueDemoJob(boss, { user: DEMO_USERS.admin, contentType: asJson, body: { queue: 'reports.nope' } });
  assert.match(JSON.parse(answer.body).detail, /Queues: email\.send\.$/);
});
