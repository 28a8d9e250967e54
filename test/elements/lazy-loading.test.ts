// What the console loads when: the first screen without the code of the action dialog or the
// audit views; each of those fetched when first needed (or, for the dialog, once a view offers
// actions); a lazy view placed alone in a host page; and a lost chunk recovered with "Try again".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { actionApi } from './support/action-fixtures.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { openConsole, settled } from './support/console-page.ts';
import { failedJobDetail, SESSION } from './support/fixtures.ts';
import { startServer, type TestServer } from './support/server.ts';

const now = Date.now();
let browser: Browser;
let server: TestServer;

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: actionApi(now).api });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` and records the script files the page fetches. */
async function open(path: string, session?: SessionResponse): Promise<{ page: Page; scripts: string[]; errors: string[] }> {
  server.api = actionApi(now, session).api;
  const scripts: string[] = [];
  const { page, errors } = await openConsole(browser, server.url(path), {
    beforeLoad: (page) => page.on('request', (request) => {
      const name = request.url().split('/assets/')[1];
      if (name?.endsWith('.js')) scripts.push(name);
    }),
  });
  await page.waitForTimeout(100);
  return { page, scripts, errors };
}

const loaded = (scripts: string[], name: string) => scripts.some((script) => script.startsWith(`${name}-`));

describe('lazy loading', () => {
  it('keeps the dialog and the audit views out of the first screen', async () => {
    const { page, scripts, errors } = await open('queues/email-send?state=failed', SESSION);
    assert.ok(scripts.includes('console.js'));
    for (const name of ['action-dialog', 'audit-log', 'audit-record', 'payload-views']) assert.equal(loaded(scripts, name), false, `${name} loaded: ${scripts.join(', ')}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('fetches the dialog once a view offers actions, and the audit log when it is opened', async () => {
    const { page, scripts } = await open('queues/email-send?state=failed');
    await page.waitForFunction(() => customElements.get('ops-jobs-action-dialog') !== undefined);
    assert.equal(loaded(scripts, 'action-dialog'), true);
    assert.equal(loaded(scripts, 'audit-log'), false);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    assert.equal(loaded(scripts, 'audit-log'), true);
    assert.equal(loaded(scripts, 'audit-record'), false);
    await page.context().close();
  });

  it('defines a lazy view placed alone in a host page', async () => {
    server.api = actionApi(now).api;
    const { page, errors } = await openPage(browser);
    await page.goto(server.fixture('audit-alone', '<main><ops-jobs-audit-log root="../" query="queue=invoice-sync"></ops-jobs-audit-log></main>'));
    await page.locator('ops-jobs-audit-log tbody tr').first().waitFor();
    assert.ok(server.calls.includes('audit?queue=invoice-sync&limit=50'), server.calls.join('\n'));
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('says when a view could not be loaded, and loads it on "Try again"', async () => {
    server.api = actionApi(now).api;
    const { page } = await openPage(browser);
    await page.route('**/assets/audit-log-*', (route) => route.abort());
    await page.goto(server.url('audit'));
    await page.getByRole('heading', { name: 'Cannot reach the server' }).waitFor();
    await page.unroute('**/assets/audit-log-*');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.context().close();
  });

  it("fetches the views of a job's values with the job, and says when they could not be loaded", async () => {
    server.api = actionApi(now).api;
    const { page } = await openPage(browser);
    await page.route('**/assets/payload-views-*', (route) => route.abort());
    await page.goto(server.url(`queues/email-send/jobs/${failedJobDetail(now).id}`));
    const alert = page.getByRole('alert').filter({ hasText: "The job's values could not be shown" });
    await alert.waitFor();
    assert.equal(await page.locator('ops-jobs-json-viewer [part="code"]').count(), 0);
    await page.unroute('**/assets/payload-views-*');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('section', { has: page.getByRole('heading', { name: 'Data' }) }).locator('[part="code"]').waitFor();
    await alert.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('says when the dialog could not be loaded, and opens it on the next click', async () => {
    server.api = actionApi(now).api;
    const { page } = await openPage(browser);
    await page.route('**/assets/action-dialog-*', (route) => route.abort());
    await page.goto(server.url(`queues/email-send/jobs/${failedJobDetail(now).id}`));
    await settled(page);
    const retry = page.getByRole('group', { name: 'Actions on this job' }).getByRole('button', { name: 'Retry' });
    await retry.click();
    await page.getByRole('alert').filter({ hasText: 'The action could not be opened' }).waitFor();
    await page.unroute('**/assets/action-dialog-*');
    await retry.click();
    await page.getByRole('dialog', { name: /^Retry job / }).getByRole('button', { name: 'Continue' }).waitFor();
    assert.equal(await page.getByText('The action could not be opened').count(), 0);
    await page.context().close();
  });
});
