// Screenshots of operator actions and the audit log against the element test fixtures, at desktop
// and phone widths, light and dark: the job list with a selection, the action dialog at each step,
// the audit log and one record. Usage: node scripts/action-screenshots.ts [outDir=/tmp/shots/actions]
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { actionApi, auditRecords } from '../test/elements/support/action-fixtures.ts';
import { launchChromium, openPage } from '../test/elements/support/browser.ts';
import { failedJobDetail } from '../test/elements/support/fixtures.ts';
import { startServer } from '../test/elements/support/server.ts';

const out = process.argv[2] ?? '/tmp/shots/actions';
await mkdir(out, { recursive: true });
const now = Date.now();
const { api } = actionApi(now);
const server = await startServer({ api });
const browser = await launchChromium();

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const busy = (root: Document | ShadowRoot): boolean =>
      root.querySelector('[aria-busy="true"]') !== null || [...root.querySelectorAll('*')].some((el) => el.shadowRoot && busy(el.shadowRoot));
    return !busy(document);
  });
  await page.waitForTimeout(250);
}

const shots: Array<[string, string, (page: Page) => Promise<void>]> = [
  ['job-list-selection', 'queues/email-send?state=failed', async (page) => {
    const boxes = page.getByRole('checkbox', { name: /^Select job / });
    for (const n of [0, 1, 3]) await boxes.nth(n).check();
  }],
  ['dialog-preview', 'queues/email-send?state=failed', async (page) => {
    await page.getByRole('button', { name: /^Retry all 127 failed jobs$/ }).click();
    await page.getByRole('button', { name: 'Continue' }).waitFor();
  }],
  ['dialog-reason', 'queues/email-send?state=failed', async (page) => {
    await page.getByRole('button', { name: /^Retry all 127 failed jobs$/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: /^Why retry/ }).fill('INC-22');
    await page.getByRole('button', { name: 'Retry 127 jobs' }).click();
  }],
  ['dialog-outcome', `queues/email-send/jobs/${failedJobDetail(now).id}`, async (page) => {
    await page.getByRole('group', { name: 'Actions on this job' }).getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: /^Why retry/ }).fill('Provider outage INC-2291 is over; retrying the declines');
    await page.getByRole('button', { name: 'Retry 1 job' }).click();
    await page.getByRole('link', { name: /View the audit record/ }).waitFor();
  }],
  ['job-detail-actions', `queues/email-send/jobs/${failedJobDetail(now).id}`, async () => {}],
  ['audit-log', 'audit', async () => {}],
  ['audit-log-filtered', 'audit?queue=email-send&outcome=succeeded', async () => {}],
  ['audit-record', `audit/${auditRecords(now)[3]!.id}`, async () => {}],
];

try {
  for (const [width, height, size] of [[1440, 900, 'desktop'], [390, 844, 'phone']] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPage(browser, { width, height, colorScheme: scheme });
      for (const [name, path, act] of shots) {
        await page.goto(server.url(path));
        await settle(page);
        await act(page);
        await page.waitForTimeout(300);
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
  await server.close();
}
