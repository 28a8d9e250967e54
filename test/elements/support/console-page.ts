// Helpers for driving the console in a page: waiting for views to settle and reading what an
// operator (or assistive technology) would see.
import type { Browser, Page } from 'playwright-core';
import { openPage, type PageOptions } from './browser.ts';

export interface OpenConsoleOptions extends PageOptions {
  /** Runs on the page before it loads the console: request listeners, init scripts. */
  readonly beforeLoad?: (page: Page) => Promise<unknown> | unknown;
}

/** Opens the console at `url` in a fresh page and waits until its views have settled. */
export async function openConsole(browser: Browser, url: string, options: OpenConsoleOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, options);
  await options.beforeLoad?.(opened.page);
  await opened.page.goto(url);
  await settled(opened.page);
  return opened;
}

/** Waits until no loading placeholder is left anywhere, shadow roots included. */
export async function settled(page: Page): Promise<void> {
  await page.locator('ops-jobs-console').waitFor();
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** The text of every element matching a (shadow-piercing) selector, trimmed. */
export async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The visible level-1 heading of the current view. */
export async function heading(page: Page): Promise<string> {
  const all = await texts(page, 'h1');
  return all.join(' | ');
}

/** An interactive node without an accessible name, as Chromium's accessibility tree sees it. */
export interface Unnamed {
  readonly role: string;
  readonly html: string;
}

const NAMED_ROLES = new Set(['button', 'link', 'textbox', 'checkbox', 'radio', 'tab', 'menuitem', 'combobox', 'switch', 'searchbox', 'region', 'navigation', 'table']);

/** Every button, link, region, table... that has no accessible name. */
export async function unnamedControls(page: Page): Promise<Unnamed[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }>;
  };
  const missing: Unnamed[] = [];
  for (const node of nodes) {
    const role = node.role?.value ?? '';
    if (node.ignored || !NAMED_ROLES.has(role)) continue;
    if ((node.name?.value ?? '').trim() !== '') continue;
    let html = '';
    if (node.backendDOMNodeId) {
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId })) as { object: { objectId: string } };
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: 'function () { return this.outerHTML ? this.outerHTML.slice(0, 200) : String(this.nodeName); }',
        returnByValue: true,
      })) as { result: { value: string } };
      html = result.value;
    }
    missing.push({ role, html });
  }
  await cdp.detach();
  return missing;
}

/** Counts of the roles in the accessibility tree, for checking that semantics survive layout changes. */
export async function roleCount(page: Page, role: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ ignored: boolean; role?: { value: string } }> };
  await cdp.detach();
  return nodes.filter((node) => !node.ignored && node.role?.value === role).length;
}

/**
 * The text inside an element including its shadow roots and slotted nodes, whitespace collapsed.
 * `innerText` stops at shadow roots, so a section holding a JSON viewer would read empty.
 */
export async function deepText(locator: import('playwright-core').Locator): Promise<string> {
  const text = await locator.evaluate((root) => {
    const parts: string[] = [];
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent ?? '');
        return;
      }
      if (!(node instanceof Element)) return;
      if (node.localName === 'style' || node.localName === 'script') return;
      if (node instanceof HTMLSlotElement) {
        for (const child of node.assignedNodes({ flatten: true })) walk(child);
        return;
      }
      parts.push(' ');
      for (const child of (node.shadowRoot ?? node).childNodes) walk(child);
      parts.push(' ');
    };
    walk(root);
    return parts.join('');
  });
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether `needle` appears anywhere in the page: text, attribute values and form values, inside
 * every shadow root too. For checking that a secret never reaches the DOM.
 */
export async function pageContains(page: import('playwright-core').Page, needle: string): Promise<boolean> {
  return page.evaluate((needle) => {
    const seen = (node: Node): boolean => {
      if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').includes(needle);
      if (node instanceof Element) {
        for (const attribute of node.attributes) if (attribute.value.includes(needle)) return true;
        if ((node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) && node.value.includes(needle)) return true;
        if (node.shadowRoot && seen(node.shadowRoot)) return true;
      }
      for (const child of node.childNodes) if (seen(child)) return true;
      return false;
    };
    return seen(document);
  }, needle);
}
