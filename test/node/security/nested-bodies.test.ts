// A body nested deeper than any request of the console's is refused with a 400 problem on both
// adapters, after the sign-in and same-origin checks, whether the host parsed it or not: never a
// 500 with a stack trace from serializing the host's parsed value again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createOpsJobs, hideKeysMatching } from '../../../core/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { startHost, type HostName, type RunningHost } from '../support/http-hosts.ts';
import { startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';

/** JSON nested `depth` levels deep, written as text so that building it needs no recursion. */
function nested(depth: number): string {
  return `{"action":"job.retry","target":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

let stack: SeededStack;
before(async () => {
  stack = await startSeededPgBoss();
});
after(() => stack.stop());

const SETUPS: ReadonlyArray<[HostName, boolean]> = [['express', true], ['koa', true], ['koa', false]];

for (const [hostName, parsed] of SETUPS) {
  describe(`deeply nested bodies on ${hostName}${parsed ? ' with its JSON body parser' : ' reading the body itself'}`, () => {
    let host: RunningHost;
    before(async () => {
      const opsJobs = createOpsJobs({
        engine: fromPgBoss(stack.boss),
        store: createPostgresStore({ pglite: stack.pglite }),
        auth: {
          currentActor: (hostRequest) => (hostRequest as { get(name: string): string }).get('x-test-user') || null,
          authorize: () => true,
          auditPrincipal: (actor) => ({ id: String(actor), type: 'user', label: String(actor) }),
        },
        displayPolicy: hideKeysMatching(/secret/i),
      });
      host = await startHost(hostName, opsJobs as never, { koaBodyParser: parsed });
    });
    after(() => host?.close());

    const send = (body: string, headers: Record<string, string>) =>
      fetch(`${host.url}/ops/jobs/api/actions/preview`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

    for (const depth of [64, 5_000]) {
      test(`${depth} levels: 401 signed out, 403 cross-site, 400 for an operator, never an internal error`, async () => {
        const body = nested(depth);
        assert.equal((await send(body, { origin: host.url })).status, 401);
        assert.equal((await send(body, { 'x-test-user': 'olga', origin: 'https://evil.example' })).status, 403);
        const refused = await send(body, { 'x-test-user': 'olga', origin: host.url });
        const text = await refused.text();
        assert.equal(refused.status, 400, text);
        assert.match(refused.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.equal(JSON.parse(text).parameter, 'body');
        assert.doesNotMatch(text, /at \w+ \(|RangeError|stack/i);
      });
    }

    test('a body of ordinary depth still arrives', async () => {
      const response = await send(JSON.stringify({ action: 'job.retry', target: { queue: 'payments', ids: [stack.ids.failed[0]] } }), { 'x-test-user': 'olga', origin: host.url });
      assert.equal(response.status, 200, await response.text());
    });
  });
}
