// Screenshots of the incidents view against a running demo, as an operator sees it: the list, the
// overview's link to it, and the preview of cancelling a stuck job, at desktop and phone widths,
// light and dark. Run the demo on PostgreSQL and kill a lifeline worker first (demo/README.md,
// "Lifeline"). Usage: node scripts/incident-screenshots.ts [demoUrl=http://127.0.0.1:3000] [outDir=/tmp/shots/incidents]
import type { Page } from 'playwright-core';
import { shootViews } from './support/shoot-views.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';

async function signIn(page: Page): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('input[value="operator"]').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/ops\/jobs/);
}

await shootViews(process.argv[3] ?? '/tmp/shots/incidents', { url: (path) => `${base}/ops/jobs/${path}` }, [
  ['incidents', 'incidents'],
  ['overview', ''],
  ['cancel-stuck-job', 'incidents', async (page) => {
    await page.locator('ops-jobs-incident-list').getByRole('button', { name: 'Cancel job…' }).first().click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(500);
  }],
], { beforeAll: signIn, desktopWidth: 1280 });
