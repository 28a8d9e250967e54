// A stand-in for the console's API inside a fixture page: `fetch` answers calls under a made-up
// mount root from the same handlers the element tests' server uses (test/elements/support), so a
// view renders with that data and no server. The views against a real server are covered by
// test/elements and test/e2e.
import type { ApiHandler, ApiRequest } from '../../elements/support/server.ts';

/** The mount root the stub answers under; give it to a view as its `root`. */
export const STUB_ROOT = '/stub-mount/';

export interface ApiStub {
  /** Every API path called (relative to `api/`, with its query), in order. */
  readonly calls: string[];
  /** The handler; tests may replace it. */
  handler: ApiHandler;
  /** While set, calls wait until `release()`: a view's loading state can be seen. */
  hold: boolean;
  release(): void;
}

/** Replaces `fetch` for calls under {@link STUB_ROOT}; any other call goes to the real one. */
export function stubApi(handler: ApiHandler): ApiStub {
  const real = window.fetch.bind(window);
  const prefix = new URL(`${STUB_ROOT}api/`, location.href).href;
  let waiting: Array<() => void> = [];
  const stub: ApiStub = {
    calls: [],
    handler,
    hold: false,
    release() {
      const held = waiting;
      waiting = [];
      for (const go of held) go();
    },
  };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href);
    if (!url.href.startsWith(prefix)) return real(input, init);
    const path = url.href.slice(prefix.length);
    stub.calls.push(path);
    if (stub.hold) await new Promise<void>((resolve) => waiting.push(resolve));
    init?.signal?.throwIfAborted();
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    const request: ApiRequest = {
      method: init?.method ?? 'GET',
      path,
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    const answer = await stub.handler(path, new URL(path, prefix), request);
    if (answer === 'network-error' || answer === 'cut-off') throw new TypeError('Failed to fetch');
    const status = answer.status ?? 200;
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status, headers: { 'content-type': type, ...answer.headers } });
  };
  return stub;
}

/** Resolves once `check` holds, looking again each frame; fails after a few seconds. */
export async function until(check: () => boolean, what = 'the condition'): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Keeps links from leaving the fixture page, noting each one followed by pointer or keyboard. */
export function catchLinks(): { followed: string[]; stop(): void } {
  const followed: string[] = [];
  const onClick = (event: MouseEvent) => {
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link) return;
    event.preventDefault();
    followed.push(link.href);
  };
  document.addEventListener('click', onClick);
  return { followed, stop: () => document.removeEventListener('click', onClick) };
}
