// Operator actions in the console: which buttons show for which permissions and engine, selection
// and bulk actions on a queue's jobs, and the action dialog from preview to outcome, with every
// problem the server can answer, the idempotency key, the token kept out of the page, and Escape.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { actionApi, actionProblem, auditRecords, OPERATOR_SESSION, sessionWith, TOKEN_PREFIX, type ActionApiState } from './support/action-fixtures.ts';
import { launchChromium } from './support/browser.ts';
import { openConsole, pageContains, settled, texts } from './support/console-page.ts';
import { deadLetterJobDetail, failedJobDetail, jobsOf, SESSION } from './support/fixtures.ts';
import { startServer, type TestServer } from './support/server.ts';

const now = Date.now();
let browser: Browser;
let server: TestServer;
let state: ActionApiState;

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: actionApi(now).api });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Serves the action API for `session`; returns what it records. */
function serve(session: SessionResponse = OPERATOR_SESSION): ActionApiState {
  const fixture = actionApi(now, session);
  server.api = fixture.api;
  state = fixture.state;
  return state;
}

function open(path: string, session?: SessionResponse): Promise<{ page: Page; errors: string[] }> {
  serve(session);
  return openConsole(browser, server.url(path));
}

const failedJob = failedJobDetail(now);
const dialog = (page: Page) => page.getByRole('dialog');
const jobActions = (page: Page) => page.getByRole('group', { name: 'Actions on this job' });
const bulk = (page: Page) => page.getByRole('group', { name: /^Actions on jobs in / });
const executes = () => state.executes.length;

/** Opens the failed list's "Retry all 127 failed jobs" and continues to the reason. */
async function toReason(page: Page): Promise<void> {
  await bulk(page).getByRole('button', { name: 'Retry all 127 failed jobs' }).click();
  await dialog(page).getByRole('button', { name: 'Continue' }).click();
}

async function confirmWith(page: Page, reason: string): Promise<void> {
  await dialog(page).getByRole('textbox', { name: /^Why retry/ }).fill(reason);
  await dialog(page).getByRole('button', { name: 'Retry 127 jobs' }).click();
}

