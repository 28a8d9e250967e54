// Accessibility basics on every view, wide and narrow: every control and landmark has a name in
// Chromium's accessibility tree, tables stay tables when laid out as cards, one h1 per view, and
// the console can be driven from the keyboard.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage } from './support/browser.ts';
import { openConsole, roleCount, settled, unnamedControls } from './support/console-page.ts';
import { actionApi, auditRecords } from './support/action-fixtures.ts';
import { deadLetterJobDetail, failedJobDetail, fixtureApi, problem } from './support/fixtures.ts';
import { startServer, type TestServer } from './support/server.ts';

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

const VIEWS: Array<[string, string]> = [
  ['overview', ''],
  ['failed jobs', 'queues/email-send?state=failed'],
  ['job detail', `queues/email-send/jobs/${failedJobDetail(now).id}`],
  ['dead-lettered job', `queues/email-send-dlq/jobs/${deadLetterJobDetail(now).id}`],
  ['no such job', 'queues/email-send/jobs/missing'],
];

describe('accessibility', () => {
  for (const width of [1440, 390]) {
    it(`names every button, link and region (${width} px wide)`, async () => {
      const { page } = await openPage(browser, { width, height: 900 });
      for (const [name, path] of VIEWS) {
        await page.goto(server.url(path));
        await settled(page);
        const options = page.locator('summary', { hasText: 'Options' });
        if (await options.count()) await options.click();
        assert.deepEqual(await unnamedControls(page), [], `unnamed controls on ${name}`);
        assert.equal(await page.locator('h1').count(), 1, `one h1 on ${name}`);
      }
      await page.context().close();
    });
  }

  it('keeps table semantics when rows become cards on a phone', async () => {
    const { page } = await openConsole(browser, server.url('queues/email-send?state=failed'), { width: 390, height: 844 });
    assert.equal(await roleCount(page, 'table'), 1);
    assert.equal(await roleCount(page, 'row'), 51);
    await page.goto(server.url());
    await settled(page);
    assert.equal(await roleCount(page, 'row'), 7);
    await page.context().close();
  });

  it('names the signed-out state and its button', async () => {
    const { page } = await openPage(browser);
    server.api = (path, url) => (path === 'session' ? problem(401, 'Sign in required', '') : fixtures(path, url));
    try {
      await page.goto(server.url());
      await page.getByRole('alert').getByRole('heading', { name: 'You are signed out' }).waitFor();
      assert.deepEqual(await unnamedControls(page), []);
    } finally {
      server.api = fixtures;
      await page.context().close();
    }
  });

  it('can be driven from the keyboard', async () => {
    const { page } = await openConsole(browser, server.url());
    const focusedText = () => page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.textContent?.replace(/\s+/g, ' ').trim();
    });
    // The first Tab stop skips the top bar: to the view's heading, then its refresh button and the first next step of what needs attention.
    await page.keyboard.press('Tab');
    assert.equal(await focusedText(), 'Skip to main content');
    assert.equal(await page.locator('[part="skip-link"]').evaluate((link) => link.getBoundingClientRect().width > 1), true, 'shown when focused');
    await page.keyboard.press('Enter');
    assert.equal(await focusedText(), 'Queues');
    await page.getByRole('region', { name: 'Needs attention' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focusedText(), 'See running jobs');
    await page.keyboard.press('Enter');
    await page.waitForURL(server.url('queues/webhook-deliver?state=active'));
    await settled(page);

    // The options of a job open from the keyboard.
    await page.goto(server.url(`queues/email-send/jobs/${failedJobDetail(now).id}`));
    await settled(page);
    await page.locator('summary', { hasText: 'Options' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Options' }).waitFor();
    await page.context().close();
  });
});

describe('the live indicator explains itself to keyboard and pointer', () => {
  for (const [input, width] of [['keyboard', 1440], ['pointer', 390]] as const) {
    it(`opens its explanation by ${input} (${width} px wide), and closes it again`, async () => {
      const { page } = await openConsole(browser, server.url(), { width, height: 844 });
      try {
        const button = page.locator('[part="live"] button');
        const explained = page.locator('[part="live-explained"]');
        assert.equal(await explained.isVisible(), false);
        assert.equal(await button.getAttribute('popovertarget'), await explained.getAttribute('id'), 'the button opens the explanation');
        if (input === 'keyboard') {
          await button.focus();
          await page.keyboard.press('Enter');
        } else {
          await button.click();
        }
        await explained.waitFor();
        assert.equal(await explained.evaluate((element) => element.matches(':popover-open')), true);
        const cdp = await page.context().newCDPSession(page);
        const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
          nodes: Array<{ role?: { value: string }; name?: { value: string }; properties?: Array<{ name: string; value: { value: unknown } }> }>;
        };
        await cdp.detach();
        const indicatorNode = nodes.find((node) => node.role?.value === 'button' && node.name?.value.startsWith('Updates:'));
        assert.equal(indicatorNode?.properties?.find((property) => property.name === 'expanded')?.value.value, true, 'read out as expanded');
        const buttonBox = await button.boundingBox();
        const panelBox = await explained.boundingBox();
        assert.ok(buttonBox && panelBox && panelBox.y >= buttonBox.y + buttonBox.height, 'under the indicator');
        assert.match(await explained.innerText(), /\w+ \w+/, 'a plain explanation in words');
        const box = await explained.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= width, 'inside the screen');
        if (input === 'keyboard') {
          await page.keyboard.press('Escape');
          await explained.waitFor({ state: 'hidden' });
          assert.equal(await button.evaluate((element) => element.matches(':focus')), true, 'focus back on the indicator');
        } else {
          // A click anywhere else on the page closes it.
          await page.mouse.click(5, 800);
          await explained.waitFor({ state: 'hidden' });
        }
      } finally {
        await page.context().close();
      }
    });
  }

  it('shows who is signed in, in words, at every width', async () => {
    for (const width of [1440, 390]) {
      const { page } = await openConsole(browser, server.url(), { width, height: 844 });
      const actor = page.locator('[part="actor"]');
      assert.equal(await actor.isVisible(), true, `${width} px`);
      const name = actor.locator('.label');
      const box = await name.boundingBox();
      assert.ok(box && box.width > 40 && box.height > 10, `the name is on screen at ${width} px, not only read out`);
      await page.context().close();
    }
  });
});

