// The console's top bar: the host's sign-out page linked beside the signed-in operator, and, on a
// phone, section links that scroll sideways with a faded edge on each side that has more.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { actionApi, OPERATOR_SESSION } from './support/action-fixtures.ts';
import { launchChromium } from './support/browser.ts';
import { openConsole } from './support/console-page.ts';
import { startServer, type TestServer } from './support/server.ts';

const now = Date.now();
let browser: Browser;
let server: TestServer;

/** An operator who may see every section, on an engine with all of them, and a sign-out page. */
const EVERY_SECTION: SessionResponse = {
  ...OPERATOR_SESSION,
  engine: { ...OPERATOR_SESSION.engine, schedules: true, workers: true },
  bridge: 'bull-board',
  signOutUrl: './../../account/switch',
};

function apiWith(session: SessionResponse) {
  const { api } = actionApi(now, session);
  return api;
}

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: apiWith(EVERY_SECTION) });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Whether the faded edge on one side of the section links shows, and what it is read as. */
function edge(page: Page, side: 'before' | 'after'): Promise<{ opacity: string; content: string }> {
  return page.locator('[part="nav"]').evaluate((nav, pseudo) => {
    const style = getComputedStyle(nav, `::${pseudo}`);
    return { opacity: style.opacity, content: style.content };
  }, side);
}

async function untilEdges(page: Page, before: string, after: string): Promise<void> {
  await page.waitForFunction(
    ([start, end]) => {
      const console_ = document.querySelector('ops-jobs-console');
      const nav = console_?.shadowRoot?.querySelector('[part="nav"]');
      if (!nav) return false;
      return getComputedStyle(nav, '::before').opacity === start && getComputedStyle(nav, '::after').opacity === end;
    },
    [before, after] as const,
  );
}

describe('sign out', () => {
  for (const width of [1280, 390]) {
    it(`links the host's sign-out page beside the signed-in operator (${width} px wide)`, async () => {
      server.api = apiWith(EVERY_SECTION);
      const { page, errors } = await openConsole(browser, server.url(), { width, height: 844 });
      try {
        const link = page.getByRole('link', { name: 'Sign out', exact: true });
        assert.equal(await link.isVisible(), true);
        const origin = new URL(server.url()).origin;
        const expected = new URL('./../../account/switch', server.url()).href;
        assert.equal(await link.evaluate((anchor: HTMLAnchorElement) => anchor.href), expected, 'resolved against the mount root');
        assert.ok(expected.startsWith(origin));
        const actor = await page.locator('[part="actor"]').boundingBox();
        const box = await link.boundingBox();
        assert.ok(actor && box, 'both on screen');
        assert.ok(Math.abs(actor.y + actor.height / 2 - (box.y + box.height / 2)) < 8, 'on the line of the operator name');
        assert.ok(box.x >= actor.x + actor.width && box.x + box.width <= width, 'right after it, inside the screen');
        // A plain link: the console does not route it, the browser leaves for the host's page.
        await link.click();
        await page.waitForURL(expected);
        assert.deepEqual(errors.filter((error) => !error.includes('404')), []);
      } finally {
        await page.context().close();
      }
    });
  }

  it('shows no sign-out link when the host has no sign-out page', async () => {
    server.api = apiWith({ ...EVERY_SECTION, signOutUrl: null });
    const { page } = await openConsole(browser, server.url());
    try {
      assert.equal(await page.locator('[part="actor"]').isVisible(), true);
      assert.equal(await page.locator('[part="sign-out"]').count(), 0);
    } finally {
      server.api = apiWith(EVERY_SECTION);
      await page.context().close();
    }
  });
});

describe('section links on a phone', () => {
  it('fade at each edge that has more, and the fades go at the ends', async () => {
    server.api = apiWith(EVERY_SECTION);
    const { page, errors } = await openConsole(browser, server.url(), { width: 390, height: 844 });
    try {
      const nav = page.locator('[part="nav"]');
      const hidden = await nav.evaluate((element) => element.scrollWidth - element.clientWidth);
      assert.ok(hidden > 20, `the links overflow at 390 px (${hidden} px hidden)`);
      await untilEdges(page, '0', '1');
      assert.equal(await nav.getAttribute('data-more-end'), '');
      assert.equal(await nav.getAttribute('data-more-start'), null);
      assert.match((await edge(page, 'after')).content, /›/);

      // Keyboard: Tab through the links; the last one scrolls into sight and the end fade goes.
      const links = nav.getByRole('link');
      const count = await links.count();
      await links.first().focus();
      for (let i = 1; i < count; i++) await page.keyboard.press('Tab');
      assert.equal(await links.last().evaluate((link) => link.matches(':focus')), true);
      await untilEdges(page, '1', '0');
      const [navBox, lastBox] = [await nav.boundingBox(), await links.last().boundingBox()];
      assert.ok(navBox && lastBox && lastBox.x >= navBox.x && lastBox.x + lastBox.width <= navBox.x + navBox.width + 0.5, 'the focused link wholly in sight');

      // Pointer: swipe back to the start; only the end fade shows again.
      await nav.evaluate((element) => element.scrollTo({ left: 0 }));
      await untilEdges(page, '0', '1');

      // The fades are not read out: the nav's accessible content is its links alone.
      const snapshot = await nav.ariaSnapshot();
      assert.doesNotMatch(snapshot, /[‹›]/);
      assert.deepEqual(errors, []);
    } finally {
      await page.context().close();
    }
  });

  it('shows no fade where every link fits', async () => {
    const { page } = await openConsole(browser, server.url(), { width: 1280, height: 800 });
    try {
      const nav = page.locator('[part="nav"]');
      assert.equal(await nav.evaluate((element) => element.scrollWidth - element.clientWidth), 0);
      for (const side of ['before', 'after'] as const) assert.ok(['none', 'normal'].includes((await edge(page, side)).content), `no ${side} fade`);
      assert.equal(await nav.getAttribute('data-more-end'), null);
      assert.equal(await nav.getAttribute('data-more-start'), null);
    } finally {
      await page.context().close();
    }
  });
});
