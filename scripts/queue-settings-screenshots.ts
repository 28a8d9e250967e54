// Screenshots of editing a queue's settings against a running pg-boss demo (`npm run demo`), signed
// in as its operator, at desktop and phone widths, light and dark: the settings on the activity
// page with Edit settings, the form, the action dialog's before and after, its reason, and the
// settings read back after the change (each round sets the retry limit back first).
// Usage: node scripts/queue-settings-screenshots.ts [consoleUrl=http://127.0.0.1:3000] [outDir=/tmp/shots/queue-settings]
import type { Page } from 'playwright-core';
import { shootViews, type Shot } from './support/shoot-views.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? '/tmp/shots/queue-settings';
const page = 'ops/jobs/queues/payments.capture/activity';

async function openForm(view: Page): Promise<void> {
  await view.getByRole('button', { name: 'Edit settings' }).click();
  await view.getByRole('spinbutton', { name: 'Retry limit' }).waitFor();
}

async function fillChanges(view: Page, limit: string, expire = '1800'): Promise<void> {
  await openForm(view);
  await view.getByRole('spinbutton', { name: 'Retry limit' }).fill(limit);
  await view.getByRole('spinbutton', { name: 'Expire in seconds' }).fill(expire);
  await view.getByRole('button', { name: 'Preview changes' }).click();
  await view.getByRole('dialog').getByRole('button', { name: 'Continue' }).waitFor();
}

async function change(view: Page, limit: string, reason: string, expire?: string): Promise<void> {
  await fillChanges(view, limit, expire);
  await view.getByRole('dialog').getByRole('button', { name: 'Continue' }).click();
  await view.getByRole('textbox', { name: /^Why change the settings/ }).fill(reason);
  await view.getByRole('dialog').getByRole('button', { name: 'Change settings' }).click();
  await view.getByRole('heading', { name: 'Settings changed' }).waitFor();
}

const shots: Shot[] = [
  ['settings', page, async (view) => {
    await view.getByRole('button', { name: 'Edit settings' }).scrollIntoViewIfNeeded();
  }],
  ['form', page, async (view) => {
    await openForm(view);
    await view.getByRole('spinbutton', { name: 'Retry limit' }).scrollIntoViewIfNeeded();
  }],
  ['dialog-preview', page, (view) => fillChanges(view, '7')],
  ['dialog-reason', page, async (view) => {
    await fillChanges(view, '7');
    await view.getByRole('dialog').getByRole('button', { name: 'Continue' }).click();
    await view.getByRole('textbox', { name: /^Why change the settings/ }).fill('Provider asks for slower retries, CHG-9120');
  }],
  ['dialog-done', page, (view) => change(view, '7', 'Provider asks for slower retries, CHG-9120')],
  ['settings-after', page, async (view) => {
    await view.getByRole('button', { name: 'Done' }).click().catch(() => undefined);
    await view.getByRole('button', { name: 'Edit settings' }).scrollIntoViewIfNeeded();
  }],
  // Back to where the next round starts.
  ['settings-restored', page, async (view) => {
    await change(view, '3', 'Back to the usual retry limit and expiry', '60');
    await view.getByRole('button', { name: 'Done' }).click();
  }],
];

await shootViews(out, { url: (path) => `${base}/${path}` }, shots, {
  desktopWidth: 1280,
  beforeAll: async (view) => {
    await view.goto(`${base}/login`);
    await view.locator('input[name="user"][value="operator"]').check();
    await view.getByRole('button', { name: 'Sign in' }).click();
    await view.waitForURL(/ops\/jobs/);
  },
});
