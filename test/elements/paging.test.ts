// Paging through a queue's jobs: "Load more" appends the next page by cursor and keeps the rows
// already shown; a failed page keeps them too; a slow answer for an old filter never wins.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage } from './support/browser.ts';
import { openConsole, settled } from './support/console-page.ts';
import { fixtureApi, jobsOf } from './support/fixtures.ts';
import { startServer, type TestServer } from './support/server.ts';

const now = Date.now();
const fixtures = fixtureApi(now);
let browser: Browser;
let server: TestServer;

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: fixtures });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const ids = (page: import('playwright-core').Page) => page.locator('td.id a').evaluateAll((links) => links.map((a) => a.getAttribute('title')));

describe('job list paging', () => {
  it('appends each next page and keeps the earlier ones', async () => {
    const { page, errors } = await openPage(browser);
    const expected = jobsOf('email-send', 'failed', now).map((job) => job.id);
    await page.goto(server.url('queues/email-send?state=failed'));
    await settled(page);
    assert.deepEqual(await ids(page), expected.slice(0, 50));

    await page.getByRole('button', { name: 'Load 50 more' }).click();
    await page.locator('tbody tr').nth(99).waitFor();
    assert.deepEqual(await ids(page), expected.slice(0, 100));
    assert.ok(server.calls.includes('queues/email-send/jobs?state=failed&limit=50&cursor=50'), server.calls.join('\n'));
    assert.equal(await page.getByRole('status').filter({ hasText: 'Loaded 50 more jobs' }).count(), 1);

    await page.getByRole('button', { name: 'Load 50 more' }).click();
    await page.locator('tbody tr').nth(126).waitFor();
    assert.deepEqual(await ids(page), expected);
    assert.equal(await page.getByRole('button', { name: 'Load 50 more' }).count(), 0);
    assert.match(await page.locator('.footer').innerText(), /Showing 127 of 127 jobs\s+End of list/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('keeps the rows when the next page fails, and can try it again', async () => {
    const { page } = await openConsole(browser, server.url('queues/email-send?state=failed'));
    server.api = (path, url) => (path.includes('cursor=') ? 'network-error' : fixtures(path, url));
    await page.getByRole('button', { name: 'Load 50 more' }).click();
    await page.getByText('Could not load more jobs.').waitFor();
    assert.equal(await page.locator('tbody tr').count(), 50);
    server.api = fixtures;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('tbody tr').nth(99).waitFor();
    await page.context().close();
  });

  it('starts over when the state changes, ignoring a slow answer for the old state', async () => {
    const { page } = await openConsole(browser, server.url('queues/email-send'));
    server.api = (path, url) => {
      const answer = fixtures(path, url);
      return path.includes('state=failed') && typeof answer === 'object' && answer !== null && 'body' in answer ? { ...answer, delayMs: 700 } : answer;
    };
    await page.locator('.states').getByRole('link', { name: /^Failed/ }).click();
    await page.locator('.states').getByRole('link', { name: /^Cancelled/ }).click();
    await page.waitForURL(server.url('queues/email-send?state=cancelled'));
    await settled(page);
    await page.waitForTimeout(900);
    const shown = await page.locator('ops-jobs-state-badge [part="badge"]').allInnerTexts();
    assert.deepEqual(shown, ['Cancelled', 'Cancelled']);
    server.api = fixtures;
    await page.context().close();
  });
});
