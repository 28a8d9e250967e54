// Filtering jobs on payload fields: only where the display policy marks the field searchable, so a
// filter can never tell an operator whether a hidden value is what they guessed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startActionStack, type ActionStack, type Database } from '../support/action-stack.ts';

const SECRET = 'tok_live_GUESS_ME';

for (const database of ['PGlite', 'PostgreSQL'] as Database[]) {
  describe(`payload filters on ${database}`, () => {
    let stack: ActionStack;
    let ids: string[];
    before(async () => {
      stack = await startActionStack(database, { searchable: ['customer.id', 'region', 'card.last4'] });
      ids = [
        ...(await stack.failedJobs('orders', 3, { customer: { id: 'cus_42' }, region: 'eu', cardToken: SECRET, card: { last4: '4242' } })),
        ...(await stack.failedJobs('orders', 2, { customer: { id: 'cus_7' }, region: 'eu', cardToken: 'tok_other' })),
      ];
    });
    after(() => stack?.stop());

    const list = (query: string) => stack.request('vera', 'GET', `/api/queues/orders/jobs?${query}`);

    test('a searchable field filters the listing, combined with state, and pages within the filter', async () => {
      const all = await (await list('state=failed&data.customer.id=cus_42')).json();
      assert.equal(all.jobs.length, 3);
      const both = await (await list('data.customer.id=cus_7&data.region=eu')).json();
      assert.deepEqual(new Set(both.jobs.map((job: { id: string }) => job.id)), new Set(ids.slice(3)));
      const first = await (await list('data.customer.id=cus_42&limit=2')).json();
      assert.equal(first.jobs.length, 2);
      const second = await (await list(`data.customer.id=cus_42&limit=2&cursor=${first.nextCursor}`)).json();
      assert.equal(second.jobs.length, 1);
      const crossed = await list(`data.customer.id=cus_7&limit=2&cursor=${first.nextCursor}`);
      assert.equal(crossed.status, 400, 'a cursor from another filter is refused');
    });

    test('a field that is not searchable is refused the same way whatever the value, naming only the field', async () => {
      const right = await list(`data.cardToken=${SECRET}`);
      const wrong = await list('data.cardToken=tok_wrong_guess');
      assert.equal(right.status, 400);
      const [rightBody, wrongBody] = [await right.json(), await wrong.json()];
      assert.deepEqual(rightBody, wrongBody);
      assert.equal(rightBody.parameter, 'data.cardToken');
      assert.ok(!JSON.stringify(rightBody).includes(SECRET));
    });

    test('a listed field under a hidden key stays unsearchable', async () => {
      const response = await list('data.card.last4=4242');
      assert.equal(response.status, 400);
      assert.equal((await response.json()).parameter, 'data.card.last4');
    });

    test('malformed filters are refused', async () => {
      for (const query of ['data.=x', 'data.a..b=x', 'data.customer.id=', 'data.a=1&data.b=2&data.c=3&data.d=4']) {
        assert.equal((await list(query)).status, 400, query);
      }
    });

    test('a bulk action by filter honours the payload conditions and the same searchability rule', async () => {
      const preview = await stack.request('olga', 'POST', '/api/actions/preview', {
        action: 'job.retry', target: { queue: 'orders', filter: { state: 'failed', data: { 'customer.id': 'cus_7' } } },
      });
      assert.equal(preview.status, 200);
      const planned = await preview.json();
      assert.deepEqual(new Set(planned.sample.map((job: { id: string }) => job.id)), new Set(ids.slice(3)));
      const probe = await stack.request('olga', 'POST', '/api/actions/preview', {
        action: 'job.retry', target: { queue: 'orders', filter: { state: 'failed', data: { cardToken: SECRET } } },
      });
      assert.equal(probe.status, 400);
      assert.ok(!(await probe.text()).includes(SECRET));
    });
  });
}
