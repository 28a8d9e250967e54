// The screenshots of the locales and theming guide (docs/guides/locales-and-theming.md): the
// console in German, light and dark, on a desktop and a phone, and right to left, against the
// element test fixtures, bundled from source. Usage: node scripts/locale-screenshots.ts [outDir=docs/images/locales]
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { failedJobDetail, fixtureApi } from '../test/elements/support/fixtures.ts';
import { launchChromium, openPage } from '../test/elements/support/browser.ts';
import { startServer } from '../test/elements/support/server.ts';

interface Shot {
  readonly file: string;
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly attributes: Readonly<Record<string, string>>;
  readonly dir?: 'rtl';
}

const now = Date.now();
const job = `queues/email-send/jobs/${failedJobDetail(now).id}`;
const SHOTS: readonly Shot[] = [
  { file: 'de-overview-light.png', path: '', width: 1280, height: 760, attributes: { locale: 'de', theme: 'light' } },
  { file: 'de-failed-jobs-dark.png', path: 'queues/email-send?state=failed', width: 1280, height: 760, attributes: { locale: 'de', theme: 'dark' } },
  { file: 'de-job-dark.png', path: job, width: 1280, height: 900, attributes: { locale: 'de', theme: 'dark' } },
  { file: 'de-job-phone-dark.png', path: job, width: 390, height: 844, attributes: { locale: 'de', theme: 'dark' } },
  { file: 'rtl-job-light.png', path: job, width: 1280, height: 900, attributes: { locale: 'de', theme: 'light' }, dir: 'rtl' },
];

/** Waits until no loading placeholder is left, shadow roots included, and the catalog is in. */
async function settle(page: Page): Promise<void> {
  await page.locator('ops-jobs-console[lang]').waitFor();
  await page.waitForFunction(() => {
    const busy = (root: Document | ShadowRoot): boolean =>
      root.querySelector('[aria-busy="true"]') !== null || [...root.querySelectorAll('*')].some((el) => el.shadowRoot && busy(el.shadowRoot));
    return !busy(document);
  });
  await page.waitForTimeout(250);
}

const out = process.argv[2] ?? new URL('../docs/images/locales/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const server = await startServer({ api: fixtureApi(now) });
const browser = await launchChromium();
try {
  for (const shot of SHOTS) {
    const { page, errors } = await openPage(browser, { width: shot.width, height: shot.height });
    await page.addInitScript(({ attributes, dir }) => {
      new MutationObserver((_, observer) => {
        if (dir && document.documentElement) document.documentElement.dir = dir;
        const element = document.querySelector('ops-jobs-console');
        if (!element) return;
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    }, { attributes: shot.attributes, dir: shot.dir });
    await page.goto(server.url(shot.path));
    await settle(page);
    await page.screenshot({ path: join(out, shot.file) });
    console.log(join(out, shot.file));
    if (errors.length > 0) console.log(errors.join('\n'));
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
