// Screenshots of the schedule actions against a running demo (`npm run demo`), signed in as its
// operator, at desktop and phone widths, light and dark: the schedules view with Run now and
// Remove schedule on each row (and, a few minutes after start, ledger.reconcile's missed run),
// the Run now dialog previewed, with a reason, and done, and the Remove schedule preview.
// Usage: node scripts/schedule-action-screenshots.ts [consoleUrl=http://127.0.0.1:3000] [outDir=/tmp/shots/schedule-actions]
import type { Page } from 'playwright-core';
import { shootViews, type Shot } from './support/shoot-views.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? '/tmp/shots/schedule-actions';

const row = (page: Page, name: string) => page.getByRole('group', { name: `Actions on ${name}` });
const weekly = 'schedule weekly-churn of reports.build';

const shots: Shot[] = [
  ['schedules', 'ops/jobs/schedules'],
  ['dialog-run', 'ops/jobs/schedules', async (page) => {
    await row(page, weekly).getByRole('button', { name: 'Run now' }).click();
    await page.getByRole('button', { name: 'Continue' }).waitFor();
  }],
  ['dialog-run-reason', 'ops/jobs/schedules', async (page) => {
    await row(page, weekly).getByRole('button', { name: 'Run now' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: /^Why run/ }).fill('Churn numbers needed for the board meeting today');
  }],
  ['dialog-run-done', 'ops/jobs/schedules', async (page) => {
    await row(page, weekly).getByRole('button', { name: 'Run now' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: /^Why run/ }).fill('Churn numbers needed for the board meeting today');
    await page.getByRole('dialog').getByRole('button', { name: 'Run now' }).click();
    await page.getByRole('heading', { name: 'Job made' }).waitFor();
  }],
  ['dialog-remove', 'ops/jobs/schedules', async (page) => {
    await row(page, 'schedule every-minute of ledger.reconcile').getByRole('button', { name: 'Remove schedule' }).click();
    await page.getByRole('button', { name: 'Continue' }).waitFor();
  }],
  ['audit-log', 'ops/jobs/audit?action=schedule.run'],
];

await shootViews(out, { url: (path) => `${base}/${path}` }, shots, {
  desktopWidth: 1280,
  beforeAll: async (page) => {
    await page.goto(`${base}/login`);
    await page.locator('input[name="user"][value="admin"]').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/ops\/jobs/);
  },
});
