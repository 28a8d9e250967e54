// What every proxy in front of the demo must get right for the live stream, as reusable checks.
// The demo runs with its workload off: a quiet system is where proxies cut idle streams, and
// the only changes are the jobs these checks send, so each one knows what it must see.
import assert from 'node:assert/strict';
import type { SseConnection, SseFrame } from '../../node/support/sse-client.ts';
import type { LiveQueuesEvent } from '../../../core/vocabulary/wire.ts';
import { openEvents, queueTotal, sendJob, signIn, signOut, type Edge } from './edge-client.ts';

/** Seconds between heartbeats in the demo under test. */
export const HEARTBEAT_SECONDS = 2;
/** A read timeout shorter than the heartbeat: the proxy cuts every quiet stream. */
export const SHORT_READ_TIMEOUT_SECONDS = 1;
/** A read timeout longer than the heartbeat: heartbeats keep a quiet stream open. */
export const LONG_READ_TIMEOUT_SECONDS = 3;

/** The demo's environment for these checks. */
export const QUIET_DEMO_ENV: Readonly<Record<string, string>> = {
  DEMO_WORKLOAD: 'off',
  OPS_JOBS_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS),
  OPS_JOBS_POLL_INTERVAL_MS: '500',
};

// No workers run in the quiet demo, so a job sent here stays and the queue's total only grows.
const QUEUE = 'email.send';

function totalIn(frame: SseFrame, queue: string): number | undefined {
  if (frame.event !== 'queues') return undefined;
  return (frame.data as LiveQueuesEvent).queues.find((entry) => entry.name === queue)?.total;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms).unref())]);
}

function assertStreamHeaders(stream: SseConnection): void {
  assert.equal(stream.response.status, 200);
  assert.match(stream.response.headers.get('content-type') ?? '', /^text\/event-stream/);
  assert.equal(stream.response.headers.get('content-encoding'), null, 'the stream must not be compressed');
}

/** A change made through the proxy reaches an open stream within a few seconds, uncompressed. */
export async function changeArrivesPromptly(edge: Edge): Promise<void> {
  const cookie = await signIn(edge, 'operator');
  const stream = await openEvents(edge, cookie);
  try {
    assertStreamHeaders(stream);
    await stream.next((frame) => frame.event === 'ready', 3_000);
    const before = await queueTotal(edge, cookie, QUEUE);
    const sent = Date.now();
    await sendJob(edge, cookie, QUEUE);
    await stream.next((frame) => (totalIn(frame, QUEUE) ?? 0) > before, 3_000);
    assert.ok(Date.now() - sent < 3_000);
  } finally {
    stream.close();
  }
}

/** With the read timeout longer than the heartbeat, a quiet stream stays open on heartbeats alone. */
export async function heartbeatsHoldTheStream(edge: Edge): Promise<void> {
  const cookie = await signIn(edge, 'viewer');
  const stream = await openEvents(edge, cookie);
  try {
    assertStreamHeaders(stream);
    let cut = false;
    void stream.ended.then(() => (cut = true));
    const holdMs = (LONG_READ_TIMEOUT_SECONDS + HEARTBEAT_SECONDS) * 1000;
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    assert.equal(cut, false, `the proxy cut a stream that had heartbeats every ${HEARTBEAT_SECONDS} s`);
    assert.ok(stream.frames.filter((frame) => frame.event === 'heartbeat').length >= 2);
  } finally {
    stream.close();
  }
}

/**
 * With the read timeout shorter than the heartbeat the proxy cuts the stream; a change made while
 * it is down is delivered when the stream reconnects with `Last-Event-ID`.
 */
export async function resumesAfterCut(edge: Edge): Promise<void> {
  const cookie = await signIn(edge, 'operator');
  const first = await openEvents(edge, cookie);
  assertStreamHeaders(first);
  await first.next((frame) => frame.event === 'ready', 3_000);
  const start = await queueTotal(edge, cookie, QUEUE);
  await sendJob(edge, cookie, QUEUE);
  const seen = await first.next((frame) => (totalIn(frame, QUEUE) ?? 0) > start, 3_000);
  assert.ok(seen.id, 'queue events carry an id to resume from');
  await within(first.ended, (HEARTBEAT_SECONDS + 2) * 1000, 'the proxy cutting the quiet stream');
  const lastId = first.frames.filter((frame) => frame.id).at(-1)!.id!;

  const before = await queueTotal(edge, cookie, QUEUE);
  await sendJob(edge, cookie, QUEUE);
  const second = await openEvents(edge, cookie, lastId);
  try {
    assertStreamHeaders(second);
    // Either the change itself, or `reset`: the server saying it cannot replay and the console
    // must reload. Silence is the one wrong answer.
    const answer = await second.next((frame) => frame.event === 'reset' || (totalIn(frame, QUEUE) ?? 0) > before, 3_000)
      .catch((error: Error) => assert.fail(`the change made while the stream was cut never arrived after resuming from ${lastId}: ${error.message}`));
    assert.ok(answer.event === 'reset' || (totalIn(answer, QUEUE) ?? 0) >= before + 1);
  } finally {
    second.close();
  }
}

