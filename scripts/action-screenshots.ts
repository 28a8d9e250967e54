// Screenshots of operator actions and the audit log against the element test fixtures, at desktop
// and phone widths, light and dark: the job list with a selection, the action dialog at each step,
// the audit log and one record. Usage: node scripts/action-screenshots.ts [outDir=/tmp/shots/actions]
import { actionApi, auditRecords } from '../test/elements/support/action-fixtures.ts';
import { failedJobDetail } from '../test/elements/support/fixtures.ts';
import { startServer } from '../test/elements/support/server.ts';
import { shootViews, type Shot } from './support/shoot-views.ts';

const now = Date.now();
const { api } = actionApi(now);

const shots: Shot[] = [
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
  ['job-detail-actions', `queues/email-send/jobs/${failedJobDetail(now).id}`],
  ['audit-log', 'audit'],
  ['audit-log-filtered', 'audit?queue=email-send&outcome=succeeded'],
  ['audit-record', `audit/${auditRecords(now)[3]!.id}`],
];

await shootViews(process.argv[2] ?? '/tmp/shots/actions', await startServer({ api }), shots);
