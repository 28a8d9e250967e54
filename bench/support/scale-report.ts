// The scale benchmark's report: Markdown tables, printed and written into docs/benchmarks.md.
import { readFile, writeFile } from 'node:fs/promises';
import type { FeedWindow } from './live-feed-cost.ts';
import type { DiagnosisCost } from './measure-diagnosis.ts';
import type { Machine } from './machine.ts';
import { quantile, type ViewCost } from './measure-views.ts';
import type { ScaleView } from './scale-views.ts';

/** Everything one run measured. */
export interface ScaleResults {
  readonly jobs: number;
  readonly commit: string;
  readonly machine: Machine;
  readonly listingIndex: boolean;
  readonly loadSeconds: number | null;
  readonly requests: number;
  readonly views: readonly ScaleView[];
  readonly opsJobs: ReadonlyMap<string, ViewCost>;
  readonly dashboard: ReadonlyMap<string, ViewCost>;
  readonly feed: readonly FeedWindow[];
  /** The overview's background diagnosis pass, when measured. */
  readonly diagnosis: DiagnosisCost | null;
  readonly firstView: { readonly opsJobs: readonly number[]; readonly dashboard: readonly number[] };
  readonly notes: readonly string[];
}

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const count = (value: number) => Math.round(value).toLocaleString('en-US');

function latency(cost: ViewCost | undefined): string {
  if (!cost) return '-';
  const failed = cost.statuses === '200' ? '' : ` (HTTP ${cost.statuses})`;
  return `${ms(cost.medianMs)} / ${ms(cost.p95Ms)}${failed}`;
}

function work(cost: ViewCost | undefined): string {
  return cost ? `${count(cost.rows)} / ${count(cost.buffers)}` : '-';
}

function ratio(ops: ViewCost | undefined, dashboard: ViewCost | undefined): string {
  if (!ops || !dashboard || dashboard.statuses !== '200') return '-';
  return `${(ops.medianMs / dashboard.medianMs).toFixed(2)}x`;
}

/** The per-view table: latency, ratio, and the database's work per view load. */
export function viewTable(results: ScaleResults): string {
  const lines = [
    '| View | ops-jobs median / p95 ms | dashboard median / p95 ms | ratio | ops-jobs rows / buffers | dashboard rows / buffers | ops-jobs requests | ops-jobs statement ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const view of results.views) {
    const ops = results.opsJobs.get(view.name);
    const dashboard = results.dashboard.get(view.name);
    lines.push(`| ${view.name} | ${latency(ops)} | ${latency(dashboard)} | ${ratio(ops, dashboard)} | ${work(ops)} | ${work(dashboard)} | ${ops ? Number(ops.requests.toFixed(1)) : '-'} | ${ops ? ms(ops.statementMs) : '-'} |`);
  }
  return lines.join('\n');
}

/** The live feed table: statement time per second by open consoles, less the 0-console window. */
export function feedTable(feed: readonly FeedWindow[]): string {
  const baseline = feed.find((window) => window.streams === 0);
  const lines = ['| Open consoles | statement-ms/s | minus baseline | rows/s | streams answered |', '| ---: | ---: | ---: | ---: | ---: |'];
  for (const window of feed) {
    const net = baseline ? window.statementMsPerSecond - baseline.statementMsPerSecond : Number.NaN;
    const ended = window.ended > 0 ? ` (${window.ended} ended early)` : '';
    lines.push(`| ${window.streams} | ${window.statementMsPerSecond.toFixed(2)} | ${window.streams === 0 ? '-' : net.toFixed(2)} | ${count(window.rowsPerSecond)} | ${window.streams === 0 ? '-' : `${window.answered}/${window.streams}${ended}`} |`);
  }
  return lines.join('\n');
}

function firstViewLine(name: string, times: readonly number[]): string {
  return times.length === 0 ? `${name}: not measured` : `${name}: median ${ms(quantile(times, 0.5))} ms, p95 ${ms(quantile(times, 0.95))} ms (${times.length} cold loads)`;
}

/** The whole results block. */
export function resultsBlock(results: ScaleResults): string {
  const { machine } = results;
  return [
    `Measured ${machine.date} on commit ${results.commit}: ${count(results.jobs)} jobs, listing index ${results.listingIndex ? 'present' : 'absent'}, ` +
      `${results.requests} sequential loads per view. ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, PostgreSQL ${machine.postgres}, Node ${machine.node}.` +
      (results.loadSeconds === null ? '' : ` Loading the jobs took ${results.loadSeconds.toFixed(0)} s.`),
    '',
    'Latency in ms as the client sees it over loopback; rows (tup_returned + tup_fetched) and buffers (hits + reads) per view load, from pg_stat_database.',
    '',
    viewTable(results),
    '',
    'Overview diagnosis, the background pass each host process runs every 30 s while a console is open (no page load causes one):',
    '',
    results.diagnosis
      ? `- median ${ms(results.diagnosis.cost.medianMs)} ms, p95 ${ms(results.diagnosis.cost.p95Ms)} ms; ${count(results.diagnosis.cost.rows)} rows, ${count(results.diagnosis.cost.buffers)} buffers, ${ms(results.diagnosis.cost.statementMs)} statement ms per pass; found: ${results.diagnosis.found}`
      : '- not measured',
    '',
    'Live feed, database statement time per second (pg_stat_database.active_time) by open consoles:',
    '',
    results.feed.length > 0 ? feedTable(results.feed) : 'not measured',
    '',
    'Cold first view in Chromium (new context each time, warm server), navigation to the first queue link:',
    '',
    `- ${firstViewLine('ops-jobs console', results.firstView.opsJobs)}`,
    `- ${firstViewLine('dashboard overview', results.firstView.dashboard)}`,
    ...(results.notes.length > 0 ? ['', ...results.notes.map((note) => `- ${note}`)] : []),
  ].join('\n');
}

/**
 * Replaces what stands between the markers for this kind of run (`jobs`, with or without the
 * listing index) in the Markdown file at `path` with `block`; adds the markers at the end when the
 * file has none.
 */
export async function writeResults(path: string, run: { readonly jobs: number; readonly listingIndex: boolean }, block: string): Promise<void> {
  const key = `${run.jobs}${run.listingIndex ? ' listing-index' : ''}`;
  const start = `<!-- bench:scale ${key} start -->`;
  const end = `<!-- bench:scale ${key} end -->`;
  const text = await readFile(path, 'utf8').catch(() => '');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const replaced = from >= 0 && to > from
    ? `${text.slice(0, from + start.length)}\n${block}\n${text.slice(to)}`
    : `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}\n${start}\n${block}\n${end}\n`;
  await writeFile(path, replaced);
}
