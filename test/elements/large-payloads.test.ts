// A job with 5 MB of data, a 10,000-line stack or 1,000 log lines: the detail shows the first part
// of each at once with a bounded page, says what is left out, and "Show all" or "Load the whole"
// reveals the rest, a policy-hidden key never appearing. Values come through the real presenter.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { deepText, openConsole, pageContains } from './support/console-page.ts';
import { LARGE_JOBS, LARGE_QUEUE, LARGE_SECRET, largeJobsApi } from './support/large-jobs.ts';
import { pageWeight } from './support/page-weight.ts';
import { startServer, type TestServer } from './support/server.ts';

let browser: Browser;
let server: TestServer;

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: largeJobsApi() });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The bounds a job's page stays within whatever the size of its values: the first step of each
 * value (up to 20,000 characters, coloured token by token, about three nodes a token in dense
 * JSON) plus the page around it. The largest value here is 250 times that step.
 */
const FIRST_VIEW = { nodes: 12_000, chars: 60_000 };

async function openJob(id: string): Promise<Page> {
  const { page, errors } = await openConsole(browser, server.url(`queues/${LARGE_QUEUE}/jobs/${id}`));
  page.on('close', () => assert.deepEqual(errors, []));
  return page;
}

function section(page: Page, name: string) {
  return page.locator('section', { has: page.getByRole('heading', { name, exact: true }) });
}

async function withinFirstView(page: Page): Promise<void> {
  const weight = await pageWeight(page);
  assert.ok(weight.nodes < FIRST_VIEW.nodes && weight.chars < FIRST_VIEW.chars, `page holds ${weight.nodes} nodes, ${weight.chars} characters`);
}

describe('large payloads', () => {
  it('5 MB of data: a preview of it, then the whole value a step at a time, never whole in the page', async () => {
    const page = await openJob(LARGE_JOBS.data);
    const data = section(page, 'Data');
    assert.match(await data.locator('[part="notice"]').innerText(), /Too large to send whole \(5(?:\.\d)? MB\)\. Showing its first 16,384 characters\./);
    await withinFirstView(page);
    // The job's flow is read beside it (its own small answer, whenever its code has arrived); its values are not.
    const detail = server.calls.filter((call) => call.startsWith(`queues/${LARGE_QUEUE}/jobs/${LARGE_JOBS.data}`) && !call.endsWith('/flow'));
    assert.deepEqual(detail, [`queues/${LARGE_QUEUE}/jobs/${LARGE_JOBS.data}`], 'the detail alone is asked for at first');

    await data.getByRole('button', { name: /^Load the whole value \(5(?:\.\d)? MB\)$/ }).click();
    const bar = data.locator('.bar .grow');
    await bar.filter({ hasText: /showing 20,0\d\d of [\d,]+ characters/ }).waitFor();
    assert.ok(server.calls.includes(`queues/${LARGE_QUEUE}/jobs/${LARGE_JOBS.data}/data`));
    await withinFirstView(page);
    const total = Number((/of ([\d,]+) characters/.exec(await bar.innerText()) ?? [])[1]?.replaceAll(',', ''));
    assert.ok(total > 4_000_000, `${total} characters in all`);
    assert.equal(await data.getByRole('button', { name: 'Show all' }).count(), 0, 'no "Show all" for millions of characters');
    await data.getByRole('button', { name: /^Show more \([\d,]+ more lines\)$/ }).click();
    await bar.filter({ hasText: /showing 40,0\d\d of/ }).waitFor();
    assert.equal(await pageContains(page, LARGE_SECRET), false);
    await page.close();
  });

  it('a 10,000-line stack: the headline and first lines at once, all of it on request', async () => {
    const page = await openJob(LARGE_JOBS.stack);
    const error = section(page, 'Error');
    assert.equal(await error.locator('[part="headline"]').innerText(), 'RangeError: Maximum call stack size exceeded');
    const lines = async () => (await error.locator('[part="stack"]').innerText()).split('\n').length;
    assert.equal(await lines(), 60);
    assert.match(await deepText(error), /The stack has 10,001 lines \([\d.]+ kB with the error\); only its first were sent\./);
    await withinFirstView(page);

    await error.getByRole('button', { name: /^Show all [\d,]+ lines$/ }).click();
    const cutLines = await lines();
    assert.ok(cutLines > 60 && cutLines < 10_000, `${cutLines} lines sent at first`);
    await error.getByRole('button', { name: 'Load the whole stack' }).click();
    // "Show all" was asked for already: the whole stack comes in whole.
    await error.getByText(/only its first were sent/).waitFor({ state: 'detached' });
    assert.equal(await lines(), 10_000);
    assert.ok(server.calls.includes(`queues/${LARGE_QUEUE}/jobs/${LARGE_JOBS.stack}/error`));
    // Runs of application and library frames, not a node per line.
    assert.ok(await error.locator('[part="stack"] span').count() < 1_500);
    assert.match(await deepText(error.locator('ops-jobs-json-viewer')), /"apiKey" : "\[redacted\]"/);
    assert.equal(await pageContains(page, LARGE_SECRET), false);
    await page.close();
  });

  it('1,000 log lines: the first 20,000 characters, then "Show all" brings every line', async () => {
    const page = await openJob(LARGE_JOBS.log);
    const output = section(page, 'Output');
    const code = output.locator('[part="code"]');
    const shownLines = async () => (await code.innerText()).split('\n').filter((line) => line.includes('info imported batch')).length;
    const first = await shownLines();
    assert.ok(first > 100 && first < 1_000, `${first} log lines at first`);
    await withinFirstView(page);
    await output.getByRole('button', { name: 'Show all' }).click();
    assert.equal(await shownLines(), 1_000);
    assert.equal(await output.getByRole('button', { name: /^Show more/ }).count(), 0);
    await page.close();
  });

  it('folds a section away and takes its value out of the page', async () => {
    const page = await openJob(LARGE_JOBS.log);
    const output = section(page, 'Output');
    const before = await pageWeight(page);
    await output.locator('summary').click();
    await output.locator('ops-jobs-json-viewer').waitFor({ state: 'detached' });
    assert.ok((await pageWeight(page)).chars < before.chars - 15_000);
    await output.locator('summary').press('Enter');
    await output.locator('ops-jobs-json-viewer [part="code"]').waitFor();
    await page.close();
  });
});
