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
  /** Of those, the commands the host's own connections sent (the console's engine, its event readers, bull-board). */
  readonly hostCommandsPerSecond: number;
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
  const cell = (window: LiveWindow | undefined) => (window ? `${signed(window.commandsPerSecond - baseline)} | ${rate(window.hostCommandsPerSecond)}` : '- | -');
  const lines = [
    `Measured ${results.date} on commit ${results.commit}: ${results.machine}. Workload: ${results.jobsPerSecond} jobs/s added over ${results.queues} BullMQ queues ` +
      `and worked off at once (some fail, some are delayed 2 s first), so every queue's counts change all the time. ${results.windowSeconds} s per window.`,
    '',
    `Redis commands per second. "Server, above baseline": the server's total_commands_processed (INFO stats) less the baseline, ` +
      `the mean of the windows with no console and no tab open (${idle.map((window) => rate(window.commandsPerSecond)).join(', ')}: the workload's own work, ` +
      'which drifts by tens of commands a second). "Host connections": the commands the host\'s own connections sent, counted exactly ' +
      '(MONITOR, by client address): its Redis client, through which the console\'s engine and bull-board read, and the console\'s event readers.',
    '',
    '| Open | ops-jobs live streams: server, above baseline | host connections | bull-board tabs: server, above baseline | host connections |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...counts.map((count) => `| ${count} | ${cell(find('consoles', count))} | ${cell(find('tabs', count))} |`),
    '',
    ...results.windows.filter((window) => window.kind === 'polled').map((window) =>
      `For comparison, ${window.count} live streams with BullMQ's event streams turned off (\`liveConnections: 0\`: every queue polled every 2 s): ` +
        `${signed(window.commandsPerSecond - baseline)} commands/s on the server above baseline, ${rate(window.hostCommandsPerSecond)} from the host's connections.`),
    ...perTab(results, baseline),
    '',
    'What each window saw:',
    '',
    '| Window | server commands/s | host connections commands/s | Redis connections | answered |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.windows.map((window) => {
      const name = window.kind === 'idle' ? 'baseline' : `${window.count} ${{ consoles: 'live streams', polled: 'live streams, events off', tabs: 'bull-board tabs' }[window.kind]}`;
      const answered = window.kind === 'idle'
        ? '-'
        : window.kind !== 'tabs'
          ? `${window.answered}/${window.count} streams got count updates${window.failed > 0 ? `, ${window.failed} ended early` : ''}`
          : `${window.answered} requests answered 200${window.failed > 0 ? `, ${window.failed} not` : ''}`;
      return `| ${name} | ${rate(window.commandsPerSecond)} | ${rate(window.hostCommandsPerSecond)} | ${window.clients} | ${answered} |`;
    }),
  ];
  return lines.join('\n');
}

/** bull-board's cost per tab, from its largest window: what one open tab adds, every poll. */
function perTab(results: LiveResults, baseline: number): string[] {
  const most = results.windows.filter((window) => window.kind === 'tabs').at(-1);
  if (!most || most.count === 0) return [];
  const server = (most.commandsPerSecond - baseline) / most.count;
  const host = most.hostCommandsPerSecond / most.count;
  const perPoll = (perSecond: number) => (perSecond * results.tabPollSeconds).toFixed(0);
  return ['', `bull-board at ${most.count} tabs, per open tab: about ${perPoll(server)} commands on the server every ${results.tabPollSeconds} s poll ` +
    `(${perPoll(host)} sent by the host's client: bull-board counts jobs with Lua scripts, and the server counts each command a script runs).`];
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
