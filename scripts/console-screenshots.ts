// Screenshots of every console view against the element test fixtures, at desktop and phone
// widths, light and dark. Usage: node scripts/console-screenshots.ts [outDir=/tmp/shots/console]
import { deadLetterJobDetail, failedJobDetail, fixtureApi } from '../test/elements/support/fixtures.ts';
import { startServer } from '../test/elements/support/server.ts';
import { shootViews } from './support/shoot-views.ts';

const now = Date.now();
await shootViews(process.argv[2] ?? '/tmp/shots/console', await startServer({ api: fixtureApi(now) }), [
  ['overview', ''],
  ['failed-jobs', 'queues/email-send?state=failed'],
  ['all-jobs', 'queues/invoice-sync'],
  ['dead-letters', 'queues/email-send-dlq?state=queued'],
  ['queue-activity', 'queues/email-send/activity'],
  ['job-detail', `queues/email-send/jobs/${failedJobDetail(now).id}`],
  ['job-flow', `queues/email-send/jobs/${failedJobDetail(now).id}`, async (page) => {
    await page.locator('ops-jobs-job-flow').getByRole('heading', { name: /Flow/ }).scrollIntoViewIfNeeded();
  }],
  ['dead-letter-job', `queues/email-send-dlq/jobs/${deadLetterJobDetail(now).id}`],
  ['not-found', 'queues/nope/jobs/123'],
]);
