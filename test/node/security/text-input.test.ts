// Text that would break the database, the audit view or a terminal is refused at the edge with a
// 400 that names the field, and changes nothing. On PostgreSQL, which refuses NUL in text: before
// these checks a NUL reached the database and answered 500.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startActionStack, type ActionStack } from '../support/action-stack.ts';

const REASON = 'Retrying after the payment provider recovered';

describe('text inputs on PostgreSQL', () => {
  let stack: ActionStack;
  before(async () => {
    stack = await startActionStack('PostgreSQL', { searchable: ['customer'] });
  });
  after(() => stack?.stop());

  async function refused(response: Response, field: string): Promise<void> {
    assert.equal(response.status, 400, await response.clone().text());
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = await response.json();
    assert.equal(problem.parameter, field, JSON.stringify(problem));
  }

  test('control characters in query parameters, path parameters and data filters', async () => {
    await stack.failedJobs('texts', 1, { customer: 'cus_1' });
    await refused(await stack.request('ada', 'GET', '/api/audit?queue=a%00b'), 'queue');
    await refused(await stack.request('ada', 'GET', '/api/audit?actor=%1B%5B31m'), 'actor');
    await refused(await stack.request('ada', 'GET', '/api/audit/export?format=csv&job=x%00'), 'job');
    await refused(await stack.request('vera', 'GET', '/api/queues/texts/jobs?data.customer=cus%00'), 'data.customer');
    await refused(await stack.request('vera', 'GET', '/api/queues/te%00xts/jobs'), 'queue');
  });

  test('dates are strict ISO 8601, and real', async () => {
    for (const bad of ['2026-01-01junk', '2026-02-30', '2026-13-01', '2026-01-01T10:00', '01/02/2026', '2026-01-01T25:00:00Z']) {
      await refused(await stack.request('ada', 'GET', `/api/audit?from=${encodeURIComponent(bad)}`), 'from');
    }
    for (const good of ['2026-01-01', '2026-01-01T10:00Z', '2026-01-01T10:00:00.123456+02:00', '2026-02-28T23:30:00-05:00']) {
      const response = await stack.request('ada', 'GET', `/api/audit?from=${encodeURIComponent(good)}`);
      assert.equal(response.status, 200, `${good}: ${await response.text()}`);
    }
  });

  test('a reason with hidden, reordering or control characters is refused, and nothing happens', async () => {
    const [id] = await stack.failedJobs('reasons', 1);
    const plan = async () => (await (await stack.request('olga', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'reasons', ids: [id] } })).json()).token;
    const token = await plan();
    for (const reason of [`${REASON}\u0000`, `${REASON} \u202Eevil`, `${REASON}\u200B`, `\u001B[2J${REASON}`, `${REASON}\uD800`]) {
      await refused(await stack.request('olga', 'POST', '/api/actions/execute', { token, reason }), 'reason');
    }
    await refused(await stack.request('olga', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'reasons', ids: [`${id}\u0000`] } }), 'target.ids');
    const job = await (await stack.request('vera', 'GET', `/api/queues/reasons/jobs/${id}`)).json();
    assert.equal(job.state, 'failed');
    // Line breaks are fine, and the token is still good: none of the refused attempts used it.
    const done = await stack.request('olga', 'POST', '/api/actions/execute', { token, reason: `${REASON}\nTicket OPS-42` });
    assert.equal(done.status, 200, await done.text());
    const [record] = (await (await stack.request('ada', 'GET', `/api/audit?job=${id}`)).json()).records;
    assert.equal(record.reason, `${REASON}\nTicket OPS-42`);
  });

  test('a reason is stored in NFC, so what looks the same is the same', async () => {
    const [id] = await stack.failedJobs('nfc', 1);
    const { token } = await (await stack.request('olga', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'nfc', ids: [id] } })).json();
    const decomposed = 'Re-running the cafe\u0301 exports after the fix';
    assert.equal((await stack.request('olga', 'POST', '/api/actions/execute', { token, reason: decomposed })).status, 200);
    const [record] = (await (await stack.request('ada', 'GET', `/api/audit?job=${id}`)).json()).records;
    assert.equal(record.reason, decomposed.normalize('NFC'));
  });
});