describe('action buttons', () => {
  it('show the actions for the job state; disallowed ones disabled with the host reason', async () => {
    const session = sessionWith({ 'job.retry': false }, { 'job.retry': 'Retries need the on-call role.' });
    const { page, errors } = await open(`queues/email-send/jobs/${failedJob.id}`, session);
    assert.deepEqual(await texts(page, '[part="actions"] button'), ['Retry', 'Delete']);
    const retry = jobActions(page).getByRole('button', { name: 'Retry' });
    assert.equal(await retry.getAttribute('aria-disabled'), 'true');
    const note = page.locator(`#${await retry.getAttribute('aria-describedby')}`);
    assert.equal((await note.innerText()).trim(), 'Retry is not available: Retries need the on-call role.');
    await retry.click({ force: true });
    assert.equal(await dialog(page).count(), 0);
    assert.equal(state.previews.length, 0, 'a disabled action previews nothing');
    assert.equal(await jobActions(page).getByRole('button', { name: 'Delete' }).getAttribute('aria-disabled'), null);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('never show what the engine cannot do', async () => {
    const { 'job.delete': _, ...actions } = OPERATOR_SESSION.engine.actions;
    const session: SessionResponse = { ...OPERATOR_SESSION, engine: { ...OPERATOR_SESSION.engine, actions } };
    const { page } = await open(`queues/email-send/jobs/${failedJob.id}`, session);
    assert.deepEqual(await texts(page, '[part="actions"] button'), ['Retry']);
    await page.context().close();
  });

  it('fit the state: cancel a queued job, resume a cancelled one, redrive only a dead letter', async () => {
    const queued = jobsOf('email-send', 'queued', now)[0]!;
    const { page } = await open(`queues/email-send/jobs/${queued.id}`);
    assert.deepEqual(await texts(page, '[part="actions"] button'), ['Cancel', 'Delete']);
    const cancelled = jobsOf('email-send', 'cancelled', now)[0]!;
    await page.goto(server.url(`queues/email-send/jobs/${cancelled.id}`));
    await settled(page);
    assert.deepEqual(await texts(page, '[part="actions"] button'), ['Resume', 'Delete']);
    await page.goto(server.url(`queues/email-send-dlq/jobs/${deadLetterJobDetail(now).id}`));
    await settled(page);
    assert.deepEqual(await texts(page, '[part="actions"] button'), ['Retry', 'Redrive', 'Delete']);
    await page.context().close();
  });

  it("on a dead letter queue's list, redrive comes from the queue's own answer, without reading every queue", async () => {
    const start = server.calls.length;
    const { page } = await open('queues/email-send-dlq?state=failed');
    await bulk(page).getByRole('button', { name: /^Redrive all/ }).waitFor();
    assert.ok(!server.calls.slice(start).includes('queues'), server.calls.slice(start).join(', '));
    await page.context().close();
  });

  it('for an operator who may not act: disabled with a plain reason, and no checkboxes', async () => {
    const { page } = await open('queues/email-send?state=failed', SESSION);
    assert.equal(await page.getByRole('checkbox').count(), 0);
    const retryAll = bulk(page).getByRole('button', { name: 'Retry all 127 failed jobs' });
    assert.equal(await retryAll.getAttribute('aria-disabled'), 'true');
    await page.getByText('Retry and Delete are not allowed for your account.').waitFor();
    const describedBy = await retryAll.getAttribute('aria-describedby');
    assert.equal(describedBy, await bulk(page).getByRole('button', { name: 'Delete all 127 failed jobs' }).getAttribute('aria-describedby'));
    assert.equal((await page.locator(`#${describedBy}`).innerText()).trim(), 'Retry and Delete are not allowed for your account.');
    await page.context().close();
  });
});

describe('selection and bulk actions', () => {
  it('selects by checkbox, by keyboard and all shown, and previews exactly the selection', async () => {
    const { page } = await open('queues/email-send?state=failed');
    const ids = jobsOf('email-send', 'failed', now).map((job) => job.id);
    await page.getByRole('checkbox', { name: `Select job ${ids[2]}` }).check();
    await page.getByRole('checkbox', { name: `Select job ${ids[0]}` }).check();
    await page.getByRole('link', { name: `Job ${ids[1]}`, exact: true }).focus();
    await page.keyboard.press('Space');
    await bulk(page).getByText('3 selected', { exact: true }).waitFor();
    await page.getByRole('link', { name: `Job ${ids[1]}, selected`, exact: true }).waitFor();
    assert.deepEqual(await texts(page, '[part="bulk"] .act-group button'), ['Retry 3 selected', 'Delete 3 selected']);
    assert.equal(await page.locator('tr.picked').count(), 3);

    await bulk(page).getByRole('button', { name: 'Retry 3 selected' }).click();
    await dialog(page).getByRole('heading', { name: 'Retry 3 selected jobs' }).waitFor();
    await dialog(page).getByRole('button', { name: 'Continue' }).waitFor();
    assert.deepEqual(state.previews.at(-1), { action: 'job.retry', target: { queue: 'email-send', ids: [ids[2], ids[0], ids[1]] } });
    await page.keyboard.press('Escape');

    await bulk(page).getByRole('checkbox', { name: 'Select all 50 jobs shown' }).check();
    await bulk(page).getByText('50 selected', { exact: true }).waitFor();
    await bulk(page).getByRole('button', { name: 'Clear selection' }).click();
    assert.equal(await page.locator('tr.picked').count(), 0);
    assert.deepEqual(await texts(page, '[part="bulk"] .act-group button'), ['Retry all 127 failed jobs', 'Delete all 127 failed jobs']);
    await page.context().close();
  });

  it('takes one Tab stop per job row: Space selects, Shift+Space a range, the arrows move, Enter opens', async () => {
    const { page } = await open('queues/email-send?state=failed');
    const ids = jobsOf('email-send', 'failed', now).map((job) => job.id);
    const focused = () => page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.getAttribute('aria-label') ?? active?.localName;
    });
    // From the last control before the table: the bar's "Delete all 127 failed jobs".
    await bulk(page).getByRole('button', { name: 'Delete all 127 failed jobs' }).focus();
    const after: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      after.push((await focused()) ?? '');
    }
    assert.deepEqual(after, [`Job ${ids[0]}`, `Job ${ids[1]}`, `Job ${ids[2]}`], 'one stop per row, the checkbox out of the Tab order');
    assert.equal(await page.getByRole('checkbox', { name: `Select job ${ids[0]}` }).getAttribute('tabindex'), '-1');

    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), `Job ${ids[1]}`);
    await page.keyboard.press('Space');
    assert.equal(await focused(), `Job ${ids[1]}, selected`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Space');
    await bulk(page).getByText('4 selected', { exact: true }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: `Select job ${ids[3]}` }).isChecked(), true, 'the range from the job last picked');
    assert.equal(await page.locator('ops-jobs-job-list [role="status"]').innerText(), `Job ${ids[4]!.length > 12 ? ids[4]!.slice(0, 8) : ids[4]} selected; 4 selected.`);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'Space does not scroll the page');
    const keys = page.locator('ops-jobs-job-list .keys-hint');
    assert.equal(await keys.isVisible(), true, 'the keys are shown while a row has keyboard focus');
    await page.keyboard.press('Enter');
    await page.waitForURL(server.url(`queues/email-send/jobs/${ids[4]}`));
    await page.context().close();
  });

  it('gives checkboxes and count links a target of at least 24 by 24 px', async () => {
    for (const width of [1280, 390]) {
      serve();
      const { page } = await openConsole(browser, server.url('queues/email-send?state=failed'), { width, height: 844 });
      const sizes = await page.locator('ops-jobs-job-list td.select label, ops-jobs-job-list .select-shown').evaluateAll((labels) =>
        labels.map((label) => label.getBoundingClientRect()).map((box) => Math.min(box.width, box.height)));
      assert.ok(sizes.length > 1 && Math.min(...sizes) >= 24, `checkbox targets at ${width} px: ${sizes.slice(0, 3).join(', ')}`);
      const box = await page.getByRole('checkbox').nth(1).boundingBox();
      assert.ok(box && box.width >= 20 && box.height >= 20, 'the box itself is 20 px');
      await page.goto(server.url());
      await page.locator('ops-jobs-queue-list a.count, ops-jobs-queue-list a.failed-count').first().waitFor();
      const links = await page.locator('ops-jobs-queue-list a.count, ops-jobs-queue-list a.failed-count').evaluateAll((all) =>
        all.map((link) => link.getBoundingClientRect()).map((rect) => Math.min(rect.width, rect.height)));
      assert.ok(links.length > 3 && Math.min(...links) >= 24, `count links at ${width} px: ${links.slice(0, 4).join(', ')}`);
      await page.context().close();
    }
  });

  it('on a phone: the state tabs shade the side they scroll to, the bulk bar never covers a row, no Ctrl+Enter', async () => {
    serve();
    const { page } = await openConsole(browser, server.url('queues/email-send?state=failed'), { width: 390, height: 844 });
    const tabs = await page.locator('ops-jobs-job-list [part="states"]').evaluate((nav) => ({
      overflows: nav.scrollWidth > nav.clientWidth,
      shades: (getComputedStyle(nav).backgroundImage.match(/radial-gradient/g) ?? []).length,
      attachments: getComputedStyle(nav).backgroundAttachment,
    }));
    assert.equal(tabs.overflows, true, 'the tabs do scroll at 390 px');
    assert.equal(tabs.shades, 2, 'a shade for each edge');
    assert.match(tabs.attachments, /^local, local, scroll, scroll/, 'uncovered only where the tabs overflow');

    const rows = page.locator('ops-jobs-job-list tbody tr');
    await rows.nth(6).getByRole('checkbox').check();
    await rows.nth(7).getByRole('checkbox').check();
    await bulk(page).getByText('2 selected', { exact: true }).waitFor();
    // Each row scrolled to the top of the screen, where a pinned bar would lie over it.
    for (const index of [6, 7, 20]) {
      await rows.nth(index).evaluate((row) => row.scrollIntoView({ block: 'start' }));
      const bar = await page.locator('ops-jobs-job-list [part="bulk"]').boundingBox();
      const row = await rows.nth(index).boundingBox();
      assert.ok(bar && row && (bar.y + bar.height <= row.y || bar.y >= row.y + row.height), `the bar does not cover row ${index}`);
    }

    await bulk(page).getByRole('button', { name: 'Retry 2 selected' }).click();
    await dialog(page).getByRole('button', { name: 'Continue' }).click();
    const hint = dialog(page).locator('.kbd-hint');
    assert.equal(await hint.count(), 1);
    assert.equal(await hint.isVisible(), false, 'no keyboard shortcut offered on a phone');
    await page.context().close();
  });

  it('selects a range with Shift+click', async () => {
    const { page } = await open('queues/email-send?state=failed');
    const ids = jobsOf('email-send', 'failed', now).map((job) => job.id);
    await page.getByRole('checkbox', { name: `Select job ${ids[1]}` }).click();
    await page.getByRole('checkbox', { name: `Select job ${ids[5]}` }).click({ modifiers: ['Shift'] });
    await bulk(page).getByText('5 selected', { exact: true }).waitFor();
    assert.deepEqual(await page.locator('tr.picked td.id a').evaluateAll((links) => links.map((a) => a.getAttribute('title'))), ids.slice(1, 6));
    await page.context().close();
  });

  it('says how many of a mixed selection each action applies to', async () => {
    const { page } = await open('queues/invoice-sync');
    const failed = jobsOf('invoice-sync', 'failed', now)[0]!;
    const queued = jobsOf('invoice-sync', 'queued', now)[0]!;
    await page.getByRole('checkbox', { name: `Select job ${failed.id}` }).check();
    await page.getByRole('checkbox', { name: `Select job ${queued.id}` }).check();
    assert.deepEqual(await texts(page, '[part="bulk"] .act-group button'), ['Retry 1 of 2 selected', 'Cancel 1 of 2 selected', 'Delete 2 selected']);
    await page.context().close();
  });

  it('acts on every job in the state, capped at the session limit', async () => {
    const { page } = await open('queues/email-send?state=failed', { ...OPERATOR_SESSION, limits: { cap: 100, reasonMinLength: 8 } });
    await bulk(page).getByRole('button', { name: 'Retry 100 of 127 failed jobs' }).click();
    await dialog(page).getByRole('button', { name: 'Continue' }).waitFor();
    assert.deepEqual(state.previews.at(-1), { action: 'job.retry', target: { queue: 'email-send', filter: { state: 'failed' } } });
    await page.keyboard.press('Escape');
    await page.getByText('One action takes at most 100 jobs, the newest first; run it again for the rest.').waitFor();
    await page.context().close();
  });

  it('after an action, refreshes the list in place: selection cleared, scroll kept', async () => {
    const { page } = await open('queues/email-send?state=failed');
    const ids = jobsOf('email-send', 'failed', now).map((job) => job.id);
    await page.getByRole('checkbox', { name: `Select job ${ids[30]}` }).check();
    await page.getByRole('checkbox', { name: `Select job ${ids[31]}` }).check();
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 300, `scrolled to ${scrolled}`);
    const listCalls = () => server.calls.filter((call) => call.startsWith('queues/email-send/jobs?state=failed')).length;
    const before = listCalls();
    await bulk(page).getByRole('button', { name: 'Retry 2 selected' }).click();
    await dialog(page).getByRole('button', { name: 'Continue' }).click();
    await dialog(page).getByRole('textbox', { name: /^Why retry/ }).fill('Provider outage is over');
    await dialog(page).getByRole('button', { name: 'Retry 2 jobs' }).click();
    await dialog(page).getByRole('heading', { name: '2 jobs retried' }).waitFor();
    await page.waitForTimeout(200);
    assert.equal(listCalls(), before + 1, 'the list reloaded once');
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    assert.equal(await dialog(page).count(), 0);
    assert.equal(await page.locator('tr.picked').count(), 0);
    assert.equal(await page.getByRole('checkbox', { checked: true }).count(), 0);
    assert.equal(await page.evaluate(() => window.scrollY), scrolled);
    await page.context().close();
  });
});