/** After sign-out the proxy cuts the quiet stream, and the same cookie cannot reconnect. */
export async function signedOutCannotReconnect(edge: Edge): Promise<void> {
  const cookie = await signIn(edge, 'viewer');
  const stream = await openEvents(edge, cookie);
  assertStreamHeaders(stream);
  await stream.next((frame) => frame.event === 'ready', 3_000);
  await signOut(edge, cookie);
  await within(stream.ended, (HEARTBEAT_SECONDS + 2) * 1000, 'the proxy cutting the quiet stream');
  const again = await openEvents(edge, cookie, stream.frames.find((frame) => frame.id)?.id ?? undefined);
  assert.equal(again.response.status, 401);
  assert.match(again.response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(((await again.response.json()) as { status: number }).status, 401);
}

/**
 * Signing in and out works under the proxy's path prefix, following only the links and redirects
 * the pages give: the login form, the redirect to the console, the console's sign-in link when
 * signed out, and sign-out back to the login page.
 */
export async function signInUnderPrefix(edge: Edge): Promise<void> {
  const loginPage = `${edge.base}/login`;
  const form = /<form method="post" action="([^"]+)">\s*<fieldset>/.exec(await (await fetch(loginPage)).text())?.[1];
  assert.ok(form, 'the login page has a sign-in form');
  const signedIn = await fetch(new URL(form, loginPage), { method: 'POST', body: new URLSearchParams({ user: 'viewer' }), redirect: 'manual' });
  assert.equal(signedIn.status, 303);
  const cookie = signedIn.headers.getSetCookie().find((line) => line.startsWith('ops_demo_sid='))!.split(';', 1)[0]!;
  const consoleUrl = new URL(signedIn.headers.get('location')!, new URL(form, loginPage));
  assert.equal(consoleUrl.href, `${edge.base}${edge.mount}/`);
  assert.equal((await fetch(consoleUrl, { headers: { cookie } })).status, 200);
  const deepLink = new URL('queues/email.send', consoleUrl);
  const signedOut = await fetch(deepLink);
  assert.equal(signedOut.status, 401);
  const signInLink = /<a[^>]* href="([^"]+)">Sign in<\/a>/.exec(await signedOut.text())?.[1];
  assert.equal(new URL(signInLink!, deepLink).href, loginPage);
  await signOut(edge, cookie);
  assert.equal((await fetch(consoleUrl, { headers: { cookie } })).status, 401);
}

/** The console's page and bundle load under the proxy's path prefix. */
export async function consoleLoadsUnderPrefix(edge: Edge): Promise<void> {
  const cookie = await signIn(edge, 'viewer');
  const page = await fetch(`${edge.base}${edge.mount}/`, { headers: { cookie } });
  assert.equal(page.status, 200);
  const script = /<script type="module" src="([^"]+)"/.exec(await page.text())?.[1];
  assert.ok(script?.startsWith('./'), 'the page refers to its bundle relative to itself');
  const bundle = await fetch(new URL(script!, `${edge.base}${edge.mount}/`), { headers: { cookie } });
  assert.equal(bundle.status, 200);
  assert.ok((await bundle.arrayBuffer()).byteLength > 0);
}

/**
 * A change sent with `Origin` and no `Sec-Fetch-Site` (a browser that does not send it) gets past
 * the same-origin check exactly when the proxy passes the browser's `Host` on.
 */
export async function originCheckThroughProxy(edge: Edge, hostPassedOn: boolean): Promise<void> {
  const cookie = await signIn(edge, 'operator');
  const response = await fetch(`${edge.base}${edge.mount}/api/actions/preview`, {
    method: 'POST',
    headers: { cookie, origin: new URL(edge.base).origin, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'job.retry', target: { queue: QUEUE, filter: { state: 'failed' } } }),
  });
  const problem = (await response.json()) as { type?: string };
  if (hostPassedOn) assert.notEqual(problem.type, 'urn:ops-jobs:problem:cross-site-refused');
  else assert.equal(problem.type, 'urn:ops-jobs:problem:cross-site-refused');
}
