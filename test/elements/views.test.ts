// Each view rendered from API data: the overview, a queue's jobs, a job's detail with hidden,
// truncated and large values, views placed alone in a host page, and the theme override.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage } from './support/browser.ts';
import { deepText, heading, openConsole, settled, texts } from './support/console-page.ts';
import { deadLetterJobDetail, failedJobDetail, fixtureApi, jobId, SESSION } from './support/fixtures.ts';
import { startServer, type TestServer } from './support/server.ts';

const now = Date.now();
let browser: Browser;
let server: TestServer;

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: fixtureApi(now) });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('queue overview', () => {
  it('shows counts by state per queue, failed first and loud, with totals and dead letter links', async () => {
    const { page, errors } = await openConsole(browser, server.url());
    assert.deepEqual(await texts(page, 'ops-jobs-queue-list tbody .queue-name'), [
      'email-send',
      'email-send-dlq',
      'image-resize',
      'invoice-sync',
      'reports/daily',
      'webhook-deliver',
    ]);
    assert.deepEqual((await texts(page, 'thead th')).slice(0, 3), ['QUEUE', 'FAILED', 'QUEUED']);
    assert.deepEqual(await texts(page, '.failed-count'), ['127', '19', '3']);
    assert.equal(await page.locator('.failed-count').first().getAttribute('href'), server.url('queues/email-send?state=failed'));
    assert.equal(await page.getByRole('link', { name: '127 failed in email-send' }).count(), 1);
    assert.match((await texts(page, '.tile.alarm'))[0]!, /FAILED 149 in 3 of 6 queues/);
    assert.equal(await page.getByRole('link', { name: 'Dead letter queue email-send-dlq' }).getAttribute('href'), server.url('queues/email-send-dlq'));
    assert.equal(await page.locator('td.total').first().innerText(), '49,595');
    // A dead letter queue's waiting jobs are dead letters to look at, not a quiet backlog.
    const deadLetters = page.getByRole('link', { name: '13 dead letters waiting in email-send-dlq' });
    assert.equal(await deadLetters.getAttribute('class'), 'dead-count');
    assert.equal(await deadLetters.getAttribute('href'), server.url('queues/email-send-dlq?state=queued'));
    assert.deepEqual(await texts(page, '.dead-count'), ['13']);
    await page.getByText('Dead letters from email-send', { exact: true }).waitFor();
    assert.notEqual(await page.locator('.dead-count').evaluate((link) => getComputedStyle(link).backgroundColor),
      await page.getByRole('link', { name: /^1,204 queued in email-send/ }).evaluate((link) => getComputedStyle(link).backgroundColor));
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('leads with what needs attention, each finding with one sentence and its next step', async () => {
    const { page, errors } = await openConsole(browser, server.url());
    const panel = page.getByRole('region', { name: 'Needs attention' });
    await panel.waitFor();
    assert.deepEqual(await texts(page, 'ops-jobs-attention .queue'), ['webhook-deliver', 'email-send', 'invoice-sync', 'email-send-dlq']);
    assert.match(await panel.innerText(), /42 jobs failed in the last 5 min, against 6 in the 5 min before\./);
    assert.match(await panel.innerText(), /310 jobs are ready; the oldest has waited 18 min/);
    assert.equal(await panel.getByRole('link', { name: 'See failed jobs' }).getAttribute('href'), server.url('queues/email-send?state=failed'));
    assert.equal(await panel.getByRole('link', { name: 'See dead letters' }).getAttribute('href'), server.url('queues/email-send-dlq?state=queued'));
    assert.equal(await panel.locator('.checked ops-jobs-relative-time').getAttribute('datetime'), new Date(now - 12_000).toISOString(), 'the age of the diagnosis');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('says plainly when nothing needs attention, and what the engine cannot tell', async () => {
    const { page } = await openPage(browser);
    server.api = (path, url) => (path === 'attention'
      ? { body: { checkedAt: new Date(now - 5_000).toISOString(), findings: [], unchecked: ['overdue', 'backlog'] } }
      : fixtureApi(now)(path, url));
    try {
      await page.goto(server.url());
      await settled(page);
      const panel = page.getByRole('region', { name: 'Nothing needs attention' });
      await panel.waitFor();
      assert.match(await panel.innerText(), /This engine cannot tell the console about running jobs past their expiry and backlogs\./);
      assert.equal(await page.locator('ops-jobs-attention li').count(), 0);
    } finally {
      server.api = fixtureApi(now);
      await page.context().close();
    }
  });

  it('does not link to jobs the operator may not view', async () => {
    const { page } = await openPage(browser);
    server.api = (path, url) =>
      path === 'session' ? { body: { ...SESSION, permissions: { ...SESSION.permissions, 'jobs.view': false } } } : fixtureApi(now)(path, url);
    try {
      await page.goto(server.url());
      await settled(page);
      assert.equal(await page.locator('ops-jobs-queue-list tbody a').count(), 0);
      assert.deepEqual(await texts(page, '.failed-count'), ['127', '19', '3']);
      await page.getByText('You may see counts, not jobs').waitFor();
    } finally {
      server.api = fixtureApi(now);
      await page.context().close();
    }
  });

  it('has an empty state', async () => {
    const { page } = await openPage(browser);
    server.api = (path) => (path === 'queues' ? { body: { queues: [] } } : fixtureApi(now)(path, new URL('http://x')));
    try {
      await page.goto(server.url());
      await settled(page);
      await page.getByText('No queues yet').waitFor();
    } finally {
      server.api = fixtureApi(now);
      await page.context().close();
    }
  });
});

describe('job flow', () => {
  it("draws the job's flow, each step a link, and says in words why waiting steps wait", async () => {
    const { page, errors } = await openConsole(browser, server.url(`queues/email-send/jobs/${jobId('email-send', 6)}`));
    const flow = page.locator('ops-jobs-job-flow');
    await flow.getByRole('heading', { name: /Flow/ }).waitFor();
    const steps = flow.getByRole('group', { name: '4 steps, each after the steps it waits on' }).getByRole('link');
    assert.equal(await steps.count(), 4);
    const here = flow.locator('a[aria-current="page"]');
    assert.equal(await here.getAttribute('aria-label'), 'email-send 3d75ca44 · Failed, this job');
    // Left to right: the step it waited on, this job, then the steps that wait on it.
    const xs = await flow.locator('a.step rect:first-of-type').evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('x'))));
    assert.deepEqual([...xs].sort((a, b) => a - b), [0, 224, 448, 672]);
    assert.equal(await flow.locator('path.edge').count(), 3);
    const reasons = await flow.getByRole('list', { name: 'Why steps wait' }).innerText();
    assert.match(reasons, /invoice-sync job \w{8} waits for email-send job 3d75ca44, which failed \(upstream 503/);
    assert.match(reasons, /reports\/daily job \w{8} waits for invoice-sync job \w{8}, which is blocked\./);
    await flow.getByRole('link', { name: /^image-resize \w{8} · Completed$/ }).click();
    await page.waitForURL(/\/queues\/image-resize\/jobs\//);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows nothing for a job in no flow', async () => {
    const { page, errors } = await openConsole(browser, server.url(`queues/email-send/jobs/${jobId('email-send', 16)}`));
    await page.locator('ops-jobs-job-detail').getByRole('heading', { name: 'Data' }).waitFor();
    await page.waitForFunction(() => customElements.get('ops-jobs-job-flow') !== undefined);
    assert.equal(await page.locator('ops-jobs-job-flow section').count(), 0);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

describe('queue activity', () => {
  it("is reached from the queue's page and draws each figure as a chart with the same figures as a table", async () => {
    const { page, errors } = await openConsole(browser, server.url('queues/email-send'));
    await page.getByRole('link', { name: 'Activity and settings' }).click();
    await page.waitForURL(server.url('queues/email-send/activity'));
    await settled(page);
    assert.equal(await page.title(), 'Activity · email-send · Jobs');
    const view = page.locator('ops-jobs-queue-activity');
    // The charts come in a chunk of their own, which may still be loading when the page has settled.
    await view.locator('figcaption').first().waitFor();
    assert.deepEqual(await texts(page, 'ops-jobs-queue-activity figcaption'), ['Jobs per minute', 'Waited before running', 'Ran for', 'Oldest ready job had waited']);
    const throughput = view.getByRole('img', { name: /^Jobs per minute\./ });
    assert.match((await throughput.getAttribute('aria-label')) ?? '', /Failed: latest 0\.5\/min, highest 9\/min/);
    assert.equal(await view.locator('figure').first().locator('path.line').count(), 3);
    assert.match((await view.locator('path.failed').getAttribute('d')) ?? '', /^M [\d.]+ [\d.]+ L .* M /, 'the unrecorded stretch leaves a gap');
    await view.getByText('Show as a table').first().click();
    const table = view.getByRole('table', { name: 'Jobs per minute' });
    assert.equal(await table.locator('tbody tr').count(), 47);
    assert.deepEqual(await table.locator('thead th').allTextContents(), ['Until', 'Made', 'Completed', 'Failed']);
    assert.match(await view.getByRole('region', { name: 'Settings' }).innerText(), /Retry limit\s+3/);

    await view.getByRole('button', { name: 'Last hour' }).click();
    await view.locator('.note', { hasText: 'Per 1 min' }).waitFor();
    assert.equal(await view.getByRole('button', { name: 'Last hour' }).getAttribute('aria-pressed'), 'true');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('says plainly when the engine recorded no history of the queue', async () => {
    const { page } = await openPage(browser);
    server.api = (path, url) => (path.includes('/activity')
      ? { body: { queue: 'email-send', window: '24h', from: new Date(now - 86_400_000).toISOString(), to: new Date(now).toISOString(), bucketSeconds: 1800, points: [], recorded: false } }
      : fixtureApi(now)(path, url));
    try {
      await page.goto(server.url('queues/email-send/activity'));
      await settled(page);
      await page.getByText('No history of this queue').waitFor();
      assert.match(await page.locator('ops-jobs-queue-activity .empty').innerText(), /persistQueueStats: true/);
    } finally {
      server.api = fixtureApi(now);
      await page.context().close();
    }
  });
});

describe('job list', () => {
  it('lists jobs with state badges, attempts, times and error excerpts, and state tabs with counts', async () => {
    const { page, errors } = await openConsole(browser, server.url('queues/email-send?state=failed'));
    assert.equal(await page.locator('tbody tr').count(), 50);
    const first = page.locator('tbody tr').first();
    assert.equal(await first.locator('td.id a').innerText(), jobId('email-send', 6).slice(0, 8));
    assert.equal(await first.locator('ops-jobs-state-badge [part="badge"]').innerText(), 'Failed');
    assert.equal(await first.locator('.attempts').innerText(), '3 / 3');
    assert.equal(await first.locator('td.error').innerText(), 'upstream 503 while calling https://smtp.example.test/v3/send');
    const created = first.locator('td.time time').first();
    assert.match((await created.getAttribute('title')) ?? '', /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d:\d\d [AP]M UTC$/, 'the exact time, with its zone');
    assert.match((await created.textContent()) ?? '', /^\dm ago, [A-Z][a-z]{2} \d{1,2}, \d{4}, [\d:]+ [AP]M UTC$/, 'read out with the exact time');
    assert.equal(await created.locator('.exact').evaluate((node) => node.getBoundingClientRect().width <= 1), true, 'which is not shown in the table');

    const tabs = await texts(page, '.states a');
    assert.deepEqual(tabs, ['All 49,595', 'Queued 1,204', 'Scheduled 40', 'Active 8', 'Retrying 3', 'Completed 48,211', 'Failed 127', 'Cancelled 2']);
    assert.equal(await page.locator('.states a[aria-current="page"]').count(), 1);
    assert.match(await page.locator('.footer').innerText(), /Showing 50 of 127 jobs/);
    assert.equal(await page.getByRole('link', { name: 'email-send-dlq' }).getAttribute('href'), server.url('queues/email-send-dlq'), 'dead letters wait queued, not failed');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows in a dead letter queue where each job came from and the failure that sent it', async () => {
    const { page, errors } = await openConsole(browser, server.url('queues/email-send-dlq?state=queued'));
    const first = page.locator('tbody tr').first();
    assert.equal(await first.locator('ops-jobs-state-badge [part="badge"]').innerText(), 'Queued');
    assert.equal(await first.locator('td.state .origin').innerText(), 'from email-send');
    assert.equal(await first.locator('td.error').innerText(), 'upstream 503 while calling https://smtp.example.test/v3/send');
    assert.equal(await page.getByRole('link', { name: 'email-send', exact: true }).getAttribute('href'), server.url('queues/email-send?state=failed'));
    await page.getByText(/Dead letters from/).waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('says when a state has no jobs', async () => {
    const { page } = await openConsole(browser, server.url('queues/image-resize?state=failed'));
    await page.getByText('No failed jobs').waitFor();
    await page.getByRole('link', { name: 'Show jobs in every state' }).click();
    await page.waitForURL(server.url('queues/image-resize'));
    await page.context().close();
  });
});

describe('counts that are not exact', () => {
  it('marks a cached count as about, says when it was taken and what it includes, in words too', async () => {
    const { page } = await openConsole(browser, server.url());
    const row = page.locator('ops-jobs-queue-list tbody tr', { hasText: 'webhook-deliver' });
    assert.equal(await row.locator('td[data-label="Completed"] a').innerText(), '≈130,877');
    assert.match(await row.locator('td[data-label="Completed"] a').getAttribute('aria-label') ?? '', /130,877 completed in webhook-deliver \(about: counted \S+ ago \([A-Z][a-z]{2} \d{1,2}, \d{4}, [\d:]+ [AP]M UTC\), including cancelled\)/);
    assert.match(await row.locator('td[data-label="Cancelled"]').innerText(), /Counted with completed/);
    assert.equal(await row.locator('td.total').innerText(), '≈130,972');
    assert.match(await page.locator('.stale-note').innerText(), /About: the engine's own count from .+ ago/);
    // Exact figures stay plain.
    assert.equal(await page.locator('td.total').first().innerText(), '49,595');
    await page.context().close();
  });
});

describe('signed out', () => {
  it("offers the host's sign-in page when the server names it", async () => {
    const { page } = await openPage(browser);
    server.api = (path, url) => (path === 'queues'
      ? { status: 401, body: { type: 'urn:ops-jobs:problem:unauthenticated', title: 'Sign in required', status: 401, detail: 'No operator is signed in for this request.', signIn: './../../login' } }
      : fixtureApi(now)(path, url));
    try {
      await page.goto(server.url());
      await page.getByText('You are signed out').waitFor();
      const link = page.getByRole('link', { name: 'Sign in' });
      assert.equal(await link.getAttribute('href'), new URL('/login', server.url()).href);
    } finally {
      server.api = fixtureApi(now);
      await page.context().close();
    }
  });
});

describe('a listing the server stopped early', () => {
  it('asks on by itself to fill the page, then offers to keep looking', async () => {
    const { page } = await openPage(browser);
    const asked: string[] = [];
    server.api = (path, url) => {
      if (/^queues\/image-resize\/jobs/.test(path)) {
        asked.push(url.searchParams.get('cursor') ?? 'first');
        const round = asked.length;
        return { body: { jobs: [], nextCursor: `walk-${round}`, stoppedEarly: true } };
      }
      return fixtureApi(now)(path, url);
    };
    try {
      await page.goto(server.url('queues/image-resize?state=cancelled'));
      await settled(page);
      await page.getByText('No cancelled jobs among the newest jobs yet').waitFor();
      assert.deepEqual(asked, ['first', 'walk-1', 'walk-2', 'walk-3']);
      await page.getByRole('button', { name: 'Keep looking' }).click();
      for (let wait = 0; wait < 50 && asked.length < 8; wait++) await page.waitForTimeout(100);
      assert.deepEqual(asked.slice(4), ['walk-4', 'walk-5', 'walk-6', 'walk-7']);
    } finally {
      server.api = fixtureApi(now);
      await page.context().close();
    }
  });
});

describe('job detail', () => {
  it('shows the header, timeline, error with its stack, data, hidden output and lazy options', async () => {
    const job = failedJobDetail(now);
    const { page, errors } = await openConsole(browser, server.url(`queues/email-send/jobs/${job.id}`));
    assert.equal(await page.locator('ops-jobs-job-detail .title [part="badge"]').innerText(), 'Failed');
    assert.equal(await page.locator('.id-value').innerText(), job.id);
    // The copy button's code loads on first use: wait for it, then count.
    await page.getByRole('button', { name: 'Copy job ID' }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Copy job ID' }).count(), 1);
    assert.equal(await page.locator('.facts').getByRole('link', { name: 'email-send' }).getAttribute('href'), server.url('queues/email-send'));
    assert.match(await page.locator('.facts').innerText(), /ATTEMPTS\s+3 of 3/);

    assert.equal(await page.locator('[part="headline"]').innerText(), 'Error: upstream 503 while calling https://smtp.example.test/v3/send');
    const stack = await page.getByRole('region', { name: 'Stack trace' }).innerText();
    assert.match(stack, /at SmtpClient\.send \(\/srv\/app\/src\/mail\/smtp-client\.ts:88:13\)/);
    assert.equal(await page.locator('[part="stack"] .lib').count(), 2);
    assert.match(await page.getByRole('region', { name: 'Error details' }).innerText(), /"status": 503/);

    assert.match(await page.getByRole('region', { name: 'Data' }).innerText(), /"invoice": \{\n\s+"id": "INV-2026-00917"/);
    assert.match(await deepText(page.locator('section', { has: page.getByRole('heading', { name: 'Output' }) })), /Hidden by display policy/);

    assert.equal(await page.getByRole('region', { name: 'Options' }).count(), 0, 'options render only when opened');
    await page.locator('summary', { hasText: 'Options' }).click();
    assert.match(await page.getByRole('region', { name: 'Options' }).innerText(), /"deadLetter": "email-send-dlq"/);

    assert.deepEqual(await texts(page, 'ops-jobs-job-timeline .label'), ['Created', 'Started', 'Failed', 'Kept until']);
    assert.match(await deepText(page.locator('ops-jobs-job-timeline')), /waited 740 ms/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('marks truncated and hidden values and links a dead letter to where it came from', async () => {
    const job = deadLetterJobDetail(now);
    const { page } = await openConsole(browser, server.url(`queues/email-send-dlq/jobs/${job.id}`));
    const data = page.locator('section', { has: page.getByRole('heading', { name: 'Data' }) });
    assert.match(await data.locator('[part="notice"]').innerText(), /Too large to send whole \(3\.5 MB\)\. Showing its first 1,200 characters\./);
    assert.match(await data.locator('pre').innerText(), /^\{"to":"bulk@example\.test"/);
    assert.match(await deepText(page.locator('section', { has: page.getByRole('heading', { name: 'Error' }) })), /Hidden by display policy/);
    const origin = page.getByRole('link', { name: /^job \w{8} in email-send$/ });
    assert.equal(await origin.getAttribute('href'), server.url(`queues/email-send/jobs/${jobId('email-send', 6)}`));
    await origin.click();
    await page.waitForURL(server.url(`queues/email-send/jobs/${jobId('email-send', 6)}`));
    await settled(page);
    assert.equal(await heading(page), `Job ${jobId('email-send', 6).slice(0, 8)}`);
    await page.context().close();
  });

  it('never puts a large value whole into the page', async () => {
    const job = failedJobDetail(now);
    const big = { rows: Array.from({ length: 40_000 }, (_, i) => ({ i, name: `row-${i}`, payload: 'z'.repeat(40) })) };
    const { page } = await openPage(browser);
    server.api = (path, url) => (path.includes('/jobs/') ? { body: { ...job, data: { value: big } } } : fixtureApi(now)(path, url));
    try {
      await page.goto(server.url(`queues/email-send/jobs/${job.id}`));
      await settled(page);
      const region = page.getByRole('region', { name: 'Data' });
      const shown = (await region.innerText()).length;
      assert.ok(shown <= 20_100, `rendered ${shown} characters`);
      assert.match(await deepText(page.locator('ops-jobs-json-viewer', { has: region })), /showing 20,000 of [\d,]+ characters/);
      await page.getByRole('button', { name: /^Show more/ }).click();
      const more = (await region.innerText()).length;
      assert.ok(more > shown && more <= 40_100, `rendered ${more} characters after "Show more"`);
    } finally {
      server.api = fixtureApi(now);
      await page.context().close();
    }
  });
});

describe('views alone in a host page', () => {
  it('render with their own root and link under the mount', async () => {
    const { page, errors } = await openPage(browser);
    const url = server.fixture('alone', '<main><ops-jobs-job-list root="../" queue="invoice-sync" state="failed"></ops-jobs-job-list></main>');
    await page.goto(url);
    await page.locator('tbody tr').first().waitFor();
    assert.equal(await page.locator('tbody tr').count(), 3);
    const href = await page.locator('td.id a').first().getAttribute('href');
    assert.ok(href?.startsWith(server.url('queues/invoice-sync/jobs/')), href ?? '');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('small elements work on their own', async () => {
    const { page } = await openPage(browser);
    await page.goto(server.fixture('small', '<ops-jobs-state-badge state="retrying"></ops-jobs-state-badge><ops-jobs-relative-time datetime="2020-01-01T00:00:00Z" format="exact"></ops-jobs-relative-time>'));
    await page.locator('ops-jobs-state-badge').getByText('Retrying').waitFor();
    assert.equal(await page.locator('ops-jobs-state-badge [part="badge"]').getAttribute('title'), 'Failed an attempt and waiting to be tried again');
    assert.equal(await page.locator('ops-jobs-relative-time time').getAttribute('datetime'), '2020-01-01T00:00:00.000Z');
    await page.context().close();
  });
});

describe('theme', () => {
  it('follows the operating system unless the theme attribute says otherwise', async () => {
    const background = (selector: string) => async (page: import('playwright-core').Page) =>
      page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);
    const { page } = await openConsole(browser, server.url(), { colorScheme: 'dark' });
    const dark = await background('ops-jobs-console')(page);
    await page.locator('ops-jobs-console').evaluate((el) => el.setAttribute('theme', 'light'));
    const forcedLight = await background('ops-jobs-console')(page);
    assert.notEqual(dark, forcedLight);
    assert.equal(await page.locator('ops-jobs-queue-list').getAttribute('theme'), 'light');
    assert.equal(await page.locator('ops-jobs-queue-list').evaluate((el) => getComputedStyle(el).colorScheme), 'light');
    await page.context().close();

    const light = await openPage(browser, { colorScheme: 'light' });
    await light.page.goto(server.url());
    await settled(light.page);
    assert.equal(await background('ops-jobs-console')(light.page), forcedLight);
    await light.page.locator('ops-jobs-console').evaluate((el) => el.setAttribute('theme', 'dark'));
    assert.equal(await background('ops-jobs-console')(light.page), dark);
    await light.page.context().close();
  });
});
