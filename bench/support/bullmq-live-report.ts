// The BullMQ live benchmark's report: a Markdown block, printed and written into its own section of
// docs/benchmarks.md (between its markers, leaving every other section as it is).
import { readFile, writeFile } from 'node:fs/promises';

/** One measured window. */
export interface LiveWindow {
  /** `polled`: console streams with BullMQ's event streams turned off. */
  readonly kind: 'idle' | 'consoles' | 'polled' | 'tabs';
  /** Open console streams or bull-board tabs; 0 for the baseline. */
  readonly count: number;
  readonly commandsPerSecond: number;
  /** Connections the Redis server had at the end of the window. */
  readonly clients: number;
  /** Consoles: streams that received a count update in the window. Tabs: requests answered 200. */
  readonly answered: number;
  /** Consoles: streams the server ended. Tabs: requests answered otherwise, or not at all. */
  readonly failed: number;
}

export interface LiveResults {
  readonly windows: readonly LiveWindow[];
  readonly commit: string;
  readonly date: string;
  readonly machine: string;
  readonly jobsPerSecond: number;
  readonly queues: number;
  readonly windowSeconds: number;
  readonly tabPollSeconds: number;
}

const START = '<!-- bench:bullmq-live start -->';
const END = '<!-- bench:bullmq-live end -->';
const HEADING = '## Live updates on BullMQ: Redis commands by open consoles';

const rate = (value: number) => value.toFixed(1);
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;

export function liveResultsBlock(results: LiveResults): string {
  const idle = results.windows.filter((window) => window.kind === 'idle');
  const baseline = idle.reduce((sum, window) => sum + window.commandsPerSecond, 0) / Math.max(1, idle.length);
  const find = (kind: LiveWindow['kind'], count: number) => results.windows.find((window) => window.kind === kind && window.count === count);
  const counts = [...new Set(results.windows.filter((window) => window.kind !== 'idle').map((window) => window.count))].sort((a, b) => a - b);
  const cell = (window: LiveWindow | undefined) => (window ? `${rate(window.commandsPerSecond)} | ${signed(window.commandsPerSecond - baseline)}` : '- | -');
  const lines = [
    `Measured ${results.date} on commit ${results.commit}: ${results.machine}. Workload: ${results.jobsPerSecond} jobs/s added over ${results.queues} BullMQ queues ` +
      `and worked off at once (some fail, some are delayed 2 s first), so every queue's counts change all the time. ${results.windowSeconds} s per window.`,
    '',
    `Baseline (no console, no tab; the mean of the first and last windows): ${rate(baseline)} commands/s (${idle.map((window) => rate(window.commandsPerSecond)).join(' and ')}).`,
    '',
    '| Open | ops-jobs live streams: commands/s | above baseline | bull-board tabs: commands/s | above baseline |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...counts.map((count) => `| ${count} | ${cell(find('consoles', count))} | ${cell(find('tabs', count))} |`),
    '',
    ...results.windows.filter((window) => window.kind === 'polled').map((window) =>
      `For comparison, ${window.count} live streams with BullMQ's event streams turned off (\`liveConnections: 0\`: every queue polled every 2 s): ` +
        `${rate(window.commandsPerSecond)} commands/s, ${signed(window.commandsPerSecond - baseline)} above baseline.`),
    ...perTab(results, baseline),
    '',
    'What each window saw:',
    '',
    '| Window | Redis connections | answered |',
    '| --- | ---: | ---: |',
    ...results.windows.map((window) => {
      const name = window.kind === 'idle' ? 'baseline' : `${window.count} ${{ consoles: 'live streams', polled: 'live streams, events off', tabs: 'bull-board tabs' }[window.kind]}`;
      const answered = window.kind === 'idle'
        ? '-'
        : window.kind !== 'tabs'
          ? `${window.answered}/${window.count} streams got count updates${window.failed > 0 ? `, ${window.failed} ended early` : ''}`
          : `${window.answered} requests answered 200${window.failed > 0 ? `, ${window.failed} not` : ''}`;
      return `| ${name} | ${window.clients} | ${answered} |`;
    }),
  ];
  return lines.join('\n');
}

/** bull-board's cost per tab, from its largest window: what one open tab adds, every poll. */
function perTab(results: LiveResults, baseline: number): string[] {
  const most = results.windows.filter((window) => window.kind === 'tabs').at(-1);
  if (!most || most.count === 0) return [];
  const perSecond = (most.commandsPerSecond - baseline) / most.count;
  return ['', `bull-board at ${most.count} tabs: ${perSecond.toFixed(1)} commands/s per tab, about ${(perSecond * results.tabPollSeconds).toFixed(0)} commands per tab every ${results.tabPollSeconds} s poll.`];
}

/** Replaces this benchmark's section of the Markdown file at `url` with `block`; adds the section at the end when it has none. */
export async function writeLiveResults(url: URL, block: string): Promise<void> {
  const text = await readFile(url, 'utf8').catch(() => '');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  const replaced = from >= 0 && to > from
    ? `${text.slice(0, from + START.length)}\n${block}\n${text.slice(to)}`
    : `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}\n${HEADING}\n\n${START}\n${block}\n${END}\n`;
  await writeFile(url, replaced);
}
