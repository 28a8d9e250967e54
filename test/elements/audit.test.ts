// The audit log in the console: records newest first, filters in the request and the URL, paging,
// export links, one record in full, a job's history, and who sees any of it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PENDING_OUTCOME_NOTE } from '../../core/vocabulary/audit-outcomes.ts';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { actionApi, auditRecords, OPERATOR_SESSION, sessionWith } from './support/action-fixtures.ts';
import { launchChromium } from './support/browser.ts';
import { deepText, heading, openConsole, settled, texts } from './support/console-page.ts';
import { failedJobDetail } from './support/fixtures.ts';
import { startServer, type TestServer } from './support/server.ts';

const now = Date.now();
const records = auditRecords(now);
const job = failedJobDetail(now);
let browser: Browser;
let server: TestServer;

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: actionApi(now).api });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Serves the action API for `session` and opens the console at `path`. */
function open(path: string, session: SessionResponse = OPERATOR_SESSION): Promise<{ page: Page; errors: string[] }> {
  server.api = actionApi(now, session).api;
  return openConsole(browser, server.url(path));
}

const auditCalls = () => server.calls.filter((call) => call === 'audit' || call.startsWith('audit?'));
const rows = (page: Page) => page.locator('ops-jobs-audit-log tbody tr:not(.note-row)');

