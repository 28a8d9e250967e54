// Both demo hosts keep sessions on the server: signing out ends the session, and the cookie from
// before sign-out opens nothing afterwards. Hosts copy the demo, so it must get this right.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDemo, type DemoProcess } from '../../proxy/support/demo-process.ts';

for (const host of ['express', 'koa'] as const) {
  describe(`the ${host} demo's sessions`, () => {
    let demo: DemoProcess;
    before(async () => {
      demo = await startDemo({ DEMO_WORKLOAD: 'off' }, 90_000, host);
    });
    after(() => demo?.stop());

    const signIn = async (user: string): Promise<string> => {
      const response = await fetch(`${demo.origin}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: demo.origin },
        body: new URLSearchParams({ user }),
        redirect: 'manual',
      });
      assert.equal(response.status, 303, await response.text());
      const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
      assert.ok(cookies.length > 0, 'a session cookie');
      return cookies.join('; ');
    };
    const session = (cookie: string) => fetch(`${demo.origin}${demo.mount}/api/session`, { headers: { cookie } });

    test('signing out ends the session; the old cookie opens nothing', async () => {
      const cookie = await signIn('operator');
      assert.equal((await session(cookie)).status, 200);
      const out = await fetch(`${demo.origin}/logout`, { method: 'POST', headers: { cookie, origin: demo.origin }, redirect: 'manual' });
      assert.equal(out.status, 303);
      assert.equal((await session(cookie)).status, 401);
    });

    test('each sign-in gets a new session; the cookie carries no identity', async () => {
      const first = await signIn('viewer');
      const second = await signIn('viewer');
      assert.notEqual(first, second);
      assert.doesNotMatch(Buffer.from(first.split('=').slice(1).join('='), 'base64').toString('latin1'), /viewer/);
    });
  });
}
