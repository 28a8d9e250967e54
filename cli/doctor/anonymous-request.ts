/**
 * A request from nobody, shaped so that `currentActor` can read it whichever host it was written
 * for: an Express `req`, a Koa `ctx` or a Fetch `Request`, with no session, cookie, header or
 * signed-in user anywhere. `headers` is a `Headers`, so both `headers.get(name)` and
 * `headers[name]` find nothing.
 */
export function anonymousRequest(url = 'http://localhost/ops/jobs/api/session'): Record<string, unknown> {
  const headers = new Headers();
  const none = () => undefined;
  const parsed = new URL(url);
  const request = {
    method: 'GET',
    url,
    originalUrl: parsed.pathname,
    path: parsed.pathname,
    headers,
    header: none,
    get: none,
    cookies: { get: none },
    signedCookies: {},
    session: undefined,
    user: undefined,
    state: {},
    ip: '127.0.0.1',
  };
  return { ...request, req: request, request };
}
