// axe-core in a Chromium page, limited to the WCAG 2.0, 2.1 and 2.2 A and AA rules.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  readonly id: string;
  readonly help: string;
  /** The first few nodes at fault: their selector path through shadow roots, and what to fix. */
  readonly nodes: readonly string[];
}

/** axe's violations on the page as it is now, shadow roots included. */
export async function violations(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.slice(0, 4).map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`.replace(/\s+/g, ' ')),
    }));
  }, AXE_TAGS);
}

/** One line per violation, named by where it was found, for an assertion's message. */
export function describeViolations(where: string, found: readonly Violation[]): string[] {
  return found.map((violation) => `${where}: ${violation.id} (${violation.help})\n    ${violation.nodes.join('\n    ')}`);
}