describe('action dialog', () => {
  it('previews (nothing changed yet), requires a reason, executes, and links the audit record', async () => {
    const { page, errors } = await open('queues/email-send?state=failed');
    await bulk(page).getByRole('button', { name: 'Retry all 127 failed jobs' }).click();
    const modal = dialog(page);
    await modal.getByRole('heading', { name: 'Retry all 127 failed jobs' }).waitFor();
    await modal.getByText('Nothing has changed yet.').waitFor();
    assert.match(await modal.locator('h3.count').innerText(), /127\s+jobs would be retried/);
    const warnings = modal.getByRole('region', { name: 'Read before you continue' });
    assert.match(await warnings.innerText(), /singleton policy/);
    assert.equal(await modal.locator('.sample tbody tr').count(), 10);
    assert.match(await modal.locator('.sample').innerText(), /and 117 jobs more|and 117 more/);
    assert.match(await modal.locator('.sample tbody tr').first().innerText(), /3d75ca44|Failed/);
    await modal.getByRole('button', { name: 'Continue' }).click();

    const reason = modal.getByRole('textbox', { name: /^Why retry 127 jobs/ });
    assert.equal(await page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.id;
    }), 'reason', 'the reason takes focus');
    await reason.fill('short');
    await modal.getByText('5 of at least 8 characters').waitFor();
    await modal.getByRole('button', { name: 'Retry 127 jobs' }).click();
    await modal.getByText(/Write at least 8 characters/).waitFor();
    assert.equal(await reason.getAttribute('aria-invalid'), 'true');
    assert.equal(executes(), 0, 'a short reason blocks the execute');

    await reason.fill('Provider outage INC-2291 is over');
    await modal.getByText('32 characters').waitFor();
    await modal.getByRole('button', { name: 'Retry 127 jobs' }).click();
    await modal.getByRole('heading', { name: '127 jobs retried' }).waitFor();
    assert.equal(executes(), 1);
    assert.equal(state.executes[0]!.body.reason, 'Provider outage INC-2291 is over');
    assert.equal(state.executes[0]!.body.token.startsWith(TOKEN_PREFIX), true);
    const record = modal.getByRole('link', { name: /View the audit record/ });
    assert.equal(await record.getAttribute('href'), server.url(`audit/${auditRecords(now)[0]!.id}`));
    await record.click();
    await page.waitForURL(server.url(`audit/${auditRecords(now)[0]!.id}`));
    assert.equal(await dialog(page).count(), 0);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('sends one execute for a double click', async () => {
    const { page } = await open('queues/email-send?state=failed');
    const real = server.api;
    server.api = async (path, url, request) => {
      const answer = await real(path, url, request);
      return path === 'actions/execute' && typeof answer === 'object' ? { ...answer, delayMs: 400 } : answer;
    };
    await toReason(page);
    await dialog(page).getByRole('textbox', { name: /^Why retry/ }).fill('Retrying after the outage');
    await dialog(page).getByRole('button', { name: 'Retry 127 jobs' }).dblclick();
    await dialog(page).getByRole('heading', { name: '127 jobs retried' }).waitFor();
    assert.equal(executes(), 1);
    await page.context().close();
  });

  it('resubmits with the same Idempotency-Key and token after a failed or lost answer', async () => {
    const { page } = await open('queues/email-send?state=failed');
    state.executeAnswers.push({ status: 503, body: { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'The database is restarting.' } }, 'cut-off');
    await toReason(page);
    await confirmWith(page, 'Retrying after the outage');
    await dialog(page).getByRole('heading', { name: 'The server could not retry the jobs' }).waitFor();
    assert.match(await dialog(page).getByRole('alert').innerText(), /The database is restarting\. Trying again is safe/);
    await dialog(page).getByRole('button', { name: 'Try again' }).click();
    await dialog(page).getByRole('heading', { name: 'The answer did not arrive' }).waitFor();
    await dialog(page).getByRole('button', { name: 'Try again' }).click();
    await dialog(page).getByRole('heading', { name: '127 jobs retried' }).waitFor();
    assert.equal(executes(), 3);
    const keys = new Set(state.executes.map((e) => e.key));
    const tokens = new Set(state.executes.map((e) => e.body.token));
    assert.equal(keys.size, 1, 'one key');
    assert.match([...keys][0] ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(tokens.size, 1, 'one token');
    await page.context().close();
  });

  it('a new dialog sends a new Idempotency-Key', async () => {
    const { page } = await open(`queues/email-send/jobs/${failedJob.id}`);
    for (let n = 0; n < 2; n++) {
      await jobActions(page).getByRole('button', { name: 'Retry' }).click();
      await dialog(page).getByRole('button', { name: 'Continue' }).click();
      await dialog(page).getByRole('textbox', { name: /^Why retry/ }).fill('Retrying after the outage');
      await dialog(page).getByRole('button', { name: 'Retry 1 job' }).click();
      await dialog(page).getByRole('button', { name: 'Done' }).click();
    }
    assert.equal(executes(), 2);
    assert.notEqual(state.executes[0]!.key, state.executes[1]!.key);
    await page.context().close();
  });

  it('says when a resubmit was answered from the first submit', async () => {
    const { page } = await open('queues/email-send?state=failed');
    await toReason(page);
    // The server acts, but its answer is lost; the resubmit is answered from its receipt.
    const real = server.api;
    let cut = true;
    server.api = async (path, url, request) => {
      const answer = await real(path, url, request);
      if (path !== 'actions/execute' || !cut) return answer;
      cut = false;
      return 'cut-off';
    };
    await confirmWith(page, 'Retrying after the outage');
    await dialog(page).getByRole('button', { name: 'Try again' }).click();
    await dialog(page).getByText(/had done it; it was not done again/).waitFor();
    await dialog(page).getByRole('heading', { name: '127 jobs retried' }).waitFor();
    await page.context().close();
  });

  const problems: Array<[string, () => ReturnType<typeof actionProblem>, string, string]> = [
    ['403 preview of another operator', () => actionProblem(403, 'preview-other-operator', 'Preview of another operator', 'This preview was made by another operator.'), 'This preview belongs to another operator', 'Preview again'],
    ['409 plan drift', () => actionProblem(409, 'plan-drift', 'Plan drifted', '2 planned jobs are no longer failed.'), 'The jobs changed since the preview', 'Preview again'],
    ['410 expired', () => actionProblem(410, 'preview-expired', 'Preview expired', 'This preview has expired.'), 'The preview expired', 'Preview again'],
  ];
  for (const [name, answer, heading, next] of problems) {
    it(`${name}: says so and previews again`, async () => {
      const { page } = await open('queues/email-send?state=failed');
      state.executeAnswers.push(answer());
      await toReason(page);
      await confirmWith(page, 'Retrying after the outage');
      const alert = dialog(page).getByRole('alert');
      await alert.getByRole('heading', { name: heading }).waitFor();
      await alert.getByText('Nothing has changed.').waitFor();
      assert.equal(state.previews.length, 1);
      await dialog(page).getByRole('button', { name: next }).click();
      await dialog(page).getByRole('button', { name: 'Continue' }).click();
      assert.equal(state.previews.length, 2, 'previewed again');
      const reason = dialog(page).getByRole('textbox', { name: /^Why retry/ });
      assert.equal(await reason.inputValue(), 'Retrying after the outage', 'the reason is kept');
      await dialog(page).getByRole('button', { name: 'Retry 127 jobs' }).click();
      await dialog(page).getByRole('heading', { name: '127 jobs retried' }).waitFor();
      assert.notEqual(state.executes[1]!.body.token, state.executes[0]!.body.token, 'the new preview has a new token');
      await page.context().close();
    });
  }

  it('reloads the list behind after a drifted plan, and not after a plain close', async () => {
    const { page } = await open('queues/email-send?state=failed');
    const listCalls = () => server.calls.filter((call) => call.startsWith('queues/email-send/jobs?state=failed')).length;
    const before = listCalls();
    await bulk(page).getByRole('button', { name: 'Retry all 127 failed jobs' }).click();
    await dialog(page).getByRole('button', { name: 'Continue' }).waitFor();
    await dialog(page).getByRole('button', { name: 'Close' }).last().click();
    await page.waitForTimeout(200);
    assert.equal(listCalls(), before, 'closing a preview reloads nothing');
    state.executeAnswers.push(actionProblem(409, 'plan-drift', 'Plan drifted', '3 of the 127 previewed jobs changed state or disappeared since the preview.'));
    await toReason(page);
    await confirmWith(page, 'Retrying after the outage');
    await dialog(page).getByText('3 of the 127 previewed jobs changed state or disappeared since the preview.').waitFor();
    await dialog(page).getByRole('button', { name: 'Close' }).last().click();
    await page.waitForTimeout(200);
    assert.equal(listCalls(), before + 1, 'the list reloaded');
    await page.context().close();
  });

  it('409 already used: says it was done and links the audit log', async () => {
    const { page } = await open('queues/email-send?state=failed');
    state.executeAnswers.push(actionProblem(409, 'preview-used', 'Preview already used', 'This preview was already executed.'));
    await toReason(page);
    await confirmWith(page, 'Retrying after the outage');
    await dialog(page).getByRole('heading', { name: 'This was already done' }).waitFor();
    assert.equal(await dialog(page).getByText('Nothing has changed.').count(), 0);
    const log = dialog(page).getByRole('link', { name: /Open the audit log/ });
    assert.equal(await log.getAttribute('href'), server.url('audit?action=job.retry&queue=email-send'));
    await page.context().close();
  });

  it('a refused preview says why and offers nothing to execute', async () => {
    const { page } = await open('queues/email-send?state=failed');
    state.previewAnswers.push(actionProblem(403, 'forbidden', 'Not allowed', 'Retries need the on-call role.'));
    await bulk(page).getByRole('button', { name: 'Retry all 127 failed jobs' }).click();
    const alert = dialog(page).getByRole('alert');
    await alert.getByRole('heading', { name: 'You are not allowed to retry these jobs' }).waitFor();
    assert.match(await alert.innerText(), /Retries need the on-call role\./);
    assert.deepEqual(await texts(page, 'ops-jobs-action-dialog .foot button'), ['Close']);
    await page.context().close();
  });

  it('never puts the preview token in the page', async () => {
    const { page } = await open('queues/email-send?state=failed');
    await bulk(page).getByRole('button', { name: 'Retry all 127 failed jobs' }).click();
    await dialog(page).getByRole('button', { name: 'Continue' }).waitFor();
    assert.equal(await pageContains(page, TOKEN_PREFIX), false, 'at the preview');
    await dialog(page).getByRole('button', { name: 'Continue' }).click();
    await dialog(page).getByRole('textbox', { name: /^Why retry/ }).fill('Retrying after the outage');
    assert.equal(await pageContains(page, 'Retrying after the outage'), true, 'the search sees form values');
    assert.equal(await pageContains(page, TOKEN_PREFIX), false, 'at the reason');
    await dialog(page).getByRole('button', { name: 'Retry 127 jobs' }).click();
    await dialog(page).getByRole('heading', { name: '127 jobs retried' }).waitFor();
    assert.equal(await pageContains(page, TOKEN_PREFIX), false, 'at the outcome');
    await page.context().close();
  });

  it('closes on Escape without executing, and gives focus back', async () => {
    const { page } = await open(`queues/email-send/jobs/${failedJob.id}`);
    const retry = jobActions(page).getByRole('button', { name: 'Retry' });
    await retry.focus();
    await page.keyboard.press('Enter');
    await dialog(page).getByRole('button', { name: 'Continue' }).click();
    await dialog(page).getByRole('textbox', { name: /^Why retry/ }).fill('A good enough reason');
    await page.keyboard.press('Escape');
    // A written reason is not thrown away on one key press: the dialog asks, and a second Escape discards.
    await dialog(page).getByRole('group', { name: /^Discard the reason you wrote\?/ }).waitFor();
    assert.equal(await dialog(page).isVisible(), true);
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'hidden' });
    assert.equal(executes(), 0);
    const focused = await page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.textContent?.trim();
    });
    assert.equal(focused, 'Retry');
    await page.context().close();
  });

  it('is a labelled modal that keeps focus inside', async () => {
    const { page } = await open(`queues/email-send/jobs/${failedJob.id}`);
    await jobActions(page).getByRole('button', { name: 'Delete' }).click();
    const modal = page.getByRole('dialog', { name: `Delete job ${failedJob.id.slice(0, 8)}` });
    await modal.getByRole('button', { name: 'Continue' }).waitFor();
    assert.equal(await page.locator('dialog[open]').evaluate((el) => el.matches(':modal')), true);
    assert.match((await modal.getAttribute('aria-describedby')) ?? '', /where/);
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.closest('dialog') !== null;
    });
    assert.equal(inside, true, 'Tab stays inside the dialog');
    const confirm = async () => {
      await modal.getByRole('button', { name: 'Continue' }).click();
      await modal.getByRole('textbox', { name: /^Why delete 1 job/ }).fill('Duplicate send, removing');
      return modal.getByRole('button', { name: 'Delete 1 job' });
    };
    assert.match((await (await confirm()).getAttribute('class')) ?? '', /danger/);
    await page.context().close();
  });
});
