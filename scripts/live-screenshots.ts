// Screenshots of the console's live indicator in each state, against the element test fixtures
// with a live endpoint driven from here, at desktop and phone widths, light and dark.
// Usage: node scripts/live-screenshots.ts [outDir=/tmp/shots/live]
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { actionApi } from '../test/elements/support/action-fixtures.ts';
import { launchChromium, openPage } from '../test/elements/support/browser.ts';
import { problem } from '../test/elements/support/fixtures.ts';
import type { LiveHandler } from '../test/elements/support/live-endpoint.ts';
import { untilLive } from '../test/elements/support/live-page.ts';
import { startServer, type TestServer } from '../test/elements/support/server.ts';
import type { LiveState } from '../elements/live/live-state.ts';

const out = process.argv[2] ?? '/tmp/shots/live';
await mkdir(out, { recursive: true });
const now = Date.now();
const api = actionApi(now).api;
const server = await startServer({ api });
const browser = await launchChromium();
const silent: LiveHandler = (client) => void client.accept().ready({ heartbeatSeconds: 1, pollIntervalMs: 5000 });

/** How to bring the console into each state, once the page is open. */
const scenes: Array<{ state: LiveState; handler: LiveHandler; then?: (page: Page, server: TestServer) => Promise<void> }> = [
  { state: 'connecting', handler: (client) => void client.accept() },
  { state: 'live', handler: (client) => void client.accept().ready() },
  { state: 'reconnecting', handler: (client) => void client.accept(60_000).ready(), then: async () => server.live.clients.at(-1)!.cut() },
  { state: 'polling', handler: silent },
  {
    state: 'stale',
    handler: silent,
    then: async (page) => {
      await untilLive(page, 'polling');
      server.live.handler = (client) => client.refuse(503);
      server.api = (path, url, request) => (path.startsWith('queues') ? problem(503, 'Unavailable', 'Down.') : api(path, url, request));
    },
  },
  {
    state: 'signed-out',
    handler: (client) => void client.accept(100).ready(),
    then: async (page) => {
      await untilLive(page, 'live');
      server.live.handler = (client) => client.refuse(401);
      server.api = (path, url, request) => (path === 'session' ? problem(401, 'Not signed in', '') : api(path, url, request));
      server.live.clients.at(-1)!.cut();
    },
  },
];

try {
  for (const [width, height, size] of [[1440, 900, 'desktop'], [390, 844, 'narrow']] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const scene of scenes) {
        server.api = api;
        server.live.handler = scene.handler;
        const { page, errors } = await openPage(browser, { width, height, colorScheme: scheme });
        await page.goto(server.url(size === 'narrow' ? 'queues/email-send?state=failed' : ''));
        await page.waitForFunction(() => !document.querySelector('ops-jobs-console')?.shadowRoot?.querySelector('[aria-busy="true"]'));
        await scene.then?.(page, server);
        await untilLive(page, scene.state, 15_000);
        if (size === 'narrow') await page.evaluate(() => window.scrollTo(0, 900));
        await page.waitForTimeout(300);
        const file = `${out}/${scene.state}-${size}-${scheme}.png`;
        await page.screenshot({ path: file });
        console.log(file);
        const unexpected = errors.filter((error) => !/api\/(events|session|queues)/.test(error));
        if (unexpected.length) console.log(unexpected.join('\n'));
        await page.context().close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
