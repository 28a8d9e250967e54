// What a job's page shows beyond its values, where the engine keeps it (BullMQ): progress as a
// bar or as a value, the last log lines with how many there are, and the flow the job belongs to,
// its parent and children linked inside the console.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { deepText, heading, openConsole } from './support/console-page.ts';
import { CHILD_QUEUE, childLogLines, FLOW_JOBS, flowApi, PARENT_QUEUE } from './support/flow-jobs.ts';
import { jobId } from './support/fixtures.ts';
import { startServer, type TestServer } from './support/server.ts';

const now = Date.now();
let browser: Browser;
let server: TestServer;

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: flowApi(now) });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const jobPath = (queue: string, id: string) => `queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(id)}`;
const detail = (page: Page) => page.locator('ops-jobs-job-detail');

describe('job progress', () => {
  it('shows a percentage as a progress bar with its figure among the facts', async () => {
    const { page, errors } = await openConsole(browser, server.url(jobPath(CHILD_QUEUE, FLOW_JOBS.child)));
    const bar = page.getByRole('progressbar', { name: 'Progress' });
    assert.equal(await bar.getAttribute('aria-valuenow'), '42');
    assert.equal(await bar.getAttribute('aria-valuemin'), '0');
    assert.equal(await bar.getAttribute('aria-valuemax'), '100');
    assert.equal(await bar.getAttribute('aria-valuetext'), '42%');
    assert.match(await deepText(detail(page).locator('[part="facts"]')), /Progress\s+42%/);
    const fill = await detail(page).locator('.progress-fill').evaluate((el) => el.getBoundingClientRect().width / el.parentElement!.getBoundingClientRect().width);
    assert.ok(Math.abs(fill - 0.42) < 0.02, `the bar is filled to 42%: ${fill}`);
    assert.equal(await detail(page).locator('[part="progress"]').count(), 0, 'no progress section for a percentage');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows progress that is not a percentage through the JSON viewer', async () => {
    const { page } = await openConsole(browser, server.url(jobPath(CHILD_QUEUE, FLOW_JOBS.objectProgress)));
    assert.equal(await page.getByRole('progressbar').count(), 0);
    const section = detail(page).locator('[part="progress"]');
    assert.equal(await section.getByRole('heading', { level: 2 }).innerText(), 'Progress');
    assert.match(await deepText(section.locator('ops-jobs-json-viewer')), /"stage"\s*:\s*"upload"\s*,\s*"done"\s*:\s*3\s*,\s*"of"\s*:\s*7/);
    await page.context().close();
  });

  it('keeps progress hidden by the display policy hidden', async () => {
    const { page } = await openConsole(browser, server.url(jobPath(CHILD_QUEUE, FLOW_JOBS.hiddenProgress)));
    assert.equal(await page.getByRole('progressbar').count(), 0);
    assert.match(await deepText(detail(page).locator('[part="progress"]')), /Hidden by display policy\./);
    await page.context().close();
  });
});

describe('job logs', () => {
  it('shows the last lines in a scrolling block, with how many of how many', async () => {
    const { page } = await openConsole(browser, server.url(jobPath(CHILD_QUEUE, FLOW_JOBS.child)));
    const card = detail(page).locator('[part="logs-card"]');
    assert.match(await deepText(card.locator('summary')), /^Logs\s+last 50 of 1,204 lines$/);
    const block = page.getByRole('region', { name: 'Log lines' });
    const lines = childLogLines();
    assert.equal(await block.locator('.log-line').count(), 50);
    assert.equal(await block.locator('.log-line').last().innerText(), lines.at(-1));
    assert.equal(await block.evaluate((el) => getComputedStyle(el).fontFamily.includes('mono') || getComputedStyle(el).fontFamily.includes('Mono')), true);
    assert.ok(await block.evaluate((el) => el.scrollHeight > el.clientHeight), 'fifty lines scroll inside the block');
    await block.focus();
    await page.keyboard.press('PageDown');
    await block.evaluate((el) => new Promise<void>((resolve) => (el.scrollTop > 0 ? resolve() : el.addEventListener('scroll', () => resolve(), { once: true }))));

    await card.locator('summary').click();
    await block.waitFor({ state: 'detached' });
    assert.match(await deepText(card.locator('summary')), /last 50 of 1,204 lines/, 'folded, the count stays in sight');
    await card.locator('summary').click();
    await block.waitFor();
    await page.context().close();
  });

  it('says so when the job logged nothing, and keeps hidden lines hidden', async () => {
    let { page } = await openConsole(browser, server.url(jobPath(CHILD_QUEUE, FLOW_JOBS.hiddenProgress)));
    assert.match(await deepText(detail(page).locator('[part="logs-card"]')), /^Logs\s+none$/);
    await page.context().close();

    ({ page } = await openConsole(browser, server.url(jobPath(CHILD_QUEUE, FLOW_JOBS.objectProgress))));
    const card = detail(page).locator('[part="logs-card"]');
    assert.match(await deepText(card.locator('summary')), /^Logs\s+12 lines$/);
    assert.match(await deepText(card), /Hidden by display policy\./);
    assert.equal(await page.getByRole('region', { name: 'Log lines' }).count(), 0);
    await page.context().close();
  });
});

