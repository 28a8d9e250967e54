// Who is asking, and whether they may, is settled before anything in the request is parsed or
// looked up: the answer never tells a signed-out client or a read-only operator whether a queue
// name is well-formed or a preview token exists.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startActionStack, type ActionStack } from '../support/action-stack.ts';

describe('the order of checks', () => {
  let stack: ActionStack;
  before(async () => {
    stack = await startActionStack('PGlite');
  });
  after(() => stack?.stop());

  test('a signed-out request with a malformed path parameter is 401, as any other', async () => {
    for (const path of ['/api/queues/%E0%A4%A', '/api/queues/a%00b/jobs', '/api/queues/q/jobs/%ZZ']) {
      assert.equal((await stack.request(null, 'GET', path)).status, 401, path);
    }
    assert.equal((await stack.request('vera', 'GET', '/api/queues/%E0%A4%A')).status, 400);
  });

  test('a signed-out request with malformed parameters to a lookup or a listing is 401, as any other', async () => {
    for (const path of ['/api/jobs', '/api/jobs?id=%', '/api/schedules?limit=abc', `/api/schedules?queue=${'q'.repeat(600)}`]) {
      assert.equal((await stack.request(null, 'GET', path)).status, 401, path);
    }
    assert.equal((await stack.request('vera', 'GET', '/api/jobs?id=zz')).status, 400);
    // Vera may not list schedules: a malformed listing is refused as any other would be.
    assert.equal((await stack.request('vera', 'GET', '/api/schedules?limit=abc')).status, 403);
    assert.equal((await stack.request('ada', 'GET', '/api/schedules?limit=abc')).status, 400);
  });

  test('an operator who may not execute anything hears 403 for any token, known, unknown or malformed', async () => {
    const [id] = await stack.failedJobs('order', 1);
    const { token } = await (await stack.request('olga', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'order', ids: [id] } })).json();
    const reason = 'Checking what a read-only operator learns';
    for (const candidate of [token, 'A'.repeat(43), 'not-a-token']) {
      const response = await stack.request('vera', 'POST', '/api/actions/execute', { token: candidate, reason });
      assert.equal(response.status, 403, String(candidate));
    }
    // One who may execute learns that a token is unknown or malformed.
    assert.equal((await stack.request('olga', 'POST', '/api/actions/execute', { token: 'A'.repeat(43), reason })).status, 404);
    assert.equal((await stack.request('olga', 'POST', '/api/actions/execute', { token: 'not-a-token', reason })).status, 400);
  });
});
