// Actions on schedules in the console: Run now and Remove schedule on each row only where the
// engine can and the operator may, the action dialog's preview in words, the reason, and the list
// loading again once the action is done.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { PreviewRequestBody, ScheduleResponse, SessionResponse } from '../../core/vocabulary/wire.ts';
import { actionApi, OPERATOR_SESSION, sessionWith, type ActionApiState } from './support/action-fixtures.ts';
import { launchChromium } from './support/browser.ts';
import { openConsole, texts } from './support/console-page.ts';
import { startServer, type TestServer } from './support/server.ts';

const now = Date.now();
let browser: Browser;
let server: TestServer;
let state: ActionApiState;
let scheduleLoads = 0;

const SCHEDULES: ScheduleResponse[] = [
  {
    queue: 'email-send', key: 'nightly-digest', kind: 'cron', expression: '0 2 * * *', timeZone: 'Europe/Amsterdam', data: { value: { digest: 'daily' } },
    createdAt: new Date(now - 86_400_000).toISOString(), updatedAt: new Date(now - 86_400_000).toISOString(),
    nextRuns: [new Date(now + 3_600_000).toISOString()], lastJob: null, missedRunAt: null,
  },
  {
    queue: 'invoice-sync', key: 'pulse', kind: 'interval', expression: 'PT1.5S', timeZone: 'UTC', data: { value: null },
    createdAt: new Date(now - 60_000).toISOString(), updatedAt: new Date(now - 60_000).toISOString(),
    nextRuns: [new Date(now + 1_500).toISOString()], lastJob: null, missedRunAt: null,
  },
];

const SCHEDULE_SESSION: SessionResponse = {
  ...OPERATOR_SESSION,
  engine: { ...OPERATOR_SESSION.engine, schedules: true, scheduleActions: ['schedule.run', 'schedule.remove'] },
};

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: actionApi(now).api });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The action API with a schedules listing, and schedule previews that name the schedule. */
function serve(session: SessionResponse): void {
  const fixture = actionApi(now, session);
  state = fixture.state;
  scheduleLoads = 0;
  server.api = (path, url, request) => {
    if (path === 'schedules' || path.startsWith('schedules?')) {
      scheduleLoads += 1;
      return { body: { schedules: SCHEDULES, nextCursor: null } };
    }
    if (path === 'actions/preview' && request?.method === 'POST' && 'schedule' in (request.body as PreviewRequestBody).target) {
      const body = request.body as PreviewRequestBody & { target: { queue: string; schedule: string } };
      state.previews.push(body);
      const schedule = SCHEDULES.find((entry) => entry.queue === body.target.queue && entry.key === body.target.schedule)!;
      return {
        body: {
          token: `pvTOKEN-never-in-the-dom-${state.previews.length}`, expiresAt: new Date(now + 300_000).toISOString(), action: body.action,
          queue: schedule.queue, count: 1, sample: [], warnings: body.action === 'schedule.remove' ? ['Your application may create this one again when it next starts.'] : [],
          schedule: { key: schedule.key, kind: schedule.kind, expression: schedule.expression, timeZone: schedule.timeZone, nextRun: schedule.nextRuns[0] ?? null },
        },
      };
    }
    if (path === 'actions/execute' && request?.method === 'POST') {
      state.executes.push({ body: request.body as never, key: request.headers['idempotency-key'] as string | undefined });
      return { body: { outcome: 'succeeded', affected: 1, auditId: 'aud-1000' } };
    }
    return fixture.api(path, url, request);
  };
}

async function open(session: SessionResponse): Promise<{ page: Page; errors: string[] }> {
  serve(session);
  const opened = await openConsole(browser, server.url('schedules'));
  await opened.page.getByRole('table', { name: 'Schedules' }).waitFor();
  return opened;
}

const rowActions = (page: Page, name: string) => page.getByRole('group', { name: `Actions on ${name}` });
const dialog = (page: Page) => page.getByRole('dialog');

