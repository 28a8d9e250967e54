// A job's page with large values in Chromium: 5 MB of data, a 10,000-line stack, 1,000 log lines.
// For each: the time from navigation until the detail shows its values and answers input, the
// main thread's long tasks (over 50 ms) meanwhile, and the page's size; then the same for the
// "Show all" or "Load the whole" that reveals the rest. Values come through the real presenter.
//   npm run bench:large-payloads            (RUNS=5 by default; the median is reported)
import type { Page } from 'playwright-core';
import { launchChromium, openPage } from '../test/elements/support/browser.ts';
import { LARGE_JOBS, LARGE_QUEUE, largeJobsApi } from '../test/elements/support/large-jobs.ts';
import { pageWeight } from '../test/elements/support/page-weight.ts';
import { startServer } from '../test/elements/support/server.ts';

const RUNS = Number(process.env.RUNS ?? 5);

interface Sample {
  readonly ms: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  readonly nodes: number;
  readonly chars: number;
}

const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); })
    .observe({ type: 'longtask', buffered: true });
`;

/** Waits for the next frame after `ready` holds, so the time includes layout and paint. */
async function sample(page: Page, started: number, ready: () => Promise<unknown>): Promise<Sample> {
  await ready();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  const ms = performance.now() - started;
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));
  const weight = await pageWeight(page);
  return { ms, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks), nodes: weight.nodes, chars: weight.chars };
}

const CASES = [
  { name: '5 MB of data', id: LARGE_JOBS.data, reveal: /^Load the whole value/ },
  { name: '10,000-line stack', id: LARGE_JOBS.stack, reveal: /^(Show all [\d,]+ lines|Load the whole)/ },
  { name: '1,000 log lines', id: LARGE_JOBS.log, reveal: /^Show all$/ },
] as const;

const browser = await launchChromium();
const server = await startServer({ api: largeJobsApi() });
const results: Record<string, { open: Sample[]; reveal: Sample[] }> = {};
try {
  for (let run = 0; run < RUNS; run++) {
    for (const item of CASES) {
      const { page } = await openPage(browser, { width: 1440, height: 900 });
      await page.addInitScript(OBSERVE_LONG_TASKS);
      const started = performance.now();
      await page.goto(server.url(`queues/${LARGE_QUEUE}/jobs/${item.id}`));
      const open = await sample(page, started, async () => {
        await page.locator('ops-jobs-json-viewer [part="code"]').first().waitFor();
        await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
      });
      const button = page.getByRole('button', { name: item.reveal }).first();
      const entry = (results[item.name] ??= { open: [], reveal: [] });
      entry.open.push(open);
      if (await button.count()) {
        const text = (await button.innerText()).trim();
        const before = performance.now();
        await button.click();
        entry.reveal.push(await sample(page, before, () => page.getByRole('button', { name: text, exact: true }).waitFor({ state: 'detached' })));
      }
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const row = (samples: Sample[]) => samples.length === 0
  ? '(none)'
  : `${median(samples.map((s) => s.ms)).toFixed(0)} ms; long tasks ${median(samples.map((s) => s.longTasks))}, longest ${median(samples.map((s) => s.longestTaskMs)).toFixed(0)} ms; ${median(samples.map((s) => s.nodes))} nodes, ${median(samples.map((s) => s.chars))} characters in the page`;
console.log(`large payloads in Chromium, median of ${RUNS} runs`);
for (const [name, { open, reveal }] of Object.entries(results)) {
  console.log(`${name}\n  open:   ${row(open)}\n  reveal: ${row(reveal)}`);
}
