// axe-core (WCAG 2.2 AA rules) on the views a real host serves over pg-boss on PGlite, for those
// the element fixtures do not answer: schedules, workers and the job search; and the server's own
// 401 and 403 pages as a signed-out visitor and a guest get them. Light and dark, wide and 390 px.
// Needs `npm run build` first (the console's bundle).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage } from '../elements/support/browser.ts';
import { describeViolations, violations } from '../elements/support/axe.ts';
import { settled } from '../elements/support/console-page.ts';
import { useDemoConsole } from './support/demo-console.ts';

const demo = useDemoConsole({
  seed: async (stack) => {
    await stack.boss.schedule('payments', '0 2 * * *', { sweep: 'nightly' }, { key: 'nightly-sweep', tz: 'Europe/Amsterdam' });
    await stack.boss.send('payments', { amount: 5 }, { id: 'c0ffee00-0000-4000-8000-000000000001' });
    await stack.boss.send('emails', { to: 'someone' }, { id: 'c0ffee00-0000-4000-8000-000000000002' });
  },
});

interface HostPage {
  readonly name: string;
  readonly path: string;
  /** The demo role, or null for a signed-out visitor. */
  readonly role: string | null;
  readonly status: number;
  readonly ready: (page: Page) => Promise<unknown>;
}

const PAGES: readonly HostPage[] = [
  { name: 'schedules', path: 'schedules', role: 'viewer', status: 200, ready: (page) => page.locator('ops-jobs-schedule-list tbody tr').first().waitFor() },
  { name: 'workers', path: 'workers', role: 'viewer', status: 200, ready: (page) => page.getByRole('heading', { level: 1 }).waitFor() },
  { name: 'jobs sharing an id prefix', path: 'jobs?id=c0ffee00', role: 'viewer', status: 200, ready: (page) => page.locator('ops-jobs-job-search tbody tr').nth(1).waitFor() },
  { name: 'an id prefix too short', path: 'jobs?id=c0f', role: 'viewer', status: 200, ready: (page) => page.locator('ops-jobs-job-search').getByText('first 4 or more hex digits').waitFor() },
  { name: 'signed out (401 page)', path: '', role: null, status: 401, ready: (page) => page.getByRole('heading', { level: 1 }).waitFor() },
  { name: 'not allowed (403 page)', path: '', role: 'guest', status: 403, ready: (page) => page.getByRole('heading', { level: 1 }).waitFor() },
];

const MODES = [
  { name: 'light, wide', width: 1440, colorScheme: 'light' },
  { name: 'dark, wide', width: 1440, colorScheme: 'dark' },
  { name: 'light at 390 px', width: 390, colorScheme: 'light' },
  { name: 'dark at 390 px', width: 390, colorScheme: 'dark' },
] as const;

describe('axe on a real host', () => {
  for (const mode of MODES) {
    it(`finds no violation: ${mode.name}`, async () => {
      const found: string[] = [];
      for (const view of PAGES) {
        const { page } = await openPage(demo.browser, { width: mode.width, height: 900, colorScheme: mode.colorScheme });
        try {
          if (view.role) await page.context().setExtraHTTPHeaders({ 'x-test-user': view.role });
          const response = await page.goto(`${demo.host.url}/ops/jobs/${view.path}`);
          assert.equal(response?.status(), view.status, view.name);
          await view.ready(page);
          if (view.status === 200) await settled(page);
          found.push(...describeViolations(view.name, await violations(page)));
        } finally {
          await page.context().close();
        }
      }
      assert.deepEqual(found, []);
    });
  }
});
