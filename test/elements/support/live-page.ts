// Reading the console's live indicator and watching views for loading states, in a page.
import type { Page } from 'playwright-core';
import type { LiveState } from '../../../elements/live/live-state.ts';

/** The live indicator in the console's header. */
export function indicator(page: Page) {
  return page.locator('ops-jobs-console [part="live"]');
}

/** Waits until the indicator shows `state`. */
export async function untilLive(page: Page, state: LiveState, timeout = 10_000): Promise<void> {
  await page.locator(`ops-jobs-console [part="live"][data-state="${state}"]`).waitFor({ timeout });
}

/** What the indicator's live region says, as a screen reader reads it ("Updates: Live"). */
export async function liveText(page: Page): Promise<string> {
  const text = await indicator(page).locator('[role="status"]').evaluate((region) => {
    const copy = region.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return copy.textContent ?? '';
  });
  return text.replace(/\s+/g, ' ').trim();
}

/** What the indicator says its state means, opened as an operator would, by pressing it. */
export async function explanation(page: Page): Promise<string> {
  const panel = indicator(page).locator('[part="live-explained"]');
  if (!(await panel.isVisible())) await indicator(page).locator('button').click();
  await panel.waitFor();
  return (await panel.innerText()).trim();
}

declare global {
  interface Window {
    liveStates?: string[];
    loadingSeen?: string[];
  }
}

/**
 * Records every `ops-jobs-live-change` from the next page load on; call before `goto`. Returns a
 * function that reads the states seen so far.
 */
export async function recordLiveStates(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    window.liveStates = [];
    document.addEventListener('ops-jobs-live-change', (event) => window.liveStates!.push((event as Event & { state: string }).state));
  });
  return () => page.evaluate(() => window.liveStates ?? []);
}

/**
 * Watches the view `tag` inside the console from now on, at every DOM change, for anything a
 * loading state shows: `aria-busy`, a skeleton, a spinning refresh icon. Returns a function that
 * reads what was seen.
 */
export async function watchForLoading(page: Page, tag: string): Promise<() => Promise<string[]>> {
  await page.evaluate((tag) => {
    const seen = new Set<string>();
    window.loadingSeen = [];
    const root = document.querySelector('ops-jobs-console')?.shadowRoot?.querySelector(tag)?.shadowRoot;
    if (!root) throw new Error(`no ${tag} in the console`);
    const check = () => {
      if (root.querySelector('[aria-busy="true"]')) seen.add('aria-busy');
      if (root.querySelector('.skeleton')) seen.add('skeleton');
      if (root.querySelector('.spin')) seen.add('spinner');
      window.loadingSeen = [...seen];
    };
    new MutationObserver(check).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  }, tag);
  return () => page.evaluate(() => window.loadingSeen ?? []);
}

/** Errors a page logs when the test cuts its stream on purpose, which are not failures. */
export function withoutCuts(errors: readonly string[]): string[] {
  return errors.filter((error) => !/api\/events/.test(error));
}
