// The console's live connection against an events endpoint the tests drive: each state the header
// shows and what moves it (ready, a cut, silence, refusals, sign-out), that it reloads what a
// cut may have missed, and that failures back off instead of hammering the server.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from './support/browser.ts';
import { openConsole } from './support/console-page.ts';
import { fixtureApi, problem } from './support/fixtures.ts';
import type { LiveHandler } from './support/live-endpoint.ts';
import { explanation, indicator, liveText, recordLiveStates, untilLive, withoutCuts } from './support/live-page.ts';
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

beforeEach(() => {
  server.api = fixtureApi(now);
  server.live.restore();
});

/** A stream that greets with a 1 s heartbeat and then says nothing: stalled after 2.5 s. */
const SILENT = { heartbeatSeconds: 1, pollIntervalMs: 500 };

const queueCalls = () => server.calls.filter((call) => call === 'queues').length;

/** Opens the console at `path`, recording the live states it reports from its first load on. */
async function openRecording(path = ''): Promise<{ page: Page; errors: string[]; states: () => Promise<string[]> }> {
  let states: () => Promise<string[]> = async () => [];
  const { page, errors } = await openConsole(browser, server.url(path), { beforeLoad: async (page) => (states = await recordLiveStates(page)) });
  return { page, errors, states };
}

