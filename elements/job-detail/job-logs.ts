import { html, type TemplateResult } from 'lit';
import type { JobDetailResponse } from '../../core/vocabulary/wire.ts';
import { formatCount } from '../shared/format.ts';

type Logs = NonNullable<JobDetailResponse['logs']>;

/** The lines to print, or null when the display policy hid them or they were too large to send. */
export function logLines(logs: Logs): readonly string[] | null {
  const shown = logs.lines;
  if (!('value' in shown) || !Array.isArray(shown.value)) return null;
  return shown.value.map((line) => (typeof line === 'string' ? line : JSON.stringify(line)));
}

/** How much of the log is on show: "last 50 of 1,204 lines", "3 lines", or "none". */
export function logsSummary(logs: Logs, shownLines: number | null): string {
  if (logs.total === 0) return 'none';
  const noun = logs.total === 1 ? 'line' : 'lines';
  if (shownLines === null || shownLines >= logs.total) return `${formatCount(logs.total)} ${noun}`;
  return `last ${formatCount(shownLines)} of ${formatCount(logs.total)} ${noun}`;
}

/**
 * The job's log lines, oldest first, in a block that scrolls on its own and can be reached and
 * scrolled with the keyboard.
 */
export function logBlock(lines: readonly string[]): TemplateResult {
  return html`<pre part="logs" class="log" tabindex="0" role="region" aria-label="Log lines">${lines.map(
    (line) => html`<span class="log-line">${line}</span>\n`,
  )}</pre>`;
}
