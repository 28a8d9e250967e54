// A BullMQ job's page in Chromium on a real Express host over BullMQ on Redis (and the store on
// PostgreSQL): the log lines and progress a worker wrote, the progress's secret redacted, and a
// flow walked from parent to child and back through the console's own links.
// Needs `npm run build` first (the console's bundle).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { OpsJobs } from '../../core/index.ts';
import { PLANTED_SECRET, seedEveryState, type SeededQueue } from '../node/adapters/bullmq/seed.ts';
import { startBullMQStack, type BullMQStack } from '../node/support/bullmq-stack.ts';
import { dropSchemas, uniqueSchema } from '../node/support/database.ts';
import { startHost, type RunningHost } from '../node/support/http-hosts.ts';
import { deletePrefix, uniquePrefix } from '../node/support/redis.ts';
import { launchChromium, openPage } from '../elements/support/browser.ts';
import { deepText, pageContains, settled } from '../elements/support/console-page.ts';

describe("a BullMQ job's progress, logs and flow in the console", () => {
  const prefix = uniquePrefix('e2e-detail');
  const storeSchema = uniqueSchema('ops_bullmq_detail');
  let stack: BullMQStack;
  let host: RunningHost;
  let browser: Browser;
  let seeded: SeededQueue;
  before(async () => {
    stack = await startBullMQStack({ prefix, storeSchema });
    seeded = await seedEveryState(stack.redis, prefix);
    [host, browser] = await Promise.all([startHost('express', stack.opsJobs as unknown as OpsJobs<never>, { sessionFromHeader: true }), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    if (stack) {
      await deletePrefix(stack.redis, prefix);
      await dropSchemas((text) => stack.pool.query(text), [storeSchema]);
      await stack.stop();
    }
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const opened = await openPage(browser, { width: 1280 });
    await opened.page.context().setExtraHTTPHeaders({ 'x-test-user': 'vera' });
    await opened.page.goto(`${host.url}/ops/jobs/${path}`);
    await settled(opened.page);
    return opened;
  }

  it('shows the log lines the worker wrote, and its progress with the secret redacted', async () => {
    // The fourth charge logged two lines and reported its progress as an object with a token.
    const { page, errors } = await open(`queues/${seeded.queue}/jobs/${seeded.ids.completed[0]}`);
    const detail = page.locator('ops-jobs-job-detail');
    const logs = detail.locator('[part="logs-card"]');
    assert.match(await deepText(logs.locator('summary')), /^Logs\s+2 lines$/);
    assert.deepEqual(await page.getByRole('region', { name: 'Log lines' }).locator('.log-line').allInnerTexts(), ['charging', 'charged']);
    const progress = detail.locator('[part="progress"]');
    assert.match(await deepText(progress), /"percent"\s*:\s*100[\s\S]*"token"\s*:\s*"\[redacted\]"/);
    assert.equal(await pageContains(page, PLANTED_SECRET), false);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('walks a flow: the parent counts its children, a child links back to its parent', async () => {
    const { page, errors } = await open(`queues/${seeded.queue}/jobs/${seeded.ids.parent}`);
    const family = page.locator('ops-jobs-job-detail [part="family"]');
    assert.match(await deepText(family), /Parent\s+None/);
    assert.deepEqual((await family.getByRole('list', { name: 'Children by outcome' }).getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim()), ['2 pending', '0 processed', '0 failed']);
    const children = family.getByRole('list', { name: 'Children', exact: true }).getByRole('link');
    assert.equal(await children.count(), 2);
    const child = seeded.ids.children[0]!;
    await family.getByRole('link', { name: `Job ${child} in ${seeded.childQueue}, pending` }).click();
    await page.waitForURL(`${host.url}/ops/jobs/queues/${seeded.childQueue}/jobs/${child}`);
    const parentLink = page.locator('ops-jobs-job-detail [part="family"]').getByRole('link', { name: `Job ${seeded.ids.parent} in ${seeded.queue}` });
    await parentLink.click();
    await page.waitForURL(`${host.url}/ops/jobs/queues/${seeded.queue}/jobs/${seeded.ids.parent}`);
    await page.locator('ops-jobs-job-detail [part="family"]').getByRole('list', { name: 'Children', exact: true }).waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
