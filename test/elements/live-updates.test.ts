// Views kept current by the live stream in place: the overview's counts straight from events,
// the job list and job detail reloaded in the background when a change concerns them. Nothing an
// operator set up is lost: scroll position, ticked jobs, open sections, an open action dialog;
// and no loading state flashes.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import type { JobDetailResponse, JobSummaryResponse, LiveActionEvent, LiveQueuesEvent, QueueResponse } from '../../core/vocabulary/wire.ts';
import { actionApi, OPERATOR_SESSION } from './support/action-fixtures.ts';
import { launchChromium } from './support/browser.ts';
import { openConsole } from './support/console-page.ts';
import { failedJobDetail, jobsOf, problem, QUEUES, SESSION } from './support/fixtures.ts';
import { untilLive, watchForLoading } from './support/live-page.ts';
import type { ApiHandler } from './support/server.ts';
import { startServer, type TestServer } from './support/server.ts';

const now = Date.now();
let browser: Browser;
let server: TestServer;

/** Failed jobs that arrived in email-send since the page loaded, newest first. */
let arrived: JobSummaryResponse[] = [];
/** The state the newest failed job of email-send is in now, or null once it is deleted. */
let detailState: JobDetailResponse['state'] | null = 'failed';

function emailSend(): QueueResponse {
  const base = QUEUES.find((queue) => queue.name === 'email-send')!;
  return { ...base, counts: { ...base.counts, failed: base.counts.failed! + arrived.length }, total: base.total + arrived.length };
}

/** The action fixtures, with email-send's failed jobs and the opened job changing as the test says. */
function liveApi(session = OPERATOR_SESSION): ApiHandler {
  const base = actionApi(now, session).api;
  return (path, url, request) => {
    if (path === 'queues') return { body: { queues: QUEUES.map((queue) => (queue.name === 'email-send' ? emailSend() : queue)) } };
    if (path === 'queues/email-send') return { body: emailSend() };
    if (path.startsWith('queues/email-send/jobs?state=failed')) {
      const params = new URLSearchParams(url.search);
      const all = [...arrived, ...jobsOf('email-send', 'failed', now)];
      const limit = Number(params.get('limit') ?? 50);
      const offset = Number(params.get('cursor') ?? 0);
      return { body: { jobs: all.slice(offset, offset + limit), nextCursor: offset + limit < all.length ? String(offset + limit) : null } };
    }
    const detail = failedJobDetail(now);
    if (path === `queues/email-send/jobs/${detail.id}`) {
      return detailState ? { body: { ...detail, state: detailState } } : problem(404, 'Job not found', `There is no job ${detail.id} in this queue.`);
    }
    return base(path, url, request);
  };
}

function newFailedJob(n: number): JobSummaryResponse {
  const template = jobsOf('email-send', 'failed', now)[0]!;
  return { ...template, id: `0000000${n}-new0-4000-a000-000000000000`, createdAt: new Date(now + n * 1000).toISOString(), errorMessage: `new failure ${n}` };
}

function queuesEvent(...queues: QueueResponse[]): LiveQueuesEvent {
  return { at: new Date().toISOString(), queues };
}

function actionEvent(queue: string, jobIds: string[], action: LiveActionEvent['action'] = 'job.retry'): LiveActionEvent {
  return { at: new Date().toISOString(), action, queue, affected: jobIds.length, auditId: 'aud-live-1', actor: 'Sam Okafor', jobIds };
}

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: liveApi() });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => {
  arrived = [];
  detailState = 'failed';
  server.api = liveApi();
  server.live.restore();
});

async function openLive(path: string, size: { width?: number; height?: number } = {}): Promise<{ page: Page; errors: string[] }> {
  const opened = await openConsole(browser, server.url(path), size);
  await untilLive(opened.page, 'live');
  return opened;
}

const callsFrom = (start: number) => server.calls.slice(start);
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

async function untilCalled(start: number, path: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!callsFrom(start).includes(path)) {
    if (Date.now() > deadline) throw new Error(`no request for ${path} within ${timeoutMs} ms: ${callsFrom(start).join(', ')}`);
    await sleep(25);
  }
}

