// What a signed-in browser does through the proxy, over fetch: sign in and out, send a job, read
// queue counts and open the live stream.
import type { QueueListResponse } from '../../../core/vocabulary/wire.ts';
import { connectSse, type SseConnection } from '../../node/support/sse-client.ts';

/** The demo as seen through a proxy at `base`, such as `http://127.0.0.1:41235/edge`. */
export interface Edge {
  readonly base: string;
  /** The console's path on the demo, such as `/ops/jobs`. */
  readonly mount: string;
}

/** Signs in as a demo user through the proxy and returns the session cookie (`name=value`). */
export async function signIn(edge: Edge, user: 'viewer' | 'operator'): Promise<string> {
  const response = await fetch(`${edge.base}/login`, { method: 'POST', body: new URLSearchParams({ user }), redirect: 'manual' });
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('ops_demo_sid='));
  if (response.status !== 303 || !cookie) throw new Error(`sign-in through the proxy answered ${response.status} without a session cookie`);
  return cookie.split(';', 1)[0]!;
}

/** Ends the session on the server; the cookie stays with the caller, as a stolen one would. */
export async function signOut(edge: Edge, cookie: string): Promise<void> {
  const response = await fetch(`${edge.base}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
  await response.body?.cancel();
  if (response.status !== 303) throw new Error(`sign-out through the proxy answered ${response.status}`);
}

/** Sends one job to `queue` with `POST /demo/jobs`. */
export async function sendJob(edge: Edge, cookie: string, queue: string): Promise<void> {
  const response = await fetch(`${edge.base}/demo/jobs`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ queue, data: { note: 'sent through the proxy' } }),
  });
  if (response.status !== 201) throw new Error(`POST /demo/jobs answered ${response.status}: ${await response.text()}`);
}

/** A queue's total as the console's API reports it now. */
export async function queueTotal(edge: Edge, cookie: string, queue: string): Promise<number> {
  const response = await fetch(`${edge.base}${edge.mount}/api/queues`, { headers: { cookie } });
  const body = (await response.json()) as QueueListResponse;
  const found = body.queues.find((entry) => entry.name === queue);
  if (!found) throw new Error(`no queue ${queue} in the console's queue list (status ${response.status})`);
  return found.total;
}

/** Opens `api/events` through the proxy, resuming after `lastEventId` when given. */
export function openEvents(edge: Edge, cookie: string, lastEventId?: string): Promise<SseConnection> {
  return connectSse(`${edge.base}${edge.mount}/api/events`, {
    cookie,
    'accept-encoding': 'gzip, br',
    ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
  });
}