describe('live indicator', () => {
  it('says Connecting… until the stream is ready, then Live, in a polite status region', async () => {
    server.live.handler = (client) => void client.accept();
    const { page, errors, states } = await openRecording();
    try {
      await untilLive(page, 'connecting');
      assert.equal(await liveText(page), 'Updates: Connecting…');
      server.live.clients.at(-1)!.ready();
      await untilLive(page, 'live');
      const region = indicator(page).locator('[role="status"]');
      assert.equal(await region.getAttribute('aria-live'), 'polite');
      assert.equal(await liveText(page), 'Updates: Live');
      assert.equal(await indicator(page).locator('.dot').getAttribute('aria-hidden'), 'true', 'the dot adds nothing the words do not say');
      assert.match(await explanation(page), /changes show as they happen/);
      assert.deepEqual(await states(), ['live']);
      assert.equal(server.live.clients.length, 1, 'one stream per console');
      assert.deepEqual(errors, []);
    } finally {
      await page.context().close();
    }
  });

  it('shows Reconnecting… after a cut, resumes with Last-Event-ID and reloads the view for what it may have missed', async () => {
    server.live.handler = (client) => void client.accept(1000).ready();
    const { page, errors, states } = await openRecording();
    try {
      await untilLive(page, 'live');
      const first = server.live.clients.at(-1)!;
      first.send('queues', { at: new Date().toISOString(), queues: [] }, 'feed-41');
      await page.waitForTimeout(100);
      const before = queueCalls();
      const next = server.live.next();
      first.cut();
      await untilLive(page, 'reconnecting');
      assert.equal(await liveText(page), 'Updates: Reconnecting…');
      const second = await next;
      assert.equal(second.lastEventId, 'feed-41', 'the browser resumes after the last event it saw');
      await untilLive(page, 'live');
      await waitFor(() => queueCalls() === before + 1, 'the overview reloading after the reconnect');
      assert.deepEqual(await states(), ['live', 'reconnecting', 'live']);
      assert.deepEqual(withoutCuts(errors), []);
    } finally {
      await page.context().close();
    }
  });

  it('reloads the current view when the server says it could not replay what was missed', async () => {
    const { page } = await openRecording();
    try {
      await untilLive(page, 'live');
      const before = queueCalls();
      server.live.broadcast('reset', { reason: 'Some changes were missed; reload the current view.' });
      await waitFor(() => queueCalls() === before + 1, 'the overview reloading after reset');
      await untilLive(page, 'live');
    } finally {
      await page.context().close();
    }
  });

  it('falls back to polling the view when the stream goes silent, retries the stream meanwhile, and is Live again once one delivers', async () => {
    server.live.handler = (client) => void client.accept().ready(SILENT);
    const { page, states } = await openRecording();
    try {
      await untilLive(page, 'live');
      const started = Date.now();
      await untilLive(page, 'polling', 6_000);
      const stalledAfter = Date.now() - started;
      assert.ok(stalledAfter > 2_000 && stalledAfter < 4_500, `stalled after ${stalledAfter} ms, expected about 2.5 heartbeats`);
      assert.equal(await liveText(page), 'Updates: Polling every 3 sec', 'never more often than every 3 s, whatever the server suggests');
      const polled = queueCalls();
      // A retried stream that only greets does not end polling: it has to deliver.
      await untilLive(page, 'polling');
      await waitFor(() => queueCalls() >= polled + 1, 'the next poll', 5_000);
      assert.ok(server.live.clients.length >= 2, 'the stream is retried in the background');
      assert.equal(await indicator(page).getAttribute('data-state'), 'polling');

      server.live.handler = (client) => void client.accept().ready(SILENT).beat(300);
      await untilLive(page, 'live', 15_000);
      const settledAt = queueCalls();
      await sleep(3_500);
      assert.ok(queueCalls() <= settledAt + 1, 'polling stops once the stream is back');
      assert.deepEqual((await states()).slice(0, 2), ['live', 'polling']);
      assert.equal((await states()).at(-1), 'live');
    } finally {
      await page.context().close();
    }
  });

  it('says Stale since the last good moment when neither the stream nor polling gets through, and recovers', async () => {
    server.live.handler = (client) => void client.accept().ready(SILENT);
    const { page } = await openRecording();
    try {
      await untilLive(page, 'polling', 6_000);
      await waitFor(() => queueCalls() >= 2, 'a first poll');
      server.live.handler = (client) => client.refuse(503);
      server.api = (path, url) => (path === 'queues' ? problem(503, 'Unavailable', 'Down for maintenance.') : fixtureApi(now)(path, url));
      await untilLive(page, 'stale', 8_000);
      const text = await liveText(page);
      assert.match(text, /^Updates: Stale since [A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d:\d\d [AP]M UTC$/, 'the date, the time and the zone');
      assert.match(await explanation(page), /what you see is as of/);
      // What was on screen stays on screen: no error state replaces the overview.
      assert.equal(await page.locator('ops-jobs-queue-list ops-jobs-problem').count(), 0);
      assert.equal(await page.locator('.failed-count').first().innerText(), '127');

      server.api = fixtureApi(now);
      await untilLive(page, 'polling', 8_000);
    } finally {
      await page.context().close();
    }
  });

  it('says Signed out when the session ends, and stops reconnecting and polling', async () => {
    server.live.handler = (client) => void client.accept(300).ready();
    const { page, errors, states } = await openRecording();
    try {
      await untilLive(page, 'live');
      server.api = (path, url) => (path === 'session' || path === 'queues' ? problem(401, 'Not signed in', 'Sign in first.') : fixtureApi(now)(path, url));
      server.live.handler = (client) => client.refuse(401);
      server.live.clients.at(-1)!.cut();
      await untilLive(page, 'signed-out');
      assert.equal(await liveText(page), 'Updates: Signed out');
      assert.match(await explanation(page), /Sign in again/);
      const connections = server.live.clients.length;
      const calls = server.calls.length;
      await sleep(3_000);
      assert.equal(server.live.clients.length, connections, 'no reconnection after signing out');
      assert.equal(server.calls.length, calls, 'no polling after signing out');
      assert.deepEqual(await states(), ['live', 'reconnecting', 'signed-out']);
      assert.ok(withoutCuts(errors).every((error) => /401/.test(error)), withoutCuts(errors).join('\n'));
    } finally {
      await page.context().close();
    }
  });
});

describe('reconnection backoff', () => {
  const failures: Array<[string, LiveHandler]> = [
    ['refused with 503', (client) => client.refuse(503)],
    ['cut before a word', (client) => {
      client.accept(200);
      setTimeout(() => client.cut(), 20);
    }],
  ];
  for (const [what, handler] of failures) {
    it(`waits longer after each failed attempt, with jitter, when streams are ${what}`, async () => {
      server.live.handler = handler;
      const { page } = await openPage(browser);
      try {
        const opened = Date.now();
        const before = server.live.clients.length;
        await page.goto(server.url());
        await sleep(7_000);
        const attempts = server.live.clients.slice(before).map((client) => client.at - opened);
        // Waits of 0.5–1 s, then 1–2, 2–4: four attempts at most in 7 s, where a fixed 1 s would make 7.
        assert.ok(attempts.length >= 3 && attempts.length <= 4, `attempts at ${attempts.join(', ')} ms`);
        const gaps = attempts.slice(1).map((at, index) => at - attempts[index]!);
        gaps.forEach((gap, index) => assert.ok(gap >= 450 * 2 ** index, `gap ${index} was ${gap} ms: ${gaps.join(', ')}`));
        assert.equal(await indicator(page).getAttribute('data-state'), 'reconnecting');
        assert.equal(await liveText(page), 'Updates: Reconnecting…');
      } finally {
        await page.context().close();
      }
    });
  }
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await sleep(25);
  }
}
