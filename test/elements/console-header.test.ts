// The console's top bar: the host's sign-out page linked beside the signed-in operator.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
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
