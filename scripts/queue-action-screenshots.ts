// Screenshots of the queue actions and promote against a running BullMQ demo (`npm run
// demo:bullmq`), signed in as its operator, at desktop and phone widths, light and dark: the queue
// list with a paused queue, a paused queue's view with Resume queue, a running one's with Pause
// queue and its dialog (previewed, then done, then undone), the promote dialog for a delayed
// job, and the audit log of the pauses.
// Usage: node scripts/queue-action-screenshots.ts [consoleUrl=http://127.0.0.1:3000] [outDir=/tmp/shots/queue-actions]
import { shootViews, type Shot } from './support/shoot-views.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? '/tmp/shots/queue-actions';

const shots: Shot[] = [
  ['queue-list', 'ops/jobs/'],
  ['queue-paused', 'ops/jobs/queues/exports-nightly'],
  ['queue-running', 'ops/jobs/queues/email-send'],
  ['dialog-pause', 'ops/jobs/queues/email-send', async (page) => {
    await page.getByRole('button', { name: 'Pause queue' }).click();
    await page.getByRole('button', { name: 'Continue' }).waitFor();
  }],
  ['dialog-pause-reason', 'ops/jobs/queues/email-send', async (page) => {
    await page.getByRole('button', { name: 'Pause queue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: /^Why pause/ }).fill('Mail provider maintenance, CHG-8812');
  }],
  // Executed, then undone by the next shot, so that each round starts from a running queue.
  ['dialog-pause-done', 'ops/jobs/queues/email-send', async (page) => {
    await page.getByRole('button', { name: 'Pause queue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: /^Why pause/ }).fill('Mail provider maintenance, CHG-8812');
    await page.getByRole('dialog').getByRole('button', { name: 'Pause queue' }).click();
    await page.getByRole('heading', { name: 'Queue paused' }).waitFor();
  }],
  ['queue-resume-after', 'ops/jobs/queues/email-send', async (page) => {
    await page.getByRole('button', { name: 'Resume queue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: /^Why resume/ }).fill('Maintenance over, CHG-8812 closed');
    await page.getByRole('dialog').getByRole('button', { name: 'Resume queue' }).click();
    await page.getByRole('heading', { name: 'Queue resumed' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Pause queue' }).waitFor();
  }],
  ['dialog-promote', 'ops/jobs/queues/reports-build?state=scheduled', async (page) => {
    await page.getByRole('button', { name: /^Promote / }).first().click();
    await page.getByRole('button', { name: 'Continue' }).waitFor();
  }],
  ['audit-log', 'ops/jobs/audit?action=queue.pause'],
];

await shootViews(out, { url: (path) => `${base}/${path}` }, shots, {
  desktopWidth: 1280,
  beforeAll: async (page) => {
    await page.goto(`${base}/login`);
    await page.locator('input[name="user"][value="operator"]').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/ops\/jobs/);
  },
});
