// What a page holds, shadow roots included: for checking that a large value never lands whole in the DOM.
import type { Page } from 'playwright-core';

export interface PageWeight {
  /** Elements and text nodes. */
  readonly nodes: number;
  /** Characters of text. */
  readonly chars: number;
}

export function pageWeight(page: Page): Promise<PageWeight> {
  return page.evaluate(() => {
    let nodes = 0;
    let chars = 0;
    const walk = (node: Node): void => {
      nodes++;
      if (node.nodeType === Node.TEXT_NODE) chars += (node.textContent ?? '').length;
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(document);
    return { nodes, chars };
  });
}
