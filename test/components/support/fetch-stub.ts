// A stand-in for the console's API inside a fixture page: `fetch` answers calls under a made-up
// mount root from a handler, so a view renders with its data and no server. The views' behaviour
// against a real server is covered by test/elements and test/e2e.
export const STUB_ROOT = '/stub-mount/';

/** One answer: a JSON body (a problem document when `status` is 4xx or 5xx) and headers. */
export interface StubAnswer {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Answers a call; `path` is relative to the mount's `api/`, with its query. */
export type StubHandler = (path: string, init: RequestInit | undefined) => StubAnswer | Promise<StubAnswer>;

export interface ApiStub {
  /** Every API path called, in order. */
  readonly calls: string[];
  /** The handler; tests may replace it. */
  handler: StubHandler;
  /** Calls still being answered, held until `release` when `hold` is set. */
  hold: boolean;
  release(): void;
}

/** Replaces `fetch` for calls under {@link STUB_ROOT}; other calls go to the real one. */
export function stubApi(handler: StubHandler): ApiStub {
  const real = window.fetch.bind(window);
  const prefix = new URL(`${STUB_ROOT}api/`, location.href).href;
  let waiting: Array<() => void> = [];
  const stub: ApiStub = {
    calls: [],
    handler,
    hold: false,
    release() {
      const now = waiting;
      waiting = [];
      for (const go of now) go();
    },
  };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? new URL(input, location.href).href : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(prefix)) return real(input, init);
    const path = url.slice(prefix.length);
    stub.calls.push(path);
    if (stub.hold) await new Promise<void>((resolve) => waiting.push(resolve));
    init?.signal?.throwIfAborted();
    const answer = await stub.handler(path, init);
    const status = answer.status ?? 200;
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status, headers: { 'content-type': type, ...answer.headers } });
  };
  return stub;
}

/** Resolves once `check` holds, looking again each frame. */
export async function until(check: () => boolean, what = 'the condition'): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
