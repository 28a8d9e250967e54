// The console in Chromium, through Debian's nginx in front of the quiet demo (heartbeat 2 s):
// with nginx's defaults (proxy buffering on) it is Live and a new job's count appears in place;
// with a read timeout shorter than the heartbeat it says so (Reconnecting, then Polling) and still
// shows the change; after signing out in another tab it says Signed out and stops asking.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium, openPage } from '../elements/support/browser.ts';
import { liveText, recordLiveStates, untilLive } from '../elements/support/live-page.ts';
import { startDemo } from './support/demo-process.ts';
import type { Edge } from './support/edge-client.ts';
import { startNginx, type NginxOptions } from './support/nginx.ts';
import { startProxies, type Proxied } from './support/proxied-demo.ts';
import { requireExecutable } from './support/proxy-process.ts';
import { QUIET_DEMO_ENV, SHORT_READ_TIMEOUT_SECONDS } from './support/scenarios.ts';

type Variant = 'defaults' | 'short';

const demo = startDemo(QUIET_DEMO_ENV);
const nginx: Promise<Proxied<Variant>> = demo.then((running) => startProxies(running, () => requireExecutable('nginx', 'nginx'),
  (upstream, options: Omit<NginxOptions, 'upstream'>) => startNginx({ upstream, ...options }), {
    defaults: {},
    short: { location: [`proxy_read_timeout ${SHORT_READ_TIMEOUT_SECONDS}s;`] },
  }));
const browser = launchChromium();
for (const setup of [demo, nginx, browser]) setup.catch(() => {});

after(async () => {
  await (await browser.catch(() => null))?.close();
  await (await nginx.catch(() => null))?.stop();
  await (await demo.catch(() => null))?.stop();
});

// No workers run in the quiet demo: a job sent here stays queued, so the total only grows.
const QUEUE = 'email.send';

/** A signed-in operator's console through `edge`, its overview loaded. */
async function openConsole(edge: Edge): Promise<{ page: Page; states: () => Promise<string[]> }> {
  const { page } = await openPage(await browser);
  const signIn = await page.context().request.post(`${edge.base}/login`, { form: { user: 'operator' }, maxRedirects: 0 });
  assert.equal(signIn.status(), 303, 'signed in through nginx');
  const states = await recordLiveStates(page);
  await page.goto(`${edge.base}${edge.mount}/`);
  await totalCell(page).waitFor();
  await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
  return { page, states };
}

function totalCell(page: Page) {
  return page.locator('ops-jobs-queue-list tbody tr').filter({ has: page.getByRole('link', { name: QUEUE, exact: true }) }).locator('td.total');
}

async function total(page: Page): Promise<number> {
  return Number((await totalCell(page).innerText()).replace(/\D/g, ''));
}

/** Sends a job with the demo's `POST /demo/jobs`, as the signed-in operator, through nginx. */
async function sendJob(page: Page, edge: Edge): Promise<void> {
  const response = await page.context().request.post(`${edge.base}/demo/jobs`, { data: { queue: QUEUE, data: { note: 'sent from the console test' } } });
  assert.equal(response.status(), 201, await response.text());
}

async function untilTotal(page: Page, expected: number, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    ({ queue, expected }) => {
      const rows = document.querySelector('ops-jobs-console')?.shadowRoot?.querySelector('ops-jobs-queue-list')?.shadowRoot?.querySelectorAll('tbody tr') ?? [];
      const row = [...rows].find((tr) => tr.querySelector('.queue-name')?.textContent?.trim() === queue);
      return Number(row?.querySelector('td.total')?.textContent?.replace(/\D/g, '')) === expected;
    },
    { queue: QUEUE, expected },
    { timeout: timeoutMs },
  );
}

const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce === true);

describe('the console through nginx', { timeout: 90_000 }, () => {
  test("with nginx's defaults (proxy buffering on) it is Live, and a new job's count appears in place", async () => {
    const edge = (await nginx).edges.defaults;
    const { page, states } = await openConsole(edge);
    try {
      await untilLive(page, 'live');
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      const before = await total(page);
      await sendJob(page, edge);
      await untilTotal(page, before + 1, 5_000);
      assert.equal(await notReloaded(page), true, 'the page was not reloaded');
      assert.deepEqual(requests.filter((path) => path.includes('/api/')), [], 'the count came over the stream, not from a reload');
      assert.equal(await liveText(page), 'Updates: Live');
      assert.deepEqual(await states(), ['live']);
    } finally {
      await page.context().close();
    }
  });

  test(`with a read timeout (${SHORT_READ_TIMEOUT_SECONDS} s) shorter than the heartbeat it says the stream is cut, polls, and still shows the change`, async () => {
    const edge = (await nginx).edges.short;
    const { page, states } = await openConsole(edge);
    try {
      await untilLive(page, 'live');
      await untilLive(page, 'reconnecting', 5_000);
      // Streams that never get past their greeting count as stalled after 2.5 heartbeats.
      await untilLive(page, 'polling', 10_000);
      assert.equal(await liveText(page), 'Updates: Polling every 3 sec');
      const before = await total(page);
      await sendJob(page, edge);
      await untilTotal(page, before + 1, 8_000);
      assert.equal(await notReloaded(page), true);
      // The change itself may arrive over a stream in the second before nginx cuts it, which
      // makes the console Live until the next cut: also the truth.
      const seen = await states();
      assert.equal(seen[0], 'live');
      assert.ok(seen.includes('reconnecting') && seen.includes('polling'), seen.join(' → '));
      assert.ok(!seen.includes('stale'), 'polling through nginx works, so nothing is stale');
    } finally {
      await page.context().close();
    }
  });

  test('after signing out in another tab it says Signed out and stops reconnecting', async () => {
    const edge = (await nginx).edges.short;
    const { page, states } = await openConsole(edge);
    try {
      await untilLive(page, 'live');
      const other = await page.context().newPage();
      await other.goto(`${edge.base}${edge.mount}/`);
      const status = await other.evaluate(async (url) => (await fetch(url, { method: 'POST', redirect: 'manual' })).type, `${edge.base}/logout`);
      assert.equal(status, 'opaqueredirect', 'the sign-out answered with its redirect');
      await other.close();

      await untilLive(page, 'signed-out', 15_000);
      assert.equal(await liveText(page), 'Updates: Signed out');
      const asked: string[] = [];
      page.on('request', (request) => asked.push(request.url()));
      await page.waitForTimeout(5_000);
      assert.deepEqual(asked, [], 'nothing is asked of the server after signing out');
      assert.equal((await states()).at(-1), 'signed-out');
    } finally {
      await page.context().close();
    }
  });
});