describe('job flow', () => {
  it("counts a parent's children by outcome and links the ones the engine named", async () => {
    const { page, errors } = await openConsole(browser, server.url(jobPath(PARENT_QUEUE, FLOW_JOBS.parent)));
    const card = detail(page).locator('[part="family"]');
    assert.match(await deepText(card), /Parent\s+None/);
    assert.deepEqual((await card.getByRole('list', { name: 'Children by outcome' }).getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()), ['3 pending', '12 processed', '1 failed']);
    const children = card.getByRole('list', { name: 'Children', exact: true }).getByRole('link');
    assert.equal(await children.count(), 5);
    assert.equal(await card.getByRole('link', { name: `Job ${FLOW_JOBS.child} in ${CHILD_QUEUE}, pending` }).getAttribute('href'), server.url(jobPath(CHILD_QUEUE, FLOW_JOBS.child)));
    assert.equal(await card.getByRole('link', { name: `Job 7731 in invoice-sync, processed` }).getAttribute('href'), server.url('queues/invoice-sync/jobs/7731'));
    assert.equal(await card.getByRole('link', { name: `Job ${jobId(CHILD_QUEUE, 4)} in ${CHILD_QUEUE}, failed` }).count(), 1);
    assert.match(await deepText(card), /Showing 5 of 16 children\./);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('follows the parent and a child inside the console, without loading the page again', async () => {
    const { page, errors } = await openConsole(browser, server.url(jobPath(CHILD_QUEUE, FLOW_JOBS.child)));
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const parent = detail(page).locator('[part="family"]').getByRole('link', { name: `Job ${FLOW_JOBS.parent} in ${PARENT_QUEUE}` });
    assert.equal(await parent.getAttribute('href'), server.url(`queues/reports%2Fdaily/jobs/${FLOW_JOBS.parent}`));
    await parent.click();
    await page.waitForURL(server.url(jobPath(PARENT_QUEUE, FLOW_JOBS.parent)));
    await detail(page).getByRole('list', { name: 'Children', exact: true }).waitFor();
    assert.equal(await heading(page), `Job ${FLOW_JOBS.parent.slice(0, 8)}`);

    await detail(page).getByRole('link', { name: `Job ${FLOW_JOBS.child} in ${CHILD_QUEUE}, pending` }).click();
    await page.waitForURL(server.url(jobPath(CHILD_QUEUE, FLOW_JOBS.child)));
    await page.getByRole('progressbar', { name: 'Progress' }).waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'the console routed the links itself');
    await page.goBack();
    await page.waitForURL(server.url(jobPath(PARENT_QUEUE, FLOW_JOBS.parent)));
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows no flow card for a job outside any flow', async () => {
    const { page } = await openConsole(browser, server.url(jobPath(CHILD_QUEUE, FLOW_JOBS.objectProgress)));
    await detail(page).locator('[part="logs-card"]').waitFor();
    assert.equal(await detail(page).locator('[part="family"]').count(), 0);
    await page.context().close();
  });
});