describe('audit log', () => {
  it('lists records newest first: when, who, what, where, how many, outcome and why', async () => {
    const { page, errors } = await open('audit');
    assert.equal(await heading(page), 'Audit log');
    assert.equal(await page.title(), 'Audit log · Jobs');
    assert.equal(await rows(page).count(), 50);
    assert.deepEqual(await texts(page, 'ops-jobs-audit-log thead th'), ['WHEN', 'OPERATOR', 'ACTION', 'QUEUE', 'JOBS', 'OUTCOME', 'REASON']);
    const first = rows(page).first();
    assert.match(await deepText(first), /4m ago\s+Dana Whitfield\s+Retry\s+email-send\s+Job \w{8}\s+selected\s+Succeeded\s+Provider outage INC-2291/);
    assert.equal(await first.getByRole('link', { name: `Job ${job.id}` }).getAttribute('href'), server.url(`queues/email-send/jobs/${job.id}`));
    assert.equal(await first.getByRole('link', { name: 'email-send', exact: true }).getAttribute('href'), server.url('queues/email-send'));
    assert.equal(await first.getByRole('link', { name: 'Records by Dana Whitfield' }).getAttribute('href'), server.url('audit?actor=u-1042'));
    assert.equal(await first.getByRole('link', { name: /^Retry in email-send, .+: record details$/ }).getAttribute('href'), server.url(`audit/${records[0]!.id}`));

    const many = rows(page).nth(1);
    assert.match(await deepText(many), /10 jobs\s+all queued/);
    assert.equal(await many.getByRole('link', { name: '10 jobs: list of jobs' }).getAttribute('href'), server.url(`audit/${records[1]!.id}`));
    const pending = rows(page).nth(3);
    assert.equal(await deepText(pending.locator('ops-jobs-outcome-badge')), 'Pending : open intent');
    assert.match((await pending.locator('ops-jobs-outcome-badge [part="badge"]').getAttribute('title')) ?? '', /no outcome since/);
    assert.equal(await pending.getAttribute('class'), 'open');
    const note = page.locator('ops-jobs-audit-log tbody tr.note-row');
    assert.equal(await note.count(), 1, 'only the pending record has a note');
    assert.equal(await deepText(note), PENDING_OUTCOME_NOTE);
    assert.equal(await pending.locator('xpath=following-sibling::tr[1]').getAttribute('class'), 'open note-row');
    assert.match(await deepText(rows(page).nth(5)), /Hidden by display policy/);
    assert.match(await deepText(rows(page).nth(7)), /8 of 17 jobs[\s\S]*Failed/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('puts filters into the request and the URL, and follows back and forward', async () => {
    const { page } = await open('audit');
    await page.getByLabel('Queue').fill('email-send');
    await page.getByLabel('Outcome').selectOption('succeeded');
    await page.getByLabel('Action').selectOption('job.retry');
    await page.getByLabel('From').fill('2026-01-01T00:00');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const query = 'action=job.retry&queue=email-send&outcome=succeeded&from=2026-01-01T00%3A00%3A00.000Z';
    await page.waitForURL(server.url(`audit?${query}`));
    await settled(page);
    assert.equal(auditCalls().at(-1), `audit?${query}&limit=50`);
    const shown = await texts(page, 'ops-jobs-audit-log tbody td.what');
    assert.ok(shown.length > 0 && shown.every((text) => text === 'Retry'), shown.join());
    assert.deepEqual([...new Set(await texts(page, 'ops-jobs-audit-log tbody td.queue'))], ['email-send']);
    assert.equal(await page.getByRole('button', { name: 'Apply filters' }).evaluate((button) => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active === button;
    }), true, 'focus stays on the form');

    await page.goBack();
    await page.waitForURL(server.url('audit'));
    await settled(page);
    assert.equal(await page.getByLabel('Queue').inputValue(), '');
    assert.equal(auditCalls().at(-1), 'audit?limit=50');
    await page.goForward();
    await page.waitForURL(server.url(`audit?${query}`));
    assert.equal(await page.getByLabel('Queue').inputValue(), 'email-send');
    assert.equal(await page.getByLabel('From').inputValue(), '2026-01-01T00:00');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(server.url('audit'));
    await page.context().close();
  });

  it('opens with filters from a link, such as all records of one operator', async () => {
    const { page } = await open('audit?actor=svc-ops-bot');
    assert.equal(auditCalls().at(-1), 'audit?actor=svc-ops-bot&limit=50');
    assert.equal(await page.getByLabel('Operator ID').inputValue(), 'svc-ops-bot');
    assert.deepEqual([...new Set(await texts(page, 'ops-jobs-audit-log tbody td.who'))], ['Ops bot']);
    await page.goto(server.url('audit?outcome=pending&queue=nowhere'));
    await settled(page);
    await page.getByText('No records match these filters').waitFor();
    await page.context().close();
  });

  it('folds the filters away on a phone unless some are set', async () => {
    server.api = actionApi(now).api;
    const { page } = await openConsole(browser, server.url('audit'), { width: 390, height: 844 });
    assert.equal(await page.getByLabel('Queue').isVisible(), false);
    await page.locator('summary', { hasText: 'Filters' }).click();
    assert.equal(await page.getByLabel('Queue').isVisible(), true);
    await page.goto(server.url('audit?queue=email-send'));
    await settled(page);
    assert.equal(await page.getByLabel('Queue').isVisible(), true);
    assert.match(await page.locator('summary').innerText(), /Filters\s*· 1 active/);
    await page.context().close();
  });

  it('pages with "Load more"', async () => {
    const { page } = await open('audit');
    await page.getByRole('button', { name: 'Load 50 more' }).click();
    await rows(page).nth(63).waitFor();
    assert.equal(await rows(page).count(), 64);
    assert.equal(auditCalls().at(-1), 'audit?limit=50&cursor=50');
    await page.getByText('Showing 64 records').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Load 50 more' }).count(), 0);
    await page.context().close();
  });

  it('links exports with the same filters, only for operators allowed to export', async () => {
    const { page } = await open('audit?queue=email-send&outcome=failed');
    const csv = page.getByRole('link', { name: 'Export CSV' });
    const jsonl = page.getByRole('link', { name: 'Export JSON Lines' });
    assert.equal(await csv.getAttribute('href'), server.url('api/audit/export?queue=email-send&outcome=failed&format=csv'));
    assert.equal(await jsonl.getAttribute('href'), server.url('api/audit/export?queue=email-send&outcome=failed&format=jsonl'));
    assert.equal(await csv.getAttribute('download'), '');
    await page.context().close();

    const viewer = await open('audit?queue=email-send', sessionWith({ 'audit.export': false }));
    assert.equal(await viewer.page.getByRole('link', { name: /^Export/ }).count(), 0);
    await viewer.page.context().close();
  });

  it('is in the header only for operators allowed to read it', async () => {
    const { page } = await open('');
    const nav = page.getByRole('navigation', { name: 'Console' });
    assert.equal(await nav.getByRole('link', { name: 'Queues' }).getAttribute('aria-current'), 'page');
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(server.url('audit'));
    await settled(page);
    assert.equal(await nav.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current'), 'page');
    await page.context().close();

    const viewer = await open('', sessionWith({ 'audit.view': false }));
    assert.equal(await viewer.page.getByRole('navigation', { name: 'Console' }).count(), 0);
    await viewer.page.context().close();
  });
});

describe('audit record', () => {
  it('shows every field, and links the queue and every job', async () => {
    const record = records[4]!;
    const { page, errors } = await open(`audit/${record.id}`);
    assert.equal(await heading(page), 'Resume · 31 jobs');
    assert.equal(await page.title(), `Audit record ${record.id} · Jobs`, 'an id that is no uuid is shown whole');
    const facts = await deepText(page.getByRole('region', { name: 'Details' }));
    for (const expected of [/Operator Sam Okafor \(user\)/, /Operator ID u-2207/, /Action Resume job\.resume/, /Queue email-send/, /Selection 31 selected jobs/,
      /Requested 31 jobs/, /Affected 31 jobs/, /Outcome Succeeded/, `Plan hash ${record.planHash}`, `Correlation ID ${record.correlationId}`,
      `Record ID ${record.id}`, /Occurred \w{3} \d+, \d{4}/, /Completed \w{3} \d+, \d{4}/]) {
      if (typeof expected === 'string') assert.ok(facts.includes(expected), `${expected} in ${facts}`);
      else assert.match(facts, expected);
    }
    assert.equal((await page.locator('[part="reason"] blockquote').innerText()).trim(), record.reason);
    const links = page.locator('[part="jobs"] a');
    assert.equal(await links.count(), 31);
    assert.equal(await links.first().getAttribute('href'), server.url(`queues/email-send/jobs/${record.resource!.ids[0]}`));
    // The copy button's code loads on first use: wait for it, then count.
    await page.getByRole('button', { name: 'Copy plan hash' }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Copy plan hash' }).count(), 1);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('explains an open intent', async () => {
    const { page } = await open(`audit/${records[3]!.id}`);
    await page.getByRole('note').getByText('Open intent.').waitFor();
    assert.equal(await deepText(page.getByRole('note')), `Open intent. ${PENDING_OUTCOME_NOTE}`);
    assert.match(PENDING_OUTCOME_NOTE, /^Outcome unknown: /);
    assert.match(await deepText(page.locator('[part="facts"]')), /Affected not yet known Outcome Pending[\s\S]*Completed not yet/);
    await page.context().close();
  });

  it('says when there is no such record', async () => {
    const { page } = await open('audit/aud-missing');
    await page.getByRole('heading', { name: 'No such audit record' }).waitFor();
    await page.context().close();
  });
});

describe('job chronology', () => {
  it('lists the audit records that touched the job with its life, for operators who may read the log', async () => {
    const { page } = await open(`queues/email-send/jobs/${job.id}`);
    const history = page.getByRole('region', { name: 'Chronology' });
    await history.getByText('Retried by Dana Whitfield').waitFor();
    assert.ok(server.calls.includes(`queues/email-send/jobs/${job.id}/chronology`), server.calls.join('\n'));
    assert.equal(await history.getByRole('link', { name: 'Retried' }).getAttribute('href'), server.url(`audit/${records[0]!.id}`));
    assert.equal(await history.getByRole('link', { name: /All records for this job/ }).getAttribute('href'), server.url(`audit?job=${job.id}`));
    await page.context().close();

    const before = server.calls.length;
    const viewer = await open(`queues/email-send/jobs/${job.id}`, sessionWith({ 'audit.view': false }));
    await viewer.page.getByRole('heading', { name: 'Timeline' }).waitFor();
    assert.equal(await viewer.page.getByRole('region', { name: 'Chronology' }).count(), 0);
    assert.equal(server.calls.slice(before).some((call) => call.startsWith('audit') || call.endsWith('/chronology')), false);
    await viewer.page.context().close();
  });
});
