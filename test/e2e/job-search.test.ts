// Finding a job by its id in Chromium, on a real Express host over pg-boss on PGlite: from the
// queue overview, a whole id opens the job, a shared prefix lists the jobs to choose from in any
// queue, and a prefix too short says why.
// Needs `npm run build` first (the console's bundle).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createOpsJobs, type OpsJobs } from '../../core/index.ts';
import { fromPgBoss } from '../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../adapters/postgres/index.ts';
import { demoAuth, demoDisplayPolicy } from '../../demo/policies.ts';
import { launchChromium, openPage } from '../elements/support/browser.ts';
import { settled } from '../elements/support/console-page.ts';
import { startHost, type RunningHost } from '../node/support/http-hosts.ts';
import { startSeededPgBoss, type SeededStack } from '../node/support/pg-boss-stack.ts';

const SHARED = ['c0ffee00-0000-4000-8000-000000000001', 'c0ffee00-0000-4000-8000-000000000002'];

let stack: SeededStack;
let opsJobs: OpsJobs;
let host: RunningHost;
let browser: Browser;

before(async () => {
  stack = await startSeededPgBoss();
  await stack.boss.send('payments', { amount: 5 }, { id: SHARED[0] });
  await stack.boss.send('emails', { to: 'someone' }, { id: SHARED[1] });
  opsJobs = createOpsJobs({
    engine: fromPgBoss(stack.boss),
    store: createPostgresStore({ pglite: stack.pglite, schema: 'ops_job_search' }),
    auth: demoAuth,
    displayPolicy: demoDisplayPolicy,
  });
  [host, browser] = await Promise.all([startHost('express', opsJobs as never, { sessionFromHeader: true }), launchChromium()]);
});
after(async () => {
  await browser?.close();
  opsJobs?.close();
  await host?.close();
  await stack?.stop();
});

async function overview(width = 1280) {
  const opened = await openPage(browser, { width });
  await opened.page.context().setExtraHTTPHeaders({ 'x-test-user': 'viewer' });
  await opened.page.goto(`${host.url}/ops/jobs/`);
  await settled(opened.page);
  return opened;
}

describe('finding a job by its id', () => {
  it('opens the job for a whole id typed on the overview', async () => {
    const { page, errors } = await overview();
    const id = stack.ids.failed[1]!;
    await page.getByRole('searchbox', { name: 'Job id' }).fill(id);
    await page.getByRole('searchbox', { name: 'Job id' }).press('Enter');
    await page.waitForURL(`${host.url}/ops/jobs/queues/payments/jobs/${id}`);
    await settled(page);
    await page.locator('ops-jobs-job-detail').getByText('card was declined').first().waitFor();
    await page.goBack();
    await page.waitForURL(`${host.url}/ops/jobs/`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('lists the jobs of every queue that share a prefix, and opens the one chosen', async () => {
    const { page, errors } = await overview();
    await page.getByRole('searchbox', { name: 'Job id' }).fill('C0FFEE');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(`${host.url}/ops/jobs/jobs?id=C0FFEE`);
    await settled(page);
    const rows = page.locator('ops-jobs-job-search tbody tr');
    assert.equal(await rows.count(), 2);
    assert.deepEqual(await rows.locator('td:nth-child(2)').allInnerTexts(), ['payments', 'emails']);
    await rows.nth(1).getByRole('link', { name: `Job ${SHARED[1]} in emails` }).click();
    await page.waitForURL(`${host.url}/ops/jobs/queues/emails/jobs/${SHARED[1]}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('says why a prefix too short finds nothing, and fits a phone', async () => {
    const { page } = await overview(390);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await overflow(), 0);
    await page.goto(`${host.url}/ops/jobs/jobs?id=c0f`);
    await settled(page);
    await page.locator('ops-jobs-job-search').getByText('first 4 or more hex digits').waitFor();
    await page.goto(`${host.url}/ops/jobs/jobs?id=dead`);
    await settled(page);
    await page.locator('ops-jobs-job-search').getByText("No job's id starts with").waitFor();
    assert.equal(await overflow(), 0);
    await page.context().close();
  });
});
