// The schedules view in Chromium on a real Express host over pg-boss on PGlite: reached from the
// header, each schedule in words with its next runs on its own clock, the last job it made linked
// to that job, its data folded and redacted, and a phone-width layout that does not overflow.
// Needs `npm run build` first (the console's bundle).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOpsJobs } from '../../core/index.ts';
import { fromPgBoss } from '../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../adapters/postgres/index.ts';
import { demoAuth, demoDisplayPolicy } from '../../demo/policies.ts';
import { openPage } from '../elements/support/browser.ts';
import { settled, texts } from '../elements/support/console-page.ts';
import { startHost } from '../node/support/http-hosts.ts';
import { PLANTED_SECRET } from '../node/support/pg-boss-stack.ts';
import { useDemoConsole } from './support/demo-console.ts';

let lastJobId = '';
const demo = useDemoConsole({
  seed: async (stack) => {
    await stack.boss.schedule('payments', '0 2 * * *', { sweep: 'nightly', cardToken: PLANTED_SECRET }, { key: 'nightly-sweep', tz: 'Europe/Amsterdam' });
    await stack.boss.schedule('emails', '30 6 * * 1', { digest: 'weekly' });
    // What pg-boss's cron pass records once the schedule has sent a job: here, a failed payment.
    lastJobId = stack.ids.failed[0]!;
    await stack.pglite.query(`UPDATE pgboss.schedule SET last_job_id = $1 WHERE name = 'payments'`, [lastJobId]);
  },
});
const openAsViewer = (width?: number) => demo.open('viewer', width === undefined ? {} : { width });

describe('the schedules view', () => {
  it('is reached from the header and shows each schedule in words, on its own clock, with its last job', async () => {
    const { page, errors } = await openAsViewer();
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Schedules' }).click();
    await page.waitForURL(`${demo.host.url}/ops/jobs/schedules`);
    await settled(page);
    assert.equal(await page.title(), 'Schedules · Jobs');

    const rows = page.locator('ops-jobs-schedule-list tbody tr');
    // The view's code loads after the link is followed: its rows, not the first quiet moment, say it is there.
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    const [emails, payments] = [rows.nth(0), rows.nth(1)];
    assert.match(await emails.locator('td.when').innerText(), /At 06:30, only on Monday\s+30 6 \* \* 1\s+· UTC/);
    assert.match(await payments.locator('td.when').innerText(), /At 02:00\s+0 2 \* \* \*\s+· Europe\/Amsterdam/);

    // 02:00 in Amsterdam, whatever the browser's zone (UTC here): the runs are read on the schedule's clock.
    const runs = await texts(page, 'ops-jobs-schedule-list tbody tr:nth-child(2) td.next li');
    assert.equal(runs.length, 3);
    for (const run of runs) assert.match(run, /02:00/);
    const datetimes = await payments.locator('td.next li time').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')));
    for (const iso of datetimes) assert.match(iso ?? '', /T0[01]:00:00\.000Z$/, 'the machine-readable time is the instant in UTC');

    await payments.getByText('Show data').click();
    await payments.locator('ops-jobs-json-viewer').getByText('"nightly"').waitFor();
    const data = await payments.locator('ops-jobs-json-viewer').evaluate((viewer) => viewer.shadowRoot?.textContent ?? '');
    assert.match(data, /cardToken/);
    assert.ok(!data.includes(PLANTED_SECRET), 'the display policy hides the card token');
    assert.ok(!(await page.content()).includes(PLANTED_SECRET));

    await payments.locator('td.last').getByText('Failed', { exact: true }).waitFor();
    await payments.locator('td.last a').click();
    await page.waitForURL(`${demo.host.url}/ops/jobs/queues/payments/jobs/${lastJobId}`);
    await settled(page);
    await page.locator('ops-jobs-job-detail').getByText('card was declined').first().waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('says when the last job is gone, and fits a phone', async () => {
    await demo.stack.boss.deleteJob('payments', [lastJobId]);
    const { page, errors } = await openAsViewer(390);
    await page.goto(`${demo.host.url}/ops/jobs/schedules?queue=payments`);
    await settled(page);
    const rows = page.locator('ops-jobs-schedule-list tbody tr');
    assert.equal(await rows.count(), 1, 'narrowed to one queue');
    assert.match(await rows.first().locator('td.last').innerText(), /is gone/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'nothing is wider than the screen');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('says when a schedule missed a run, and when its last job was made', async () => {
    await demo.stack.boss.schedule('emails', '*/5 * * * *', { digest: 'frequent' }, { key: 'every-5' });
    // Written an hour ago and no job since: whatever runs pg-boss's schedules has stopped.
    await demo.stack.pglite.query(`UPDATE pgboss.schedule SET updated_on = now() - interval '1 hour' WHERE name = 'emails' AND key = 'every-5'`);
    const { page, errors } = await openAsViewer();
    await page.goto(`${demo.host.url}/ops/jobs/schedules?queue=emails`);
    await settled(page);
    const row = page.locator('ops-jobs-schedule-list tbody tr').filter({ hasText: 'every-5' });
    await row.locator('td.last .missed').getByText('Missed the run due').waitFor();
    const due = await row.locator('td.last .missed ops-jobs-relative-time').getAttribute('datetime');
    assert.ok(due && Date.now() - Date.parse(due) > 50 * 60_000, `due ${due}`);
    const weekly = page.locator('ops-jobs-schedule-list tbody tr').filter({ hasText: 'At 06:30' });
    assert.equal(await weekly.locator('.missed').count(), 0, 'a schedule whose next run is ahead has missed nothing');
    assert.deepEqual(errors, []);
    await page.context().close();
    await demo.stack.boss.unschedule('emails', 'every-5');
  });

  it('is not offered to an operator who may not see schedules', async () => {
    const blind = createOpsJobs({
      engine: fromPgBoss(demo.stack.boss),
      store: createPostgresStore({ pglite: demo.stack.pglite }),
      auth: { ...demoAuth, authorize: (actor, action, resource) => action !== 'schedules.view' && demoAuth.authorize(actor, action, resource) },
      displayPolicy: demoDisplayPolicy,
    });
    const blindHost = await startHost('express', blind as never, { sessionFromHeader: true });
    try {
      const { page } = await openPage(demo.browser);
      await page.context().setExtraHTTPHeaders({ 'x-test-user': 'viewer' });
      await page.goto(`${blindHost.url}/ops/jobs/`);
      await settled(page);
      const nav = page.getByRole('navigation', { name: 'Console' });
      await nav.getByRole('link', { name: 'Audit log' }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Schedules' }).count(), 0);
      await page.context().close();
    } finally {
      blind.close();
      await blindHost.close();
    }
  });
});
