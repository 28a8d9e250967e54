// The first view of a console in Chromium, cold: a new browser context (no cache, no cookies)
// for every load, against a server that has already answered the same page.
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const WARM_LOADS = 2;

/** Launches the system's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Runs in the page, handed over as a function since the console's CSP forbids evaluating strings:
// a link to a queue anywhere in the document, shadow roots included.
function queueLinkShown(): boolean {
  const find = (node: Element): boolean =>
    node.matches('a[href*="queues/"]') || [...(node.shadowRoot?.children ?? []), ...node.children].some(find);
  // Until the parser reaches <body> there is nothing to find.
  return document.body !== null && find(document.body);
}

/**
 * Milliseconds from navigation to the first link to a queue in the page, for `runs` cold loads of
 * `url` after a few unmeasured ones.
 */
export async function coldFirstViewMs(browser: Browser, url: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < WARM_LOADS + runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      // Everything stays on this machine: a page's requests elsewhere (web fonts) fail at once.
      await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
      await page.waitForFunction(queueLinkShown, undefined, { timeout: 30_000, polling: 'raf' });
      const ms = await page.evaluate(() => performance.now());
      if (run >= WARM_LOADS) times.push(ms);
    } finally {
      await context.close();
    }
  }
  return times;
}
