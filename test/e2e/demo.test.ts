// End to end on the real stack: the Express demo (pg-boss on embedded PGlite, the console's
// server, the built bundle) in Chromium. Signs in as `viewer`, finds a failed job through the
// console and checks its error is shown as the API reports it.
// Needs `npm run build` first (the demo imports the package's built entry points).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { JobDetailResponse } from '../../core/vocabulary/wire.ts';
import { launchChromium, openPage } from '../elements/support/browser.ts';
import { deepText, settled } from '../elements/support/console-page.ts';

const root = new URL('../../', import.meta.url).pathname;
let demo: ChildProcess | undefined;
let origin = '';
let mount = '';
let output = '';
let browser: Browser;

/** Starts the demo on a port the OS picks and resolves with the console URL it prints. */
function startDemo(): Promise<URL> {
  if (!existsSync(`${root}dist/adapters/express/index.js`) || !existsSync(`${root}dist/console/manifest.json`)) {
    throw new Error('the demo needs the built package: run `npm run build` first (npm test does)');
  }
  const child = spawn(process.execPath, ['demo/express-host.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATABASE_URL: '', DEMO_PGLITE_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  demo = child;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo printed no URL within 90 s:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ops-jobs demo: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[1]!));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** Reloads the overview until some queue shows failed jobs (the demo's workload makes them in seconds). */
async function waitForFailures(page: Page): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    await settled(page);
    if ((await page.locator('a.failed-count').count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`no failed jobs appeared in the demo within 90 s:\n${output}`);
    await page.waitForTimeout(2_000);
    await page.getByRole('button', { name: 'Refresh queues' }).click();
  }
}

before(async () => {
  const url = await startDemo();
  origin = url.origin;
  mount = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (demo && demo.exitCode === null) {
    const exited = new Promise((resolve) => demo!.once('exit', resolve));
    demo.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (demo.exitCode === null) demo.kill('SIGKILL');
  }
});

describe('demo end to end', { timeout: 240_000 }, () => {
  it('signs in as viewer, opens a failed job through the console and shows its error', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${origin}/login`);
    await page.locator('input[name="user"][value="viewer"]').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname.startsWith(mount.slice(0, -1)));
    await page.getByRole('heading', { name: 'Queues', level: 1 }).waitFor();
    await waitForFailures(page);

    await page.locator('a.failed-count').first().click();
    await page.waitForURL((url) => url.searchParams.get('state') === 'failed');
    await settled(page);
    const firstJob = page.locator('td.id a').first();
    await firstJob.waitFor();
    const id = await firstJob.getAttribute('title');
    assert.ok(id, 'the failed job has an id');
    await firstJob.click();
    await page.waitForURL((url) => url.pathname.endsWith(`/jobs/${encodeURIComponent(id)}`));
    await settled(page);

    assert.equal(await page.locator('ops-jobs-job-detail .title [part="badge"]').innerText(), 'Failed');
    const detailUrl = new URL(`api${new URL(page.url()).pathname.slice(mount.length - 1)}`, `${origin}${mount}`);
    const detail = (await (await page.request.get(detailUrl.href)).json()) as JobDetailResponse;
    assert.equal(detail.id, id);
    const errorSection = page.locator('section', { has: page.getByRole('heading', { name: 'Error', level: 2 }) });
    await errorSection.waitFor();
    if ('value' in detail.error) {
      const value = detail.error.value as { message?: string };
      assert.ok(value.message, `the demo's failed job has an error message: ${JSON.stringify(detail.error)}`);
      const headline = await page.locator('[part="headline"]').innerText();
      assert.ok(headline.includes(value.message), `headline ${JSON.stringify(headline)} shows ${JSON.stringify(value.message)}`);
    } else {
      assert.match(await deepText(errorSection), /Hidden by display policy|Too large to show whole/);
    }
    // The demo host serves no favicon; that request's 404 is the host's, not the console's.
    assert.deepEqual(errors.filter((error) => !error.includes('/favicon.ico')), []);
    await page.context().close();
  });

  it('signs in as operator, retries a failed job from the console with a reason, and finds the audit record', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${origin}/login`);
    await page.locator('input[name="user"][value="operator"]').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Queues', level: 1 }).waitFor();
    await waitForFailures(page);
    await page.locator('a.failed-count').first().click();
    await settled(page);
    const firstJob = page.locator('td.id a').first();
    const id = await firstJob.getAttribute('title');
    assert.ok(id);
    await firstJob.click();
    await settled(page);

    const jobUrl = (queue: string) => `${origin}${mount}api/queues/${encodeURIComponent(queue)}/jobs/${id}`;
    const queueName = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-3) ?? '');
    const before = (await (await page.request.get(jobUrl(queueName))).json()) as JobDetailResponse;
    assert.equal(before.state, 'failed');
    const reason = `End-to-end check: retrying ${id.slice(0, 8)} after the upstream recovered`;
    await page.getByRole('group', { name: 'Actions on this job' }).getByRole('button', { name: 'Retry' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Nothing has changed yet').waitFor();
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('textbox', { name: /^Why retry/ }).fill(reason);
    await dialog.getByRole('button', { name: /^Retry 1 job/ }).click();
    const record = dialog.getByRole('link', { name: /View the audit record/ });
    await record.waitFor();
    await record.click();
    // The record's view loads on first use: wait for it to show the reason, not for the page to settle.
    await page.locator('ops-jobs-audit-record').getByText(reason).first().waitFor();
    await settled(page);
    const recordText = await deepText(page.locator('ops-jobs-console'));
    assert.ok(recordText.includes(reason), 'the audit record shows the reason');
    assert.ok(recordText.includes('Omar Operator'), 'the audit record names the operator');

    const audit = await (await page.request.get(`${origin}${mount}api/audit?job=${encodeURIComponent(id)}`)).json();
    assert.equal(audit.records.length, 1);
    assert.equal(audit.records[0].action, 'job.retry');
    assert.equal(audit.records[0].reason, reason);
    assert.equal(audit.records[0].outcome, 'succeeded');
    assert.equal(audit.records[0].affected, 1);
    assert.equal(audit.records[0].resource.queue, queueName);
    // The demo's workers may pick the retried job up and fail it again at once; the extra attempt
    // it was given is what shows the retry happened.
    const after = (await (await page.request.get(jobUrl(queueName))).json()) as JobDetailResponse;
    assert.equal(after.attempts.max, before.attempts.max + 1, 'the retry gave the job another attempt');
    assert.deepEqual(errors.filter((error) => !error.includes('/favicon.ico')), []);
    await page.context().close();
  });
});
