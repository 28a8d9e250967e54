// Error states: signed out (401), not allowed (403), no such queue or job (404), an unreachable
// server and server errors, each worded for an operator, with "Try again" where it can help.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage } from './support/browser.ts';
import { deepText, settled } from './support/console-page.ts';
import { fixtureApi, problem } from './support/fixtures.ts';
import { startServer, type ApiHandler, type TestServer } from './support/server.ts';

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

/** The fixture API, except where `override` answers. */
function apiWith(override: (path: string) => ReturnType<ApiHandler> | undefined): ApiHandler {
  return (path, url) => override(path) ?? fixtures(path, url);
}

async function problemText(page: import('playwright-core').Page): Promise<string> {
  return deepText(page.locator('ops-jobs-problem'));
}

describe('error states', () => {
  it('401: says the operator is signed out, and recovers after signing in', async () => {
    const { page } = await openPage(browser);
    server.api = apiWith((path) => (path === 'session' ? problem(401, 'Sign in required', 'No operator is signed in for this request.') : undefined));
    await page.goto(server.url());
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    assert.match(await problemText(page), /Sign in to the application again/);
    assert.match(await problemText(page), /HTTP 401/);
    server.api = fixtures;
    await page.getByRole('button', { name: 'Try again' }).click();
    await settled(page);
    await page.getByRole('heading', { name: 'Queues', level: 1 }).waitFor();
    await page.context().close();
  });

  it('401 in the middle of a session shows in the view', async () => {
    const { page } = await openPage(browser);
    server.api = apiWith((path) => (path.startsWith('queues/email-send/jobs') ? problem(401, 'Sign in required', '') : undefined));
    await page.goto(server.url('queues/email-send'));
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    await page.getByRole('heading', { name: 'email-send', level: 1 }).waitFor();
    server.api = fixtures;
    await page.context().close();
  });

  it('403: says the operator is not allowed, with the host\'s reason', async () => {
    const { page } = await openPage(browser);
    server.api = apiWith((path) => (path.startsWith('queues/invoice-sync/jobs') ? problem(403, 'Not allowed', 'Billing queues are restricted to the finance team.') : undefined));
    await page.goto(server.url('queues/invoice-sync?state=failed'));
    await page.getByRole('heading', { name: 'You are not allowed to see this' }).waitFor();
    assert.match(await problemText(page), /Billing queues are restricted to the finance team\. Ask an administrator/);
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);
    server.api = fixtures;
    await page.context().close();
  });

  it('404: no such queue, no such job', async () => {
    const { page } = await openPage(browser);
    await page.goto(server.url('queues/nope'));
    await page.getByRole('heading', { name: 'No such queue' }).waitFor();
    assert.match(await problemText(page), /There is no queue named nope\./);
    await page.getByRole('link', { name: 'All queues' }).waitFor();

    await page.goto(server.url('queues/email-send/jobs/not-a-job'));
    await page.getByRole('heading', { name: 'No such job' }).waitFor();
    await page.getByRole('link', { name: 'Jobs in email-send' }).click();
    await page.waitForURL(server.url('queues/email-send'));
    await settled(page);
    await page.context().close();
  });

  it('an unreachable server gets a retry button that works', async () => {
    const { page } = await openPage(browser);
    server.api = apiWith((path) => (path === 'queues' ? 'network-error' : undefined));
    await page.goto(server.url());
    await page.getByRole('heading', { name: 'Cannot reach the server' }).waitFor();
    server.api = fixtures;
    await page.getByRole('button', { name: 'Try again' }).click();
    await settled(page);
    assert.equal(await page.locator('tbody tr').count(), 6);
    assert.equal(await page.locator('ops-jobs-problem').count(), 0);
    await page.context().close();
  });

  it('a server error shows its title and detail', async () => {
    const { page } = await openPage(browser);
    server.api = apiWith((path) => (path.includes('/jobs/') ? problem(500, 'Engine unavailable', 'The job database did not answer in time.') : undefined));
    await page.goto(server.url('queues/email-send/jobs/abc'));
    await page.getByRole('heading', { name: 'Engine unavailable' }).waitFor();
    assert.match(await problemText(page), /The job database did not answer in time\./);
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    server.api = fixtures;
    await page.context().close();
  });
});
