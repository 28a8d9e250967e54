// Editing a queue's settings on its activity page: "Edit settings" only where the engine can and
// the operator may; the form sends only the changed values to a preview; the action dialog shows
// the change as before and after, takes the reason and executes; the page then shows the new
// settings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { EditableQueueSetting, QueueSettingValue } from '../../core/vocabulary/queue-settings.ts';
import type { PreviewRequestBody, QueueResponse, SessionResponse } from '../../core/vocabulary/wire.ts';
import { actionApi, OPERATOR_SESSION, sessionWith, TOKEN_PREFIX, type ActionApiState } from './support/action-fixtures.ts';
import { launchChromium } from './support/browser.ts';
import { openConsole, settled } from './support/console-page.ts';
import { startServer, type ApiAnswer, type ApiHandler, type TestServer } from './support/server.ts';

const now = Date.now();
let browser: Browser;
let server: TestServer;

const EDITABLE: EditableQueueSetting[] = [
  { name: 'retryLimit', type: 'integer', min: 0 },
  { name: 'retryBackoff', type: 'boolean' },
  { name: 'expireInSeconds', type: 'integer', min: 1, max: 86_400, unit: 'seconds' },
  { name: 'deadLetterQueue', type: 'queue', nullable: true },
];

/** An engine that can change these settings, for an operator who may. */
const CONFIGURE_SESSION: SessionResponse = {
  ...OPERATOR_SESSION,
  engine: { ...OPERATOR_SESSION.engine, queueActions: ['queue.configure'], queueSettings: EDITABLE },
};

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api: actionApi(now).api });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface Served {
  readonly state: ActionApiState;
  /** The settings the fixture queue holds now; an execute applies the last previewed values. */
  readonly current: Record<string, QueueSettingValue>;
}

/** The JSON body of an answer, or undefined for a network failure. */
function bodyOf(answer: ApiAnswer): unknown {
  return typeof answer === 'object' ? answer.body : undefined;
}

/** The action API with `queue.configure` previews that compare with the queue's settings, and executes that apply them. */
function serve(session: SessionResponse): Served {
  const fixture = actionApi(now, session);
  const current: Record<string, QueueSettingValue> = {};
  let pending: Record<string, QueueSettingValue> = {};
  const api: ApiHandler = async (path, url, request) => {
    if (path === 'actions/preview' && request?.method === 'POST' && (request.body as PreviewRequestBody).action === 'queue.configure') {
      const body = request.body as PreviewRequestBody;
      fixture.state.previews.push(body);
      const queue = bodyOf(await fixture.api(`queues/${body.target.queue}`, url, request)) as QueueResponse;
      pending = { ...body.settings };
      const settingChanges = Object.entries(pending).map(([setting, after]) => ({
        setting, after, before: setting === 'deadLetterQueue' ? queue.deadLetterQueue : { ...queue.settings, ...current }[setting] ?? null,
      }));
      return { body: { token: `${TOKEN_PREFIX}0001-${'x'.repeat(14)}`, expiresAt: new Date(now + 300_000).toISOString(), action: 'queue.configure', queue: body.target.queue, count: 1, sample: [], warnings: [], settingChanges } };
    }
    if (path === 'actions/execute' && request?.method === 'POST') {
      fixture.state.executes.push({ body: request.body as never, key: request.headers['idempotency-key'] as string | undefined });
      Object.assign(current, pending);
      return { body: { outcome: 'succeeded', affected: 1, auditId: 'aud-settings-1' } };
    }
    const answer = await fixture.api(path, url, request);
    if (path === 'queues/email-send' && typeof answer === 'object') {
      const queue = answer.body as QueueResponse;
      const { deadLetterQueue, ...settings } = current;
      return { ...answer, body: { ...queue, settings: { ...queue.settings, ...settings }, ...(deadLetterQueue !== undefined ? { deadLetterQueue } : {}) } };
    }
    return answer;
  };
  server.api = api;
  return { state: fixture.state, current };
}

const settingsRegion = (page: Page) => page.locator('ops-jobs-queue-activity').locator('section.settings');
const dialog = (page: Page) => page.getByRole('dialog');

