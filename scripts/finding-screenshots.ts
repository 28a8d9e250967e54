// Screenshots of the ways to find things, against the element test fixtures, at desktop (1280)
// and phone widths, light and dark: the payload filter and column of a queue's jobs, the queue
// name filter, the quick switcher (Ctrl+K), the job search over an engine that finds whole ids
// only, and the audit filters. Usage: node scripts/finding-screenshots.ts [outDir=/tmp/shots/finding]
import type { JobPageResponse, SessionResponse } from '../core/vocabulary/wire.ts';
import { actionApi, OPERATOR_SESSION } from '../test/elements/support/action-fixtures.ts';
import type { ApiHandler } from '../test/elements/support/server.ts';
import { startServer } from '../test/elements/support/server.ts';
import { shootViews } from './support/shoot-views.ts';

const now = Date.now();
const session: SessionResponse = {
  ...OPERATOR_SESSION,
  engine: { ...OPERATOR_SESSION.engine, jobLookup: true, jobLookupByPrefix: false, name: 'BullMQ' },
  dataFields: ['customerId', 'template'],
};
const base = actionApi(now, session).api;
const api: ApiHandler = async (path, url, request) => {
  if (path.startsWith('jobs?id=')) return { body: { jobs: [], more: false } };
  const answer = await base(path, url, request);
  if (!/^queues\/[^/]+\/jobs\?/.test(path) || typeof answer !== 'object' || !answer.body) return answer;
  const page = answer.body as JobPageResponse;
  const wanted = url.searchParams.get('data.customerId');
  const jobs = page.jobs.map((job, index) => ({ ...job, fields: { customerId: wanted ?? `cus_${1040 + (index % 7)}`, template: index % 3 === 0 ? 'password-reset' : 'welcome' } }));
  return { ...answer, body: { ...page, jobs: wanted ? jobs.slice(0, 4) : jobs } };
};

await shootViews(process.argv[2] ?? '/tmp/shots/finding', await startServer({ api }), [
  ['payload-column', 'queues/email-send?state=failed'],
  ['payload-filter', 'queues/email-send?state=failed&data.customerId=cus_1042'],
  ['queue-filter', '?q=email'],
  ['switcher', '', async (page) => {
    await page.keyboard.press('Control+k');
    await page.waitForTimeout(300);
    await page.keyboard.type('e');
    await page.keyboard.press('ArrowDown');
  }],
  ['switcher-job', '', async (page) => {
    await page.keyboard.press('Control+k');
    await page.waitForTimeout(300);
    await page.keyboard.type('4711');
  }],
  ['find-whole-id', 'jobs?id=4711'],
  ['audit-filters', 'audit', async (page) => {
    await page.locator('ops-jobs-audit-log').locator('summary').first().evaluate((summary) => ((summary.parentElement as HTMLDetailsElement).open = true));
  }],
], { desktopWidth: 1280 });
