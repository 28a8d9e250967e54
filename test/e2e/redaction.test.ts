// Secrets planted in job data, output and errors must reach neither an API response nor the
// console's DOM (shadow roots included) in Chromium: the real server, the real bundle, real pg-boss.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createOpsJobs, hideKeysMatching } from '../../core/index.ts';
import { fromPgBoss } from '../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../adapters/postgres/index.ts';
import { startHost, type RunningHost } from '../node/support/http-hosts.ts';
import { PLANTED_SECRET, startSeededPgBoss, type SeededStack } from '../node/support/pg-boss-stack.ts';
import { launchChromium, openPage } from '../elements/support/browser.ts';
import { settled } from '../elements/support/console-page.ts';

let stack: SeededStack;
let host: RunningHost;
let browser: Browser;
let bulkyJob: string;

before(async () => {
  stack = await startSeededPgBoss();
  // More places for a secret to hide: deep in arrays, in an error's extra fields, in a result.
  await stack.boss.createQueue('vault', { retryLimit: 0 });
  await stack.boss.send('vault', { users: [{ name: 'ann', password: PLANTED_SECRET }], nested: { deeper: [[{ ssn: PLANTED_SECRET }]] } });
  const [job] = await stack.boss.fetch('vault', { batchSize: 1 });
  await stack.boss.fail('vault', job!.id, { name: 'VaultError', message: 'sealed', details: { secretKey: PLANTED_SECRET } });
  // Too large to send whole: 4 MB of data and an error with a 10,000-line stack, secrets throughout,
  // the first one where the preview and the cut stack begin.
  await stack.boss.createQueue('bulky', { retryLimit: 0 });
  await stack.boss.send('bulky', { password: PLANTED_SECRET, rows: Array.from({ length: 30_000 }, (_, index) => ({ index, text: 'x'.repeat(100), token: PLANTED_SECRET })) });
  const [bulky] = await stack.boss.fetch('bulky', { batchSize: 1 });
  const frames = Array.from({ length: 10_000 }, (_, index) => `    at step${index} (/srv/app/src/import.ts:${index}:1)`);
  await stack.boss.fail('bulky', bulky!.id, { name: 'ImportError', message: 'too deep', stack: ['ImportError: too deep', ...frames].join('\n'), details: { secretKey: PLANTED_SECRET } });
  bulkyJob = bulky!.id;
  const opsJobs = createOpsJobs({
    engine: fromPgBoss(stack.boss),
    store: createPostgresStore({ pglite: stack.pglite }),
    auth: {
      currentActor: (req) => ((req as { get(name: string): string | undefined }).get('x-test-user') ? { id: 'vera' } : null),
      authorize: (_actor, action) => action.endsWith('.view'),
      auditPrincipal: () => ({ id: 'vera', type: 'user', label: 'Vera' }),
    },
    displayPolicy: hideKeysMatching(/pass|secret|token|card|ssn|key/i),
  });
  host = await startHost('express', opsJobs as never);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await stack?.stop();
});

/** Everything the page holds: light DOM, every shadow root, attributes and form values. */
function pageContent(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      parts.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) walk(element.shadowRoot);
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) parts.push(element.value);
      }
    };
    walk(document);
    return parts.join('\n');
  });
}

describe('planted secrets in Chromium', () => {
  test('appear in no API response and nowhere in the rendered console', async () => {
    const { page } = await openPage(browser);
    await page.context().setExtraHTTPHeaders({ 'x-test-user': 'vera' });
    const bodies: Promise<string>[] = [];
    const wholeFetches: string[] = [];
    page.on('request', (request) => {
      // A value fetched whole; the job's flow, read beside it, holds none of its values.
      const part = new RegExp(`/api/queues/bulky/jobs/${bulkyJob}/(data|output|error|options)$`).exec(request.url())?.[1];
      if (part) wholeFetches.push(part);
    });
    page.on('response', (response) => {
      // The live stream never ends, so its body cannot be read whole here; what it carries is
      // checked against the display policy in test/node/live/live-stream.test.ts.
      if (response.url().includes('/api/') && !response.url().endsWith('/api/events')) bodies.push(response.text().catch(() => ''));
    });
    const vaultJob = (await (await fetch(`${host.url}/ops/jobs/api/queues/vault/jobs`, { headers: { 'x-test-user': 'vera' } })).json()).jobs[0].id;
    const pages = [
      '/ops/jobs/',
      '/ops/jobs/queues/payments',
      '/ops/jobs/queues/payments?state=failed',
      ...stack.ids.failed.map((id) => `/ops/jobs/queues/payments/jobs/${id}`),
      ...stack.ids.completed.map((id) => `/ops/jobs/queues/payments/jobs/${id}`),
      `/ops/jobs/queues/vault/jobs/${vaultJob}`,
      `/ops/jobs/queues/bulky/jobs/${bulkyJob}`,
    ];
    for (const path of pages) {
      await page.goto(host.url + path);
      await settled(page);
      // Open every closed disclosure so folded sections render too (an open one would fold away).
      for (const summary of await page.locator('details:not([open]) > summary, button[aria-expanded="false"]').all()) await summary.click().catch(() => {});
      // Fetch every value sent in part whole, as an operator would.
      for (let loads = page.getByRole('button', { name: /^Load the whole/ }); (await loads.count()) > 0;) {
        const load = loads.first();
        const name = (await load.innerText()).trim();
        await load.click();
        await page.getByRole('button', { name, exact: true }).waitFor({ state: 'detached' });
      }
      const content = await pageContent(page);
      assert.ok(content.length > 500, `${path} rendered`);
      assert.ok(!content.includes(PLANTED_SECRET), `the secret is in the DOM of ${path}`);
    }
    const detail = await pageContent(page);
    assert.match(detail, /\[redacted\]/, 'redacted values are shown as such');
    assert.match(detail, /ImportError/, 'the large error is shown');
    assert.deepEqual(wholeFetches.sort(), ['data', 'error'], 'the large data and the large error were each fetched whole');
    for (const part of ['data', 'output', 'error', 'options']) {
      const response = await fetch(`${host.url}/ops/jobs/api/queues/bulky/jobs/${bulkyJob}/${part}`, { headers: { 'x-test-user': 'vera' } });
      assert.equal(response.status, 200, part);
      assert.ok(!(await response.text()).includes(PLANTED_SECRET), `the secret is in the whole ${part}`);
    }
    const responses = await Promise.all(bodies);
    assert.ok(responses.length >= pages.length, 'API responses were captured');
    for (const body of responses) assert.ok(!body.includes(PLANTED_SECRET), 'the secret is in an API response');
  });
});