async function openActivity(session: SessionResponse): Promise<{ page: Page; errors: string[]; served: Served }> {
  const served = serve(session);
  const { page, errors } = await openConsole(browser, server.url('queues/email-send/activity'));
  await settled(page);
  await settingsRegion(page).getByText('Retry limit').first().waitFor();
  return { page, errors, served };
}

describe('queue settings', () => {
  it('change through the form, the previewed before and after, a reason, and read back afterwards', async () => {
    const { page, errors, served } = await openActivity(CONFIGURE_SESSION);
    await settingsRegion(page).getByRole('button', { name: 'Edit settings' }).click();
    const limit = settingsRegion(page).getByRole('spinbutton', { name: 'Retry limit' });
    assert.equal(await limit.inputValue(), '3');
    await limit.fill('5');
    await settingsRegion(page).getByRole('spinbutton', { name: 'Running jobs expire after' }).fill('600');
    const deadLetter = settingsRegion(page).getByRole('textbox', { name: 'Dead letter queue' });
    assert.equal(await deadLetter.inputValue(), 'email-send-dlq');
    await deadLetter.fill('invoice-sync');
    await settingsRegion(page).getByRole('button', { name: 'Preview changes' }).click();

    await dialog(page).getByRole('table', { name: 'Settings, now and after' }).waitFor();
    assert.deepEqual(served.state.previews.at(-1), {
      action: 'queue.configure', target: { queue: 'email-send' }, settings: { retryLimit: 5, expireInSeconds: 600, deadLetterQueue: 'invoice-sync' },
    }, 'only the changed values are sent');
    const rows = await dialog(page).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim())));
    assert.deepEqual(rows, [
      ['Retry limit', '3', '5'],
      ['Running jobs expire after', 'None', '10 min'],
      ['Dead letter queue', 'email-send-dlq', 'invoice-sync'],
    ]);
    assert.match(await dialog(page).innerText(), /3 settings of queue email-send would change/);
    assert.equal(served.state.executes.length, 0, 'nothing is executed before the reason');

    await dialog(page).getByRole('button', { name: 'Continue' }).click();
    await dialog(page).getByRole('textbox', { name: /^Why change the settings of queue email-send/ }).fill('Provider asks for slower retries, CHG-9120');
    await dialog(page).getByRole('button', { name: 'Change settings' }).click();
    await dialog(page).getByRole('heading', { name: 'Settings changed' }).waitFor();
    assert.equal(served.state.executes.length, 1);
    assert.equal(served.state.executes[0]!.body.reason, 'Provider asks for slower retries, CHG-9120');
    assert.ok(!(await page.content()).includes(TOKEN_PREFIX), 'the token never reaches the page');

    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await settingsRegion(page).getByRole('heading', { name: 'Settings' }).waitFor();
    await settingsRegion(page).getByRole('link', { name: 'invoice-sync' }).waitFor();
    assert.match(await settingsRegion(page).innerText(), /Retry limit\s+5/, 'the page reads the settings again');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('says so when nothing was changed, and sends no preview', async () => {
    const { page, served } = await openActivity(CONFIGURE_SESSION);
    await settingsRegion(page).getByRole('button', { name: 'Edit settings' }).click();
    await settingsRegion(page).getByRole('button', { name: 'Preview changes' }).click();
    await settingsRegion(page).getByText("Change a value first: these are the queue's settings now.").waitFor();
    assert.equal(served.state.previews.length, 0);
    await settingsRegion(page).getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await settingsRegion(page).getByRole('spinbutton').count(), 0);
    await page.context().close();
  });

  it('offers no edit to an operator who may not, nor on an engine that can change nothing', async () => {
    for (const session of [sessionWith({ 'queue.configure': false }, {}, CONFIGURE_SESSION), OPERATOR_SESSION]) {
      const { page } = await openActivity(session);
      assert.equal(await settingsRegion(page).getByRole('button', { name: 'Edit settings' }).count(), 0);
      await page.context().close();
    }
  });
});
