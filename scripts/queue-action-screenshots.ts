// Screenshots of the queue actions and promote against a running BullMQ demo (`npm run
// demo:bullmq`), signed in as its operator, at desktop and phone widths, light and dark: the queue
// list with a paused queue, a paused queue's view with Resume queue, a running one's with Pause
// queue and its dialog (previewed, then done, then undone), the promote dialog for a delayed
// job, and the audit log of the pauses.
// Usage: node scripts/queue-action-screenshots.ts [consoleUrl=http://127.0.0.1:3000] [outDir=/tmp/shots/queue-actions]
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium, openPage } from '../test/elements/support/browser.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? '/tmp/shots/queue-actions';

type Shot = readonly [name: string, path: string, act?: (page: Page) => Promise<void>];

const shots: Shot[] = [
  ['queue-list', 'ops/jobs/'],
  ['queue-paused', 'ops/jobs/queues/exports-nightly'],
  ['queue-running', 'ops/jobs/queues/email-send'],
  ['dialog-pause', 'ops/jobs/queues/email-send', async (page) => {
    await page.getByRole('button', { name: 'Pause queue' }).click();
    await page.getByRole('button', { name: 'Continue' }).waitFor();
  }],
  ['dialog-pause-reason', 'ops/jobs/queues/email-send', async (page) => {
    await page.getByRole('button', { name: 'Pause queue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: /^Why pause/ }).fill('Mail provider maintenance, CHG-8812');
  }],
  // Executed, then undone by the next shot, so that each round starts from a running queue.
  ['dialog-pause-done', 'ops/jobs/queues/email-send', async (page) => {
    await page.getByRole('button', { name: 'Pause queue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: /^Why pause/ }).fill('Mail provider maintenance, CHG-8812');
    await page.getByRole('dialog').getByRole('button', { name: 'Pause queue' }).click();
    await page.getByRole('heading', { name: 'Queue paused' }).waitFor();
  }],
  ['queue-resume-after', 'ops/jobs/queues/email-send', async (page) => {
    await page.getByRole('button', { name: 'Resume queue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: /^Why resume/ }).fill('Maintenance over, CHG-8812 closed');
    await page.getByRole('dialog').getByRole('button', { name: 'Resume queue' }).click();
    await page.getByRole('heading', { name: 'Queue resumed' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Pause queue' }).waitFor();
  }],
  ['dialog-promote', 'ops/jobs/queues/reports-build?state=scheduled', async (page) => {
    await page.getByRole('button', { name: /^Promote / }).first().click();
    await page.getByRole('button', { name: 'Continue' }).waitFor();
  }],
  ['audit-log', 'ops/jobs/audit?action=queue.pause'],
];

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const busy = (root: Document | ShadowRoot): boolean =>
      root.querySelector('[aria-busy="true"]') !== null || [...root.querySelectorAll('*')].some((el) => el.shadowRoot && busy(el.shadowRoot));
    return !busy(document);
  });
  await page.waitForTimeout(300);
}

await mkdir(out, { recursive: true });
const browser = await launchChromium();
try {
  for (const [width, height, size] of [[1280, 860, 'desktop'], [390, 844, 'phone']] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPage(browser, { width, height, colorScheme: scheme });
      await page.goto(`${base}/login`);
      await page.locator('input[name="user"][value="operator"]').check();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/ops\/jobs/);
      for (const [name, path, act] of shots) {
        await page.goto(`${base}/${path}`);
        await settle(page);
        if (act) {
          await act(page);
          await page.waitForTimeout(400);
        }
        const file = `${out}/${name}-${size}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
        console.log(file);
      }
      if (errors.length) console.log(errors.join('\n'));
      await page.context().close();
    }
  }
} finally {
  await browser.close();
}
