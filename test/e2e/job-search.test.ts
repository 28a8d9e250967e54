// Finding a job by its id in Chromium, on a real Express host over pg-boss on PGlite: from the
// queue overview, a whole id opens the job, a shared prefix lists the jobs to choose from in any
// queue, and a prefix too short says why.
// Needs `npm run build` first (the console's bundle).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settled } from '../elements/support/console-page.ts';
import { useDemoConsole } from './support/demo-console.ts';

const SHARED = ['c0ffee00-0000-4000-8000-000000000001', 'c0ffee00-0000-4000-8000-000000000002'];

const demo = useDemoConsole({
  seed: async (stack) => {
    await stack.boss.send('payments', { amount: 5 }, { id: SHARED[0] });
    await stack.boss.send('emails', { to: 'someone' }, { id: SHARED[1] });
  },
});
const overview = (width?: number) => demo.open('viewer', width === undefined ? {} : { width });
describe('finding a job by its id', () => {
  it('opens the job for a whole id typed on the overview', async () => {
    const { page, errors } = await overview();
    const id = demo.stack.ids.failed[1]!;
    await page.getByRole('searchbox', { name: 'Job id' }).fill(id);
    await page.getByRole('searchbox', { name: 'Job id' }).press('Enter');
    await page.waitForURL(`${demo.host.url}/ops/jobs/queues/payments/jobs/${id}`);
    await settled(page);
    await page.locator('ops-jobs-job-detail').getByText('card was declined').first().waitFor();
    await page.goBack();
    await page.waitForURL(`${demo.host.url}/ops/jobs/`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('lists the jobs of every queue that share a prefix, and opens the one chosen', async () => {
    const { page, errors } = await overview();
    await page.getByRole('searchbox', { name: 'Job id' }).fill('C0FFEE');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(`${demo.host.url}/ops/jobs/jobs?id=C0FFEE`);
    await settled(page);
    const rows = page.locator('ops-jobs-job-search tbody tr');
    assert.equal(await rows.count(), 2);
    assert.deepEqual(await rows.locator('td:nth-child(2)').allInnerTexts(), ['payments', 'emails']);
    await rows.nth(1).getByRole('link', { name: `Job ${SHARED[1]} in emails` }).click();
    await page.waitForURL(`${demo.host.url}/ops/jobs/queues/emails/jobs/${SHARED[1]}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('says why a prefix too short finds nothing, and fits a phone', async () => {
    const { page } = await overview(390);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await overflow(), 0);
    await page.goto(`${demo.host.url}/ops/jobs/jobs?id=c0f`);
    await settled(page);
    await page.locator('ops-jobs-job-search').getByText('first 4 or more hex digits').waitFor();
    await page.goto(`${demo.host.url}/ops/jobs/jobs?id=dead`);
    await settled(page);
    await page.locator('ops-jobs-job-search').getByText("No job's id starts with").waitFor();
    assert.equal(await overflow(), 0);
    await page.context().close();
  });
});
