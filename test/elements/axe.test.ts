// axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) on every view and state of the console, in light
// and dark, wide and at 390 px: zero violations. Dark comes from the operating system on wide pages
// and from the console's `theme` attribute on narrow ones, and each view is checked to follow it.
// Also: forced-colors mode keeps job states apart. Real bundle, real Chromium, a host on 127.0.0.1.
// Run in node with playwright-core rather than @web/test-runner: the views need the console's
// routing, lazy chunks, session and API as a host serves them, which a fixture page would fake.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { forbiddenPage, signedOutPage } from '../../core/http/status-pages.ts';
import { ALL_JOB_STATES } from '../../core/vocabulary/job-states.ts';
import { actionApi, auditRecords, PRUNED_JOB } from './support/action-fixtures.ts';
import { describeViolations, violations } from './support/axe.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { settled } from './support/console-page.ts';
import { deadLetterJobDetail, failedJobDetail, problem } from './support/fixtures.ts';
import { CHILD_QUEUE, FLOW_JOBS, flowApi, PARENT_QUEUE } from './support/flow-jobs.ts';
import { LARGE_JOBS, LARGE_QUEUE, largeJobsApi } from './support/large-jobs.ts';
import { startServer, type ApiHandler, type TestServer } from './support/server.ts';

const now = Date.now();
const { api: consoleApi } = actionApi(now);
const large = largeJobsApi();
const api: ApiHandler = (path, url, request) => (path.startsWith(`queues/${LARGE_QUEUE}/`) ? large(path, url, request) : consoleApi(path, url, request));
let browser: Browser;
let server: TestServer;

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** One view or state: where it is, how to bring it about, and what shows it is there. */
interface ViewState {
  readonly name: string;
  readonly path: string;
  /** Replaces the API while the state is checked. */
  readonly api?: ApiHandler;
  /** Brings the state about once the page has loaded; by default waits until the view settled. */
  readonly enter?: (page: Page) => Promise<void>;
}

const failed = failedJobDetail(now);
const withSession = (handler: (path: string) => ReturnType<ApiHandler> | undefined): ApiHandler => (path, url, request) => handler(path) ?? api(path, url, request);
let releaseLoading: () => void = () => {};

