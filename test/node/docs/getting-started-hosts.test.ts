// The Express, Koa and node:http hosts of getting-started.md, run as written: each block is copied
// out of the guide, only its port changed, and started as its own Node.js process on a database
// of its own (DATABASE_URL, as the guide reads it). Each is then driven over HTTP on 127.0.0.1 the
// way an operator's browser would: signed in through the guide's own sign-in, one failed job
// previewed, retried with a reason, and found in the audit log.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { PgBoss } from 'pg-boss';
import { blockIn } from './support/code-blocks.ts';
import { docProject, type DocProject } from './support/doc-project.ts';
import { freePort, startDocHost } from './support/doc-host.ts';
import { scratchDatabase } from '../support/database.ts';

const GUIDE = 'docs/guides/getting-started.md';
const HOSTS = [
  { name: 'express', section: 'Express' },
  { name: 'koa', section: 'Koa' },
  { name: 'node', section: "Node's own HTTP server" },
] as const;
const PASSWORD = 'correct horse battery staple';

let project: DocProject | undefined;
after(() => project?.remove());

/** The `name=value` pairs of a response's Set-Cookie headers, as a browser would send them back. */
function cookiesFrom(response: Response): string {
  return response.headers.getSetCookie().map((header) => header.split(';', 1)[0]).join('; ');
}

/** A failed job in the host's pg-boss, made through pg-boss itself. */
async function failedJob(databaseUrl: string): Promise<{ id: string; state(): Promise<string | undefined>; stop(): Promise<void> }> {
  const boss = new PgBoss({ connectionString: databaseUrl, supervise: false, schedule: false, migrate: false });
  boss.on('error', (error) => console.error('pg-boss error in the docs host test', error));
  await boss.start();
  await boss.createQueue('emails', { retryLimit: 0 });
  const id = await boss.send('emails', { to: 'ada@example.com', apiKey: 'key_live_DOCS_SECRET' });
  assert.ok(id);
  const [job] = await boss.fetch('emails');
  assert.equal(job?.id, id);
  await boss.fail('emails', id, { message: 'mailbox unavailable' });
  return {
    id,
    state: async () => (await boss.getJobById('emails', id))?.state,
    stop: () => boss.stop({ graceful: false }),
  };
}

type FailedJob = Awaited<ReturnType<typeof failedJob>>;

async function driveToAuditedRetry(origin: string, job: FailedJob, section: string, output: () => string): Promise<void> {
  assert.equal((await fetch(`${origin}/ops/jobs/api/session`)).status, 401, 'signed out');
  const signIn = (password: string) => fetch(`${origin}/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ password }) });
  assert.equal((await signIn('a wrong password')).status, 401);
  const signedIn = await signIn(PASSWORD);
  assert.equal(signedIn.status, 303, output());
  assert.equal(signedIn.headers.get('location'), '/ops/jobs/');
  const cookie = cookiesFrom(signedIn);
  assert.ok(cookie, 'the sign-in sets a session cookie');

  const session = await (await fetch(`${origin}/ops/jobs/api/session`, { headers: { cookie } })).json();
  assert.equal(session.actor.label, 'ops@example.com');
  assert.equal(session.permissions['job.retry'], true);

  const page = await fetch(`${origin}/ops/jobs/api/queues/emails/jobs/${job.id}`, { headers: { cookie } });
  assert.equal(page.status, 200, output());
  const shown = await page.text();
  assert.ok(!shown.includes('key_live_DOCS_SECRET'), 'the display policy hides the api key');
  assert.ok(shown.includes('ada@example.com'));

  const headers = { cookie, origin, 'content-type': 'application/json' };
  const previewed = await fetch(`${origin}/ops/jobs/api/actions/preview`, {
    method: 'POST', headers, body: JSON.stringify({ action: 'job.retry', target: { queue: 'emails', ids: [job.id] } }),
  });
  assert.equal(previewed.status, 200, await previewed.clone().text());
  const preview = await previewed.json();
  assert.equal(preview.count, 1);
  assert.equal(await job.state(), 'failed', 'a preview changes nothing');

  const reason = `Mailbox is back; retrying from the ${section} guide`;
  const executed = await fetch(`${origin}/ops/jobs/api/actions/execute`, { method: 'POST', headers, body: JSON.stringify({ token: preview.token, reason }) });
  assert.equal(executed.status, 200, await executed.clone().text());
  const result = await executed.json();
  assert.equal(result.affected, 1);
  assert.notEqual(await job.state(), 'failed', 'the job was retried');

  const record = await (await fetch(`${origin}/ops/jobs/api/audit/${result.auditId}`, { headers: { cookie } })).json();
  assert.equal(record.action, 'job.retry');
  assert.equal(record.outcome, 'succeeded');
  assert.equal(record.reason, reason);
  assert.deepEqual(record.principal, { id: 'ops-1', type: 'user', label: 'ops@example.com' });
  assert.deepEqual(record.resource.ids, [job.id]);
}

for (const { name, section } of HOSTS) {
  describe(`getting started, ${section}: the guide's own host`, () => {
    test('starts as written and takes one failed job through preview, execute and the audit log', async () => {
      project ??= await docProject();
      const port = await freePort();
      const written = blockIn(GUIDE, section, 'ts').code;
      const code = written.replace(/\.listen\(3000\);$/m, `.listen(${port}, '127.0.0.1');`);
      assert.notEqual(code, written, 'the block ends by listening on port 3000');
      const file = await project.write(`${name}-host.ts`, `${code}\n`);

      const database = await scratchDatabase(name);
      try {
        const env = { DATABASE_URL: database.url, SESSION_SECRET: 'a session secret for the test', OPS_PASSWORD: PASSWORD };
        const host = await startDocHost(file, project.dir, port, env, '/login');
        try {
          const job = await failedJob(database.url);
          try {
            await driveToAuditedRetry(host.origin, job, section, host.output);
          } finally {
            await job.stop();
          }
        } finally {
          await host.stop();
        }
      } finally {
        await database.drop();
      }
    });
  });
}
