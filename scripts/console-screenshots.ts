// Screenshots of every console view against the element test fixtures, at desktop and phone
// widths, light and dark. Usage: node scripts/console-screenshots.ts [outDir=/tmp/shots/console]
import { mkdir } from 'node:fs/promises';
import { launchChromium, openPage } from '../test/elements/support/browser.ts';
import { deadLetterJobDetail, failedJobDetail, fixtureApi } from '../test/elements/support/fixtures.ts';
import { startServer } from '../test/elements/support/server.ts';

const out = process.argv[2] ?? '/tmp/shots/console';
await mkdir(out, { recursive: true });
const now = Date.now();
const server = await startServer({ api: fixtureApi(now) });
const browser = await launchChromium();
const views: Array<[string, string]> = [
  ['overview', ''],
  ['failed-jobs', 'queues/email-send?state=failed'],
  ['all-jobs', 'queues/invoice-sync'],
  ['job-detail', `queues/email-send/jobs/${failedJobDetail(now).id}`],
  ['dead-letter-job', `queues/email-send-dlq/jobs/${deadLetterJobDetail(now).id}`],
  ['not-found', 'queues/nope/jobs/123'],
];
try {
  for (const [width, height, size] of [[1440, 900, 'desktop'], [390, 844, 'phone']] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPage(browser, { width, height, colorScheme: scheme });
      for (const [name, path] of views) {
        await page.goto(server.url(path));
        await page.waitForFunction(() => !document.querySelector('ops-jobs-console')?.shadowRoot?.querySelector('[aria-busy="true"]'));
        await page.waitForTimeout(250);
        const file = `${out}/${name}-${size}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
        console.log(file);
      }
      if (errors.length) console.log(errors.join('\n'));
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
