// The embedding examples (examples/embedding) in Chromium: the console inside a plain HTML page, a
// React 19 page and a page under a strict Content-Security-Policy, each on a real Express host over
// pg-boss on PGlite. In each, the console finds a failed job by following its own links, the URLs
// stay under the host page's path and reload to the same view, the live stream connects, and the
// page reports no error and no policy violation.
// Needs `npm run build` first (the examples import the package's built entry points).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startEmbeddingExample, STRICT_CSP, type RunningExample } from '../../examples/embedding/server.ts';
import { launchChromium, openPage } from '../elements/support/browser.ts';
import { settled } from '../elements/support/console-page.ts';

let example: RunningExample;
let browser: Browser;

before(async () => {
  [example, browser] = await Promise.all([startEmbeddingExample(0), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await example?.close();
});

/** Opens a host page, recording errors and Content-Security-Policy violations from its first script on. */
async function openHostPage(path: string): Promise<{ page: Page; errors: string[]; violations: () => Promise<string[]> }> {
  const { page, errors } = await openPage(browser);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${example.url}${path}`);
  await settled(page);
  return { page, errors, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
}

const PAGES = [
  { name: 'a plain HTML page', base: '/plain/jobs/', hostStatus: true },
  { name: 'a React 19 page', base: '/react/jobs/', hostStatus: true },
  { name: 'a page under a strict Content-Security-Policy', base: '/strict/jobs/', hostStatus: false },
] as const;

describe('the console embedded in a page of the host', () => {
  for (const { name, base, hostStatus } of PAGES) {
    it(`works in ${name}: links stay under the page, reload to the same view, and go live`, async () => {
      const { page, errors, violations } = await openHostPage(base);
      assert.ok(await page.locator('nav.host-bar').isVisible(), "the host's own bar is on the page");
      if (hostStatus) assert.equal(await page.locator('nav.host-bar [role="status"]').innerText(), 'Viewing: overview');

      await page.getByRole('link', { name: 'payments' }).first().click();
      await page.waitForURL(`${example.url}${base}queues/payments`);
      await settled(page);
      if (hostStatus) assert.equal(await page.locator('nav.host-bar [role="status"]').innerText(), 'Viewing: queue');

      await page.getByRole('tab', { name: /Failed/ }).or(page.getByRole('link', { name: /^Failed/ })).first().click();
      await page.waitForURL(/state=failed/);
      await settled(page);
      const jobLink = page.locator('ops-jobs-job-list a[href*="/queues/payments/jobs/"]').first();
      const href = await jobLink.getAttribute('href');
      assert.ok(href?.startsWith(`${base}queues/payments/jobs/`) || href?.startsWith(`${example.url}${base}queues/payments/jobs/`), `a job's link stays under the page: ${href}`);
      await jobLink.click();
      await page.waitForURL(new RegExp(`${base}queues/payments/jobs/`));
      await settled(page);
      const shownError = page.locator('ops-jobs-job-detail').getByText('card was declined').first();
      await shownError.waitFor();

      await page.reload();
      await settled(page);
      await page.locator('ops-jobs-job-detail').getByText('card was declined').first().waitFor();
      await page.locator('ops-jobs-console').getByText('Live', { exact: true }).first().waitFor();

      assert.deepEqual(await violations(), [], 'no Content-Security-Policy violation');
      assert.deepEqual(errors, [], 'no page or console error');
      await page.context().close();
    });
  }

  it('serves the strict page under a policy with no unsafe-inline', async () => {
    const response = await fetch(`${example.url}/strict/jobs/`);
    assert.equal(response.headers.get('content-security-policy'), STRICT_CSP);
    assert.doesNotMatch(STRICT_CSP, /unsafe/);
  });

  it('loads the console by a stable name that leads to the content-hashed bundle and is revalidated', async () => {
    const loader = await fetch(`${example.url}/ops/jobs/assets/ops-jobs-console.js`);
    assert.equal(loader.status, 200);
    assert.equal(loader.headers.get('cache-control'), 'private, no-cache');
    const source = await loader.text();
    const entry = /^export \* from '\.\/(ops-jobs-console-[a-z0-9]+\.js)';\n$/.exec(source)?.[1];
    assert.ok(entry, `the loader re-exports the hashed entry: ${source}`);
    assert.equal(loader.headers.get('etag'), `"${entry}"`);

    const again = await fetch(`${example.url}/ops/jobs/assets/ops-jobs-console.js`, { headers: { 'if-none-match': `"${entry}"` } });
    assert.equal(again.status, 304);
    const stale = await fetch(`${example.url}/ops/jobs/assets/ops-jobs-console.js`, { headers: { 'if-none-match': '"ops-jobs-console-old.js"' } });
    assert.equal(stale.status, 200);
    await stale.arrayBuffer();

    const bundle = await fetch(`${example.url}/ops/jobs/assets/${entry}`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('cache-control') ?? '', /immutable/);
    await bundle.arrayBuffer();
  });
});