/** The local name of the element that has focus, through shadow roots. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.localName ?? '';
  });
}

describe('queue overview', () => {
  it('applies new counts from the stream in place, without a request, a loading state or a scroll jump', async () => {
    const { page, errors } = await openLive('', { height: 500 });
    try {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const scrolled = await scrollY(page);
      assert.ok(scrolled > 100, 'the page scrolls');
      const loading = await watchForLoading(page, 'ops-jobs-queue-list');
      const start = server.calls.length;
      arrived = [newFailedJob(1), newFailedJob(2), newFailedJob(3), newFailedJob(4)];
      server.live.broadcast('queues', queuesEvent(emailSend()), 'feed-1');
      await page.getByRole('link', { name: '131 failed in email-send' }).waitFor();
      assert.match(await page.locator('.tile.alarm').innerText(), /153/);
      assert.deepEqual(callsFrom(start), [], 'counts come from the event itself');
      assert.equal(await scrollY(page), scrolled);
      assert.deepEqual(await loading(), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.context().close();
    }
  });

  it('reloads quietly when a queue it does not know yet appears', async () => {
    const { page } = await openLive('');
    try {
      const loading = await watchForLoading(page, 'ops-jobs-queue-list');
      const start = server.calls.length;
      const fresh: QueueResponse = { name: 'brand-new', counts: { queued: 1 }, total: 1, stale: {}, deadLetterQueue: null, settings: { policy: 'standard', retryLimit: 3 } };
      server.live.broadcast('queues', queuesEvent(fresh), 'feed-2');
      await untilCalled(start, 'queues');
      assert.deepEqual(await loading(), []);
    } finally {
      await page.context().close();
    }
  });
});

describe('job list', () => {
  it('reloads every row shown when its queue changes, keeping the scroll position and the ticked jobs', async () => {
    const { page, errors } = await openLive('queues/email-send?state=failed', { height: 700 });
    try {
      await page.getByRole('button', { name: 'Load 50 more' }).click();
      await page.locator('tbody tr').nth(99).waitFor();
      const rows = page.locator('ops-jobs-job-list tbody tr');
      const picked = [await rows.nth(2).locator('td.id a').getAttribute('title'), await rows.nth(70).locator('td.id a').getAttribute('title')];
      const firstShown = await rows.nth(0).locator('td.id a').getAttribute('title');
      await rows.nth(2).getByRole('checkbox').check();
      await rows.nth(70).getByRole('checkbox').check();
      await rows.nth(70).scrollIntoViewIfNeeded();
      const scrolled = await scrollY(page);
      const loading = await watchForLoading(page, 'ops-jobs-job-list');

      const start = server.calls.length;
      arrived = [newFailedJob(1)];
      server.live.broadcast('queues', queuesEvent(emailSend()), 'feed-3');
      server.live.broadcast('action', actionEvent('email-send', [picked[0]!]), 'feed-4');
      await page.getByRole('button', { name: '1 new job' }).waitFor();
      await sleep(400);
      assert.deepEqual(callsFrom(start).sort(), ['queues/email-send', 'queues/email-send/jobs?state=failed&limit=1&cursor=100', 'queues/email-send/jobs?state=failed&limit=100'],
        'one reload of the counts and of every row shown, for both changes, and of the one row the new job pushed down');
      assert.equal(await rows.count(), 100, 'the new job is held back');
      assert.equal(await rows.nth(0).locator('td.id a').getAttribute('title'), firstShown);
      assert.equal(await page.locator('tbody tr td.error', { hasText: 'new failure 1' }).count(), 0);
      assert.match(await page.locator('.footer').innerText(), /Showing 100 of 128 jobs/);
      assert.match(await page.locator('.states a[aria-current="page"]').innerText(), /128/);
      for (const id of picked) assert.equal(await page.locator(`tbody tr:has(a[title="${id}"]) input[type="checkbox"]`).isChecked(), true, `job ${id} stays ticked`);
      assert.match(await page.getByRole('group', { name: 'Actions on jobs in email-send' }).innerText(), /2 selected/);
      assert.equal(await scrollY(page), scrolled, 'the page stays where the operator scrolled it');
      assert.equal(await page.locator('ops-jobs-job-list [role="status"]').last().innerText(), '1 new job', 'said politely');
      assert.deepEqual(await loading(), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.context().close();
    }
  });

  it('holds back new jobs while the operator reads lower down, and brings them in from the keyboard', async () => {
    const { page, errors } = await openLive('queues/email-send?state=failed', { height: 600 });
    try {
      const rows = page.locator('ops-jobs-job-list tbody tr');
      await rows.nth(30).scrollIntoViewIfNeeded();
      const scrolled = await scrollY(page);
      const reading = await rows.nth(30).locator('td.id a').getAttribute('title');
      const top = await rows.nth(30).evaluate((row) => row.getBoundingClientRect().top);

      arrived = [newFailedJob(1)];
      server.live.broadcast('queues', queuesEvent(emailSend()), 'feed-12');
      await page.getByRole('button', { name: '1 new job' }).waitFor();
      arrived = [newFailedJob(3), newFailedJob(2), newFailedJob(1)];
      server.live.broadcast('queues', queuesEvent(emailSend()), 'feed-13');
      const bar = page.getByRole('button', { name: '3 new jobs' });
      await bar.waitFor();
      assert.equal(await rows.count(), 50);
      assert.equal(await rows.nth(30).locator('td.id a').getAttribute('title'), reading, 'the row read stays where it was');
      assert.equal(await rows.nth(30).evaluate((row) => row.getBoundingClientRect().top), top);
      assert.equal(await scrollY(page), scrolled);
      const box = await bar.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 600, 'the bar is in sight where the operator reads');

      await bar.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: /new job/ }).waitFor({ state: 'detached' });
      assert.equal(await rows.count(), 53);
      assert.match(await rows.nth(0).locator('td.error').innerText(), /new failure 3/);
      assert.equal(await focused(page), 'a', 'focus goes to the first new job');
      assert.equal(await page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active?.getAttribute('title');
      }), newFailedJob(3).id);
      assert.deepEqual(errors, []);
    } finally {
      await page.context().close();
    }
  });

  it('keeps an open action dialog, its reason and focus while the list behind it reloads', async () => {
    const { page } = await openLive('queues/email-send?state=failed');
    try {
      const rows = page.locator('ops-jobs-job-list tbody tr');
      await rows.nth(0).getByRole('checkbox').check();
      await rows.nth(1).getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Retry 2 selected' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Continue' }).click();
      const reason = dialog.getByRole('textbox', { name: /^Why retry/ });
      await reason.fill('Provider is back up');

      const start = server.calls.length;
      arrived = [newFailedJob(2)];
      server.live.broadcast('queues', queuesEvent(emailSend()), 'feed-5');
      await page.locator('tbody tr td.error', { hasText: 'new failure 2' }).waitFor();
      assert.ok(callsFrom(start).includes('queues/email-send/jobs?state=failed&limit=50'));
      assert.equal(await dialog.isVisible(), true);
      assert.equal(await reason.inputValue(), 'Provider is back up');
      assert.equal(await focused(page), 'textarea');
      assert.match(await page.getByRole('group', { name: 'Actions on jobs in email-send' }).innerText(), /2 selected/);
    } finally {
      await page.context().close();
    }
  });

  it('ignores changes to other queues', async () => {
    const { page } = await openLive('queues/email-send?state=failed');
    try {
      const start = server.calls.length;
      server.live.broadcast('queues', queuesEvent(QUEUES.find((queue) => queue.name === 'invoice-sync')!), 'feed-6');
      server.live.broadcast('action', actionEvent('invoice-sync', ['x']), 'feed-7');
      await sleep(700);
      assert.deepEqual(callsFrom(start), []);
    } finally {
      await page.context().close();
    }
  });

  it('keeps the ticked jobs and shows no loading state while polling', async () => {
    server.live.handler = (client) => void client.accept().ready({ heartbeatSeconds: 1, pollIntervalMs: 500 });
    const { page } = await openLive('queues/email-send?state=failed');
    try {
      await page.locator('ops-jobs-job-list tbody tr').nth(3).getByRole('checkbox').check();
      const loading = await watchForLoading(page, 'ops-jobs-job-list');
      await untilLive(page, 'polling', 6_000);
      const start = server.calls.length;
      arrived = [newFailedJob(3)];
      await untilCalled(start, 'queues/email-send/jobs?state=failed&limit=50', 5_000);
      await page.locator('tbody tr td.error', { hasText: 'new failure 3' }).waitFor();
      assert.equal(await page.locator('ops-jobs-job-list tbody tr').nth(4).getByRole('checkbox').isChecked(), true, 'the same job, one row down');
      assert.deepEqual(await loading(), []);
    } finally {
      await page.context().close();
    }
  });
});

describe('job detail', () => {
  it('reloads in place when an action touched the job, keeping open sections; other changes leave it alone', async () => {
    server.api = liveApi(SESSION);
    const job = failedJobDetail(now);
    const { page, errors } = await openLive(`queues/email-send/jobs/${job.id}`);
    try {
      await page.getByText('Options', { exact: true }).click();
      await page.getByRole('region', { name: 'Options' }).waitFor();
      const loading = await watchForLoading(page, 'ops-jobs-job-detail');
      const start = server.calls.length;
      const path = `queues/email-send/jobs/${job.id}`;

      server.live.broadcast('action', actionEvent('email-send', ['some-other-job']), 'feed-8');
      server.live.broadcast('queues', queuesEvent(QUEUES.find((queue) => queue.name === 'invoice-sync')!), 'feed-9');
      await sleep(700);
      assert.deepEqual(callsFrom(start), [], 'changes to other jobs and queues load nothing');

      detailState = 'queued';
      server.live.broadcast('action', actionEvent('email-send', [job.id]), 'feed-10');
      await page.locator('ops-jobs-job-detail .title [part="badge"]', { hasText: 'Queued' }).waitFor();
      assert.deepEqual(callsFrom(start), [path]);
      assert.equal(await page.getByRole('region', { name: 'Options' }).isVisible(), true, 'Options stays open');
      assert.deepEqual(await loading(), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.context().close();
    }
  });

  it('says so when another operator deleted the job, and stays Live: the server answered', async () => {
    server.api = liveApi(SESSION);
    const job = failedJobDetail(now);
    const { page } = await openLive(`queues/email-send/jobs/${job.id}`);
    try {
      detailState = null;
      server.live.broadcast('action', actionEvent('email-send', [job.id], 'job.delete'), 'feed-11');
      await page.getByRole('heading', { name: 'No such job' }).waitFor();
      assert.equal(await page.locator('ops-jobs-console [part="live"]').getAttribute('data-state'), 'live');
    } finally {
      await page.context().close();
    }
  });
});
