import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_USERS, demoAuth, demoDisplayPolicy, sessionUser } from '../../../demo/policies.ts';

const decide = async (role: keyof typeof DEMO_USERS, action: string) => {
  const decision = await demoAuth.authorize(DEMO_USERS[role], action as never, { type: 'console' });
  return typeof decision === 'boolean' ? decision : decision.allow;
};

test('the session user is read from `session.user` on an Express req or a Koa ctx', () => {
  assert.equal(sessionUser({ session: { user: 'operator' } }), DEMO_USERS.operator);
  assert.equal(sessionUser({ session: { user: 'root' } }), null);
  assert.equal(sessionUser({ session: null }), null);
  assert.equal(sessionUser({}), null);
  assert.equal(sessionUser(null), null);
});

test('each role may do what the demo promises', async () => {
  const actions = ['queues.view', 'jobs.view', 'audit.view', 'job.retry', 'queue.pause', 'schedule.run_now', 'audit.export'];
  const allowed = async (role: keyof typeof DEMO_USERS) => {
    const result: string[] = [];
    for (const action of actions) if (await decide(role, action)) result.push(action);
    return result;
  };
  assert.deepEqual(await allowed('admin'), actions);
  assert.deepEqual(await allowed('operator'), ['queues.view', 'jobs.view', 'audit.view', 'job.retry', 'queue.pause']);
  assert.deepEqual(await allowed('viewer'), ['queues.view', 'jobs.view', 'audit.view']);
  assert.deepEqual(await allowed('guest'), []);
});

test('a denial says why', async () => {
  const decision = await demoAuth.authorize(DEMO_USERS.viewer, 'job.retry' as never, { type: 'job', queue: 'email.send', id: '1' });
  assert.equal(typeof decision, 'object');
  assert.match((decision as { reason: string }).reason, /operator/);
});

test('the audit principal is the stable user id, not the session', async () => {
  assert.deepEqual(await demoAuth.auditPrincipal(DEMO_USERS.operator), { id: 'u_1002', type: 'user', label: 'Omar Operator (operator)' });
});

test('secret-looking keys are hidden at any depth', () => {
  const shown = demoDisplayPolicy.display('job_data', { to: 'a@example.com', options: { apiKey: 'pm_live_1' }, cardToken: 'tok_visa' }, { actor: null });
  assert.deepEqual(shown, { show: { to: 'a@example.com', options: { apiKey: '[redacted]' }, cardToken: '[redacted]' } });
});