describe('schedule chronology', () => {
  it("links each schedule to its chronology, a page of its own under Schedules that tells the schedule's story", async () => {
    const { page, errors } = await open(SCHEDULE_SESSION);
    const link = page.getByRole('link', { name: 'Chronology of email-send (nightly-digest)' });
    assert.equal(await link.getAttribute('href'), server.url('queues/email-send/schedules/nightly-digest/chronology'));
    assert.equal(await page.getByRole('link', { name: 'Chronology of invoice-sync (pulse)' }).count(), 1);
    await link.click();
    await page.getByRole('heading', { name: 'What is not known' }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Chronology');
    assert.match(await page.title(), /^Chronology · nightly-digest · email-send/);
    assert.equal(await page.getByRole('link', { name: 'Schedules', exact: true }).first().getAttribute('aria-current'), 'page');
    const list = page.getByRole('list', { name: 'Chronology' });
    assert.deepEqual((await list.locator(':scope > li .label').allInnerTexts()).map((text) => text.trim()),
      ['Schedule created', 'Schedule last written', 'Made its last job', 'Run due, no job made', 'Ran now by Sam Okafor', 'Next run']);
    assert.ok(server.calls.includes('queues/email-send/schedules/nightly-digest/chronology'), server.calls.join('\n'));
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

describe('schedule actions', () => {
  it('offer Run now and Remove schedule on each row where the engine can and the operator may', async () => {
    const { page, errors } = await open(SCHEDULE_SESSION);
    assert.deepEqual(await texts(page, '.row-acts button'), ['Run now', 'Remove schedule', 'Run now', 'Remove schedule']);
    assert.equal(await page.getByText('Every 1.5 seconds').count(), 1, 'a fractional interval reads in words');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('leave out what the operator may not do, and show nothing when the engine has no schedule actions', async () => {
    const runner = await open(sessionWith({ 'schedule.remove': false }, {}, SCHEDULE_SESSION));
    assert.deepEqual(await texts(runner.page, '.row-acts button'), ['Run now', 'Run now']);
    await runner.page.context().close();
    const none = await open({ ...SCHEDULE_SESSION, engine: { ...SCHEDULE_SESSION.engine, scheduleActions: [] } });
    assert.equal(await none.page.locator('.row-acts').count(), 0);
    assert.equal(await none.page.locator('td.acts').count(), 0);
    await none.page.context().close();
  });

  it('Run now previews in words, asks a reason, executes, and loads the list again', async () => {
    const { page, errors } = await open(SCHEDULE_SESSION);
    const loads = scheduleLoads;
    await rowActions(page, 'schedule nightly-digest of email-send').getByRole('button', { name: 'Run now' }).click();
    await dialog(page).getByRole('heading', { name: 'One job would be made in email-send' }).waitFor();
    assert.deepEqual(state.previews.at(-1), { action: 'schedule.run', target: { queue: 'email-send', schedule: 'nightly-digest' } });
    const body = (await dialog(page).innerText()).replace(/\s+/g, ' ');
    assert.match(body, /Nothing has changed yet\./);
    assert.match(body, /Schedule nightly-digest: 0 2 \* \* \* · Europe\/Amsterdam/);
    assert.match(body, /Queue email-send gets one job now, with the data and options of the schedule’s runs\./);
    assert.match(body, /The schedule stays as it is: its next run is still due /);
    assert.doesNotMatch(await page.content(), /pvTOKEN/, 'the token stays out of the page');

    await dialog(page).getByRole('button', { name: 'Continue' }).click();
    await dialog(page).getByRole('textbox', { name: 'Why run schedule nightly-digest of email-send now? (required)' }).fill('Digest missed after the outage INC-2291');
    await dialog(page).getByRole('button', { name: 'Run now' }).click();
    await dialog(page).getByRole('heading', { name: 'Job made' }).waitFor();
    assert.equal(state.executes.length, 1);
    assert.equal(state.executes[0]!.body.reason, 'Digest missed after the outage INC-2291');
    assert.match((await dialog(page).innerText()).replace(/\s+/g, ' '), /One job was made in email-send; the schedule keeps its timetable\./);
    // The reload follows the done event; wait for its request to reach the server.
    for (let tries = 0; tries < 100 && scheduleLoads <= loads; tries += 1) await page.waitForTimeout(50);
    assert.ok(scheduleLoads > loads, 'the list loaded again after the action');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('Remove schedule says future runs stop and made jobs stay, with the server warning', async () => {
    const { page } = await open(SCHEDULE_SESSION);
    await rowActions(page, 'schedule pulse of invoice-sync').getByRole('button', { name: 'Remove schedule' }).click();
    await dialog(page).getByRole('heading', { name: 'One schedule would be removed' }).waitFor();
    const body = (await dialog(page).innerText()).replace(/\s+/g, ' ');
    assert.match(body, /Its future runs stop: no job is made at .+ or after\./);
    assert.match(body, /The jobs it already made stay where they are\./);
    assert.match(body, /Your application may create this one again when it next starts\./);
    assert.equal(state.executes.length, 0, 'a preview executes nothing');
    await page.context().close();
  });

  it('are named in the audit log\'s action filter, with the other actions', async () => {
    serve(SCHEDULE_SESSION);
    const { page, errors } = await openConsole(browser, server.url('audit'));
    const options = await page.getByLabel('Action').locator('option').allInnerTexts();
    assert.ok(options.includes('Run now') && options.includes('Remove schedule'), options.join(', '));
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
