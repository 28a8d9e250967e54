// Routing in <ops-jobs-console>: deep links, links followed without a page load, back and
// forward, and a mount under a path prefix added by a proxy.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { heading, openConsole, settled } from './support/console-page.ts';
import { failedJobDetail, fixtureApi } from './support/fixtures.ts';
import { startServer, type TestServer } from './support/server.ts';

const now = Date.now();
let browser: Browser;
let server: TestServer;
let prefixed: TestServer;

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: fixtureApi(now) });
  prefixed = await startServer({ mount: '/prefix/ops/jobs/', api: fixtureApi(now) });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await prefixed?.close();
});

describe('console routing', () => {
  it('opens each deep link on its view', async () => {
    const { page, errors } = await openConsole(browser, server.url());
    assert.equal(await heading(page), 'Queues');

    await page.goto(server.url('queues/email-send?state=failed'));
    await settled(page);
    assert.equal(await heading(page), 'email-send');
    assert.equal(await page.locator('.states a[aria-current="page"]').innerText().then((t) => t.split('\n')[0]?.trim()), 'Failed');

    const job = failedJobDetail(now);
    await page.goto(server.url(`queues/email-send/jobs/${job.id}`));
    await settled(page);
    assert.equal(await heading(page), `Job ${job.id.slice(0, 8)}`);
    assert.equal(await page.title(), `Job ${job.id.slice(0, 8)} · email-send · Jobs`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('follows links without reloading, and goes back and forward', async () => {
    const { page, errors } = await openConsole(browser, server.url());
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    await page.getByRole('link', { name: 'email-send', exact: true }).click();
    await page.waitForURL(server.url('queues/email-send'));
    await settled(page);
    assert.equal(await heading(page), 'email-send');

    await page.locator('.states').getByRole('link', { name: /^Failed/ }).click();
    await page.waitForURL(server.url('queues/email-send?state=failed'));
    await settled(page);
    assert.ok(server.calls.includes('queues/email-send/jobs?state=failed&limit=50'), server.calls.join('\n'));

    const job = failedJobDetail(now);
    await page.getByRole('link', { name: `Job ${job.id}` }).click();
    await page.waitForURL(server.url(`queues/email-send/jobs/${job.id}`));
    await settled(page);
    assert.equal(await heading(page), `Job ${job.id.slice(0, 8)}`);
    // Focus moves to the new view's heading, so screen readers announce where the operator is.
    assert.equal(await page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.localName;
    }), 'h1');

    await page.goBack();
    await page.waitForURL(server.url('queues/email-send?state=failed'));
    await settled(page);
    assert.equal(await page.locator('.states a[aria-current="page"]').innerText().then((t) => t.split('\n')[0]?.trim()), 'Failed');

    await page.goBack();
    await page.goBack();
    await page.waitForURL(server.url());
    await settled(page);
    assert.equal(await heading(page), 'Queues');

    await page.goForward();
    await page.waitForURL(server.url('queues/email-send'));
    await settled(page);
    assert.equal(await heading(page), 'email-send');
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: string }).marker), 'same page');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('works under a prefix, with queue names that need encoding', async () => {
    const { page, errors } = await openConsole(browser, prefixed.url('queues/reports%2Fdaily'));
    assert.equal(await heading(page), 'reports/daily');
    assert.ok(prefixed.calls.includes('queues/reports%2Fdaily/jobs?limit=50'), prefixed.calls.join('\n'));

    const links = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links) assert.ok(href.startsWith(prefixed.url()), `${href} is outside the mount`);

    await page.locator('.crumbs').getByRole('link', { name: 'Queues' }).click();
    await page.waitForURL(prefixed.url());
    await settled(page);
    assert.equal(await heading(page), 'Queues');
    assert.equal(await page.getByRole('link', { name: 'reports/daily', exact: true }).getAttribute('href'), prefixed.url('queues/reports%2Fdaily'));
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('lets the host page take over a navigation', async () => {
    const { page } = await openConsole(browser, server.url());
    await page.evaluate(() => {
      document.querySelector('ops-jobs-console')!.addEventListener('ops-jobs-navigate', (event) => {
        (window as unknown as { wanted: string }).wanted = (event as Event & { url: URL }).url.href;
        event.preventDefault();
      });
    });
    await page.getByRole('link', { name: 'image-resize', exact: true }).click();
    assert.equal(await page.evaluate(() => (window as unknown as { wanted: string }).wanted), server.url('queues/image-resize'));
    assert.equal(page.url(), server.url());
    await page.context().close();
  });

  it('says so for an address the console does not know', async () => {
    const { page } = await openConsole(browser, server.url('queues/a/b/c/d'));
    await page.getByRole('heading', { name: 'No such page' }).waitFor();
    await page.getByRole('link', { name: 'Go to the queues' }).click();
    await page.waitForURL(server.url());
    await page.context().close();
  });
});
