// The loop the screenshot scripts share: every view at desktop and phone widths, light and dark,
// against a running element-test fixture server.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium, openPage } from '../../test/elements/support/browser.ts';

/** Where the views are: a fixture server, or a running host. */
export interface ShotTarget {
  url(path: string): string;
  close?(): Promise<void>;
}

export interface ShootOptions {
  /** Run once per page before its first shot, such as signing in to a real host. */
  readonly beforeAll?: (page: Page) => Promise<void>;
  /** The desktop width; 1440 by default. */
  readonly desktopWidth?: number;
}

/** One screenshot: a name, a path under the console's root, and what to do before shooting. */
export type Shot = readonly [name: string, path: string, act?: (page: Page) => Promise<void>];

/** Waits until no loading placeholder is left, shadow roots included. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const busy = (root: Document | ShadowRoot): boolean =>
      root.querySelector('[aria-busy="true"]') !== null || [...root.querySelectorAll('*')].some((el) => el.shadowRoot && busy(el.shadowRoot));
    return !busy(document);
  });
  await page.waitForTimeout(250);
}

/** Shoots every view into `out` (as `<name>-<desktop|phone>-<light|dark>.png`), then closes the target. */
export async function shootViews(out: string, server: ShotTarget, shots: readonly Shot[], options: ShootOptions = {}): Promise<void> {
  await mkdir(out, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const [width, height, size] of [[options.desktopWidth ?? 1440, 900, 'desktop'], [390, 844, 'phone']] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const { page, errors } = await openPage(browser, { width, height, colorScheme: scheme });
        await options.beforeAll?.(page);
        for (const [name, path, act] of shots) {
          await page.goto(server.url(path));
          await settle(page);
          if (act) {
            await act(page);
            await page.waitForTimeout(300);
          }
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
    await server.close?.();
  }
}
