// First load of the console in Chromium, against the Express demo on embedded PGlite.
// Reports the bytes on the wire for the page and its bundle (the 40 KB gzipped budget), and the
// time until the first view shows queues, as a ratio to a baseline measured in the same run: the
// same server's plain login page, loaded the same way.
//   npm run bench:first-load
import { spawn } from 'node:child_process';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const RUNS = Number(process.env.RUNS ?? 15);
const root = new URL('..', import.meta.url).pathname;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

function startDemo(): Promise<{ origin: string; stop(): void }> {
  const child = spawn(process.execPath, ['demo/express-host.ts'], { cwd: root, env: { ...process.env, PORT: '0', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ops-jobs demo: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ origin: match[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${output}`)));
  });
}

interface Load {
  readonly ms: number;
  /** Bytes on the wire (headers and compressed bodies) by resource type. */
  readonly bytes: Record<string, number>;
}

async function signedInContext(browser: Browser, origin: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.request.post(`${origin}/login`, { form: { user: 'viewer' } });
  return context;
}

/** Loads `url` in a cold context and resolves when `ready` holds in the page. */
async function measure(browser: Browser, origin: string, url: string, ready: () => number | false): Promise<Load> {
  const context = await signedInContext(browser, origin);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map<string, string>();
  const bytes: Record<string, number> = {};
  // API answers count as such however they were asked for: a preloaded one is typed Other.
  cdp.on('Network.responseReceived', (event) => void types.set(event.requestId, new URL(event.response.url).pathname.includes('/api/') ? 'Api' : event.type));
  cdp.on('Network.loadingFinished', (event) => {
    const type = types.get(event.requestId) ?? 'Other';
    bytes[type] = (bytes[type] ?? 0) + event.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'commit' });
  // The time is taken in the page, in the frame where `ready` first held, so the round trip back
  // to this process (long on a busy machine) is not counted.
  const readyAt = await page.waitForFunction(ready, undefined, { timeout: 30_000, polling: 'raf' });
  const ms = Number(await readyAt.jsonValue());
  await page.waitForLoadState('networkidle');
  await context.close();
  return { ms, bytes };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

// Run in the page (as functions, since the console's CSP forbids evaluating strings). Each
// answers the time it first held, or false.
function queuesShown(): number | false {
  const find = (node: Element): boolean =>
    node.matches('a[href*="queues/"]') || [...(node.shadowRoot?.children ?? []), ...node.children].some(find);
  return find(document.body) && performance.now();
}

function documentComplete(): number | false {
  return document.readyState === 'complete' && performance.now();
}

const demo = await startDemo();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
try {
  const baseline: Load[] = [];
  const console_: Load[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    baseline.push(await measure(browser, demo.origin, `${demo.origin}/login`, documentComplete));
    console_.push(await measure(browser, demo.origin, `${demo.origin}/ops/jobs/`, queuesShown));
  }
  const first = console_[0]!.bytes;
  const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
  const assets = (first.Document ?? 0) + (first.Script ?? 0) + (first.Stylesheet ?? 0);
  console.log(`first load of the console (${RUNS} cold loads, Chromium, demo on PGlite)`);
  console.log(`  page + bundle on the wire: ${kb(assets)} (document ${kb(first.Document ?? 0)}, scripts ${kb(first.Script ?? 0)}); budget 40 KB`);
  console.log(`  API answers for the first view: ${kb(first.Api ?? 0)}`);
  const consoleMs = median(console_.map((load) => load.ms));
  const baselineMs = median(baseline.map((load) => load.ms));
  const spread = (loads: Load[]) => `${Math.min(...loads.map((load) => load.ms)).toFixed(0)}-${Math.max(...loads.map((load) => load.ms)).toFixed(0)}`;
  console.log(`  first view with queues: median ${consoleMs.toFixed(0)} ms (${spread(console_)}); baseline (plain login page): ${baselineMs.toFixed(0)} ms (${spread(baseline)}); ratio ${(consoleMs / baselineMs).toFixed(2)}`);
} finally {
  await browser.close();
  demo.stop();
}