describe('accessibility of actions and the audit log', () => {
  const OPERATOR_VIEWS: Array<[string, string]> = [
    ['failed jobs with actions', 'queues/email-send?state=failed'],
    ['job detail with actions and history', `queues/email-send/jobs/${failedJobDetail(now).id}`],
    ['dead letter with redrive', `queues/email-send-dlq/jobs/${deadLetterJobDetail(now).id}`],
    ['audit log', 'audit?queue=email-send'],
    ['audit record', `audit/${auditRecords(now)[4]!.id}`],
  ];

  for (const width of [1440, 390]) {
    it(`names every control, on the views and in each step of the dialog (${width} px wide)`, async () => {
      server.api = actionApi(now).api;
      const { page } = await openPage(browser, { width, height: 900 });
      try {
        for (const [name, path] of OPERATOR_VIEWS) {
          await page.goto(server.url(path));
          await settled(page);
          assert.deepEqual(await unnamedControls(page), [], `unnamed controls on ${name}`);
          assert.equal(await page.locator('h1').count(), 1, `one h1 on ${name}`);
        }
        await page.goto(server.url('queues/email-send?state=failed'));
        await settled(page);
        await page.getByRole('checkbox').nth(1).check();
        assert.deepEqual(await unnamedControls(page), [], 'unnamed controls with a selection');
        await page.getByRole('button', { name: /^Retry 1 selected$/ }).click();
        const dialog = page.getByRole('dialog', { name: 'Retry 1 selected job' });
        await dialog.getByRole('button', { name: 'Continue' }).click();
        await dialog.getByRole('textbox', { name: /^Why retry 1 job\? \(required\)$/ }).fill('x');
        await dialog.getByRole('button', { name: 'Retry 1 job' }).click();
        assert.deepEqual(await unnamedControls(page), [], 'unnamed controls at the reason, with an error');
        await dialog.getByRole('textbox').fill('Retrying after the outage');
        await dialog.getByRole('button', { name: 'Retry 1 job' }).click();
        await dialog.getByRole('heading', { name: '1 job retried' }).waitFor();
        assert.deepEqual(await unnamedControls(page), [], 'unnamed controls at the outcome');
      } finally {
        server.api = fixtures;
        await page.context().close();
      }
    });
  }

  it('keeps table semantics in the audit log on a phone', async () => {
    server.api = actionApi(now).api;
    const { page } = await openPage(browser, { width: 390, height: 844 });
    try {
      await page.goto(server.url('audit'));
      await settled(page);
      assert.equal(await roleCount(page, 'table'), 1);
      // The header row, 50 records, and the row under the pending record that says its outcome is unknown.
      assert.equal(await roleCount(page, 'row'), 52);
    } finally {
      server.api = fixtures;
      await page.context().close();
    }
  });
});
