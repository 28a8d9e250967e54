// Screenshots of the BullMQ demo as an admin sees it: a report build with progress and log lines, an
// order waiting on its children, a child with its parent, the lookup by id, the workers and the
// schedules, at desktop and phone widths, light and dark. Run the demo first (`npm run demo:bullmq`).
// Usage: node scripts/bullmq-demo-screenshots.ts [demoUrl=http://127.0.0.1:3000] [outDir=/tmp/shots/bullmq-demo]
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium, openPage } from '../test/elements/support/browser.ts';
import { settled } from '../test/elements/support/console-page.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? '/tmp/shots/bullmq-demo';
await mkdir(out, { recursive: true });

async function signIn(page: Page): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('input[value="admin"]').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/ops\/jobs/);
}

/** The first job of `queue` in `state` with what `wanted` asks of its detail. */
async function findJob(page: Page, queue: string, state: string, wanted: (detail: Record<string, unknown>) => boolean): Promise<string> {
  for (let tries = 0; tries < 60; tries += 1) {
    const listed = await page.request.get(`${base}/ops/jobs/api/queues/${queue}/jobs?state=${state}&limit=20`);
    for (const job of ((await listed.json()) as { jobs: { id: string }[] }).jobs) {
      const detail = (await (await page.request.get(`${base}/ops/jobs/api/queues/${queue}/jobs/${encodeURIComponent(job.id)}`)).json()) as Record<string, unknown>;
      if (wanted(detail)) return job.id;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no ${state} job in ${queue} as wanted`);
}

const browser = await launchChromium();
try {
  const { page: scout } = await openPage(browser, { width: 1280, height: 900 });
  await signIn(scout);
  const family = (detail: Record<string, unknown>) => (detail.family as { children: { pending: number; processed: number; failed: number } } | undefined);
  const report = await findJob(scout, 'reports-build', 'active', (detail) => ((detail.logs as { total: number } | undefined)?.total ?? 0) > 2);
  const order = await findJob(scout, 'orders-fulfil', 'blocked', (detail) => { const children = family(detail)?.children; return !!children && children.pending + children.processed + children.failed >= 2; });
  const child = await findJob(scout, 'inventory-reserve', 'completed', (detail) => (detail.family as { parent: unknown } | undefined)?.parent != null);
  await scout.context().close();
  const shots: [string, string][] = [
    ['report-progress-logs', `queues/reports-build/jobs/${encodeURIComponent(report)}`],
    ['order-children', `queues/orders-fulfil/jobs/${encodeURIComponent(order)}`],
    ['child-parent', `queues/inventory-reserve/jobs/${encodeURIComponent(child)}`],
    ['find-job', `jobs?id=${encodeURIComponent(order)}`],
    ['workers', 'workers'],
    ['schedules', 'schedules'],
  ];
  for (const [width, height, size] of [[1280, 900, 'desktop'], [390, 844, 'phone']] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await openPage(browser, { width, height, colorScheme: scheme });
      await signIn(page);
      for (const [name, path] of shots) {
        await page.goto(`${base}/ops/jobs/${path}`);
        await settled(page);
        await page.waitForTimeout(400);
        const file = `${out}/${name}-${size}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await page.context().close();
    }
  }
} finally {
  await browser.close();
}
