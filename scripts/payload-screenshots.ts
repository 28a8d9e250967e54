// Screenshots of a job's page with large values (5 MB of data, a 10,000-line stack, 1,000 log
// lines), before and after revealing the rest, and of a job list in forced-colors mode, at
// desktop and phone widths, light and dark.
// Usage: node scripts/payload-screenshots.ts [outDir=/tmp/shots/payloads]
import { LARGE_JOBS, LARGE_QUEUE, largeJobsApi } from '../test/elements/support/large-jobs.ts';
import { startServer } from '../test/elements/support/server.ts';
import { shootViews } from './support/shoot-views.ts';

const out = process.argv[2] ?? '/tmp/shots/payloads';
const server = await startServer({ api: largeJobsApi() });
const job = (id: string) => `queues/${LARGE_QUEUE}/jobs/${id}`;

await shootViews(out, server, [
  ['data-5mb', job(LARGE_JOBS.data), async (page) => page.locator('[part="notice"]').first().scrollIntoViewIfNeeded()],
  ['data-5mb-loaded', job(LARGE_JOBS.data), async (page) => {
    await page.getByRole('button', { name: /^Load the whole value/ }).click();
    await page.getByRole('button', { name: /^Show more/ }).scrollIntoViewIfNeeded();
  }],
  ['stack-10000', job(LARGE_JOBS.stack)],
  ['stack-10000-cut-note', job(LARGE_JOBS.stack), async (page) => page.getByRole('button', { name: 'Load the whole stack' }).scrollIntoViewIfNeeded()],
  ['log-1000', job(LARGE_JOBS.log), async (page) => page.getByRole('button', { name: 'Show all' }).scrollIntoViewIfNeeded()],
]);
