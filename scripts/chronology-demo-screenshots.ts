// Screenshots of chronologies on the pg-boss demo as an admin sees them, at desktop and phone widths,
// light and dark: a failed job retried through the console, a job deleted through it (the engine no
// longer has it; its page tells it from the audit log) and the queue's chronology. Run the demo
// first (`npm run demo`). Usage: node scripts/chronology-demo-screenshots.ts [demoUrl=http://127.0.0.1:3000] [outDir=/tmp/shots/chronology-demo]
import type { Page } from 'playwright-core';
import { launchChromium, openPage } from '../test/elements/support/browser.ts';
import { shootViews, type Shot } from './support/shoot-views.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? '/tmp/shots/chronology-demo';

async function signIn(page: Page): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('input[value="admin"]').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/ops\/jobs/);
}

/** Previews and executes `action` on one job through the console's API, as its dialog does. */
async function act(page: Page, action: string, queue: string, id: string): Promise<void> {
  const headers = { origin: base, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
  const preview = await page.request.post(`${base}/ops/jobs/api/actions/preview`, { headers, data: { action, target: { queue, ids: [id] } } });
  if (!preview.ok()) throw new Error(`preview ${action}: ${preview.status()} ${await preview.text()}`);
  const { token } = (await preview.json()) as { token: string };
  const executed = await page.request.post(`${base}/ops/jobs/api/actions/execute`, { headers, data: { token, reason: 'Investigating the card processor incident INC-4471' } });
  if (!executed.ok()) throw new Error(`execute ${action}: ${executed.status()} ${await executed.text()}`);
}

/** The queue with the most failed jobs, and two of them. */
async function failedJobs(page: Page): Promise<{ queue: string; ids: string[] }> {
  const { queues } = (await (await page.request.get(`${base}/ops/jobs/api/queues`)).json()) as { queues: { name: string; counts: { failed?: number } }[] };
  const queue = [...queues].sort((a, b) => (b.counts.failed ?? 0) - (a.counts.failed ?? 0))[0]!.name;
  const { jobs } = (await (await page.request.get(`${base}/ops/jobs/api/queues/${encodeURIComponent(queue)}/jobs?state=failed&limit=2`)).json()) as { jobs: { id: string }[] };
  if (jobs.length < 2) throw new Error(`fewer than two failed jobs in ${queue}`);
  return { queue, ids: jobs.map((job) => job.id) };
}

const browser = await launchChromium();
const { page: scout } = await openPage(browser, { width: 1280, height: 900 });
await signIn(scout);
const { queue, ids } = await failedJobs(scout);
await act(scout, 'job.retry', queue, ids[0]!);
await act(scout, 'job.delete', queue, ids[1]!);
await browser.close();

const shots: Shot[] = [
  ['demo-retried-job', `queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(ids[0]!)}`],
  ['demo-deleted-job', `queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(ids[1]!)}`],
  ['demo-queue-chronology', `queues/${encodeURIComponent(queue)}/chronology`],
];
await shootViews(out, { url: (path) => `${base}/ops/jobs/${path}` }, shots, { beforeAll: signIn, desktopWidth: 1280 });
console.log(`${queue}: retried ${ids[0]}, deleted ${ids[1]}`);