const STATES: readonly ViewState[] = [
  { name: 'queue list', path: '' },
  { name: 'no queues', path: '', api: withSession((path) => (path === 'queues' ? { body: { queues: [] } } : undefined)) },
  { name: 'all jobs of a queue', path: 'queues/email-send' },
  ...ALL_JOB_STATES.map((state) => ({ name: `${state} jobs`, path: `queues/email-send?state=${state}` })),
  { name: 'no jobs in a state', path: 'queues/email-send-dlq?state=cancelled' },
  { name: 'failed job', path: `queues/email-send/jobs/${failed.id}` },
  {
    name: "a queue's activity, one chart as a table", path: 'queues/email-send/activity',
    enter: async (page) => {
      await settled(page);
      await page.getByText('Show as a table').first().click();
    },
  },
  {
    name: 'a queue with no recorded activity', path: 'queues/email-send/activity',
    api: withSession((path) => (path.includes('/activity') ? { body: { queue: 'email-send', window: '24h', from: new Date(now - 86_400_000).toISOString(), to: new Date(now).toISOString(), bucketSeconds: 1800, points: [], recorded: false } } : undefined)),
  },
  { name: 'dead-lettered job, data too large, error hidden', path: `queues/email-send-dlq/jobs/${deadLetterJobDetail(now).id}` },
  { name: 'job with a cut 10,000-line stack', path: `queues/${LARGE_QUEUE}/jobs/${LARGE_JOBS.stack}` },
  {
    name: 'action dialog open', path: `queues/email-send/jobs/${failed.id}`,
    enter: async (page) => {
      await settled(page);
      await page.getByRole('group', { name: 'Actions on this job' }).getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Continue' }).waitFor();
    },
  },
  {
    name: 'bulk action dialog at the reason', path: 'queues/email-send?state=failed',
    enter: async (page) => {
      await settled(page);
      await page.getByRole('group', { name: /^Actions on jobs in / }).getByRole('button', { name: 'Retry all 127 failed jobs' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('dialog').getByRole('textbox', { name: /^Why retry/ }).waitFor();
    },
  },
  { name: 'audit log', path: 'audit' },
  { name: 'audit log, nothing found', path: 'audit?queue=nowhere' },
  { name: 'audit record', path: 'audit/1' },
  { name: 'pending audit record, outcome unknown', path: `audit/${auditRecords(now)[3]!.id}` },
  { name: 'job with progress, log lines and a parent', path: `queues/${CHILD_QUEUE}/jobs/${FLOW_JOBS.child}`, api: flowApi(now) },
  { name: 'parent job with children by outcome', path: `queues/${encodeURIComponent(PARENT_QUEUE)}/jobs/${FLOW_JOBS.parent}`, api: flowApi(now) },
  { name: 'job with progress as a value and hidden log lines', path: `queues/${CHILD_QUEUE}/jobs/${FLOW_JOBS.objectProgress}`, api: flowApi(now) },
  { name: 'job with hidden progress and no log lines', path: `queues/${CHILD_QUEUE}/jobs/${FLOW_JOBS.hiddenProgress}`, api: flowApi(now) },
  {
    name: 'loading skeleton', path: 'queues/email-send/jobs/' + failed.id,
    api: withSession((path) => (path.startsWith('queues/email-send/jobs/')
      ? new Promise((resolve) => (releaseLoading = () => resolve(problem(503, 'Released', 'The test moved on.'))))
      : undefined)),
    enter: (page) => page.locator('[aria-busy="true"]').first().waitFor(),
  },
  { name: 'error state', path: 'queues/email-send', api: withSession((path) => (path.startsWith('queues/email-send/jobs') ? problem(500, 'Internal Server Error', 'The engine did not answer.') : undefined)), enter: (page) => page.getByRole('alert').first().waitFor() },
  { name: 'no such job', path: 'queues/email-send/jobs/missing' },
  { name: 'a job only the audit log still names, with its chronology', path: `queues/${PRUNED_JOB.queue}/jobs/${PRUNED_JOB.id}`, enter: (page) => page.getByRole('heading', { name: 'What is not known' }).waitFor() },
  { name: "a queue's chronology", path: 'queues/email-send/chronology', enter: (page) => page.getByRole('heading', { name: 'What is not known' }).waitFor() },
  { name: "a schedule's chronology", path: 'queues/email-send/schedules/nightly-digest/chronology', enter: (page) => page.getByRole('heading', { name: 'What is not known' }).waitFor() },
  { name: 'a removed schedule\'s chronology', path: 'queues/invoice-sync/schedules/pulse/chronology', enter: (page) => page.getByRole('heading', { name: 'What is not known' }).waitFor() },
  { name: 'signed out in the console (401)', path: '', api: withSession((path) => (path === 'session' ? problem(401, 'Sign in required', 'No operator is signed in.') : undefined)), enter: (page) => page.getByRole('heading', { name: 'You are signed out' }).waitFor() },
  { name: 'not allowed in the console (403)', path: 'queues/email-send', api: withSession((path) => (path.startsWith('queues/email-send/jobs') ? problem(403, 'Not allowed', 'Billing queues are restricted to the finance team.') : undefined)), enter: (page) => page.getByRole('alert').first().waitFor() },
];

/** The server's own 401 and 403 pages, served in place of the console. */
const SERVER_PAGES: ReadonlyArray<[string, () => Promise<Response>]> = [
  ['401 page', () => signedOutPage('/login')],
  ['403 page', () => forbiddenPage('Guests may not open the jobs console.', { signOutUrl: '/logout', signInUrl: '/login' })],
];

const MODES = [
  { name: 'light, wide', width: 1440, colorScheme: 'light', theme: null, dark: false },
  { name: 'dark from the operating system, wide', width: 1440, colorScheme: 'dark', theme: null, dark: true },
  { name: 'light at 390 px', width: 390, colorScheme: 'light', theme: null, dark: false },
  { name: 'dark by the theme attribute at 390 px', width: 390, colorScheme: 'light', theme: 'dark', dark: true },
] as const;

async function enter(page: Page, state: ViewState, theme: string | null): Promise<void> {
  server.api = state.api ?? api;
  if (theme) await page.addInitScript((value) => {
    // The console's attribute, set as a host page would write it.
    new MutationObserver((_, observer) => {
      const element = document.querySelector('ops-jobs-console');
      if (element) {
        element.setAttribute('theme', value);
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, theme);
  await page.goto(server.url(state.path));
  await (state.enter ? state.enter(page) : settled(page));
}

/** The colour scheme the current view is drawn in. */
function viewScheme(page: Page): Promise<string> {
  return page.evaluate(() => {
    const console_ = document.querySelector('ops-jobs-console');
    const view = console_?.shadowRoot?.querySelector('main > *') ?? console_;
    return view ? getComputedStyle(view).colorScheme : '';
  });
}

describe('axe on every view and state', () => {
  for (const mode of MODES) {
    it(`finds no violation: ${mode.name}`, async () => {
      const found: string[] = [];
      for (const state of STATES) {
        const { page } = await openPage(browser, { width: mode.width, height: 900, colorScheme: mode.colorScheme });
        try {
          await enter(page, state, mode.theme);
          const scheme = await viewScheme(page);
          if (mode.theme) assert.equal(scheme, mode.theme, `${state.name} follows theme="${mode.theme}"`);
          else assert.match(scheme, /light dark|^normal$/, `${state.name} follows the operating system`);
          found.push(...describeViolations(state.name, await violations(page)));
        } finally {
          releaseLoading();
          await page.context().close();
        }
      }
      for (const [name, respond] of SERVER_PAGES) {
        const { page } = await openPage(browser, { width: mode.width, height: 900, colorScheme: mode.colorScheme });
        const response = await respond();
        await page.route(server.url('signed-out'), async (route) => route.fulfill({ status: response.status, contentType: 'text/html', body: await response.text() }));
        await page.goto(server.url('signed-out'));
        found.push(...describeViolations(name, await violations(page)));
        await page.context().close();
      }
      server.api = api;
      assert.deepEqual(found, []);
    });
  }
});

describe('forced colors', () => {
  it('keeps every job state apart on the job list: a bordered badge with its own label', async () => {
    const { page } = await openPage(browser, { width: 1440, height: 900 });
    await page.emulateMedia({ forcedColors: 'active' });
    server.api = api;
    await page.goto(server.url('queues/email-send'));
    await settled(page);
    const badges = await page.locator('ops-jobs-state-badge').evaluateAll((elements) => elements.map((element) => {
      const badge = element.shadowRoot!.querySelector<HTMLElement>('.badge')!;
      const dot = element.shadowRoot!.querySelector<HTMLElement>('.dot');
      const style = getComputedStyle(badge);
      return {
        state: element.getAttribute('state'),
        label: badge.innerText.trim(),
        border: style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) >= 1,
        dot: dot ? getComputedStyle(dot).backgroundColor : null,
        forced: matchMedia('(forced-colors: active)').matches,
      };
    }));
    assert.ok(badges.length > 20 && badges.every((badge) => badge.forced));
    const labels = new Map<string, string>();
    for (const badge of badges) {
      assert.ok(badge.border, `${badge.state} badge has a border`);
      assert.ok(badge.dot === null || badge.dot !== 'rgba(0, 0, 0, 0)', `${badge.state} badge keeps its dot`);
      labels.set(badge.state ?? '', badge.label);
    }
    assert.ok(labels.size >= 5, `${labels.size} states on the page`);
    assert.equal(new Set(labels.values()).size, labels.size, `each state its own label: ${[...labels.values()].join(', ')}`);
    assert.deepEqual(await violations(page), []);
    await page.context().close();
  });
});
