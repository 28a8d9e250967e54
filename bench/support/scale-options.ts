// The scale benchmark's settings, from its command line (`npm run bench:scale -- --jobs=10000000`)
// with environment variables as the fallback (`SCALE_JOBS=10000000 npm run bench:scale`).
import { parseArgs } from 'node:util';

/** The parts of a run, in the order they run. */
export const PARTS = ['views', 'diagnosis', 'live', 'browser'] as const;

/** One of {@link PARTS}. */
export type Part = (typeof PARTS)[number];

/** Everything a run of the scale benchmark is told. */
export interface ScaleOptions {
  /** How many jobs the data set holds; a multiple of 200 so that every kind divides evenly. */
  readonly jobs: number;
  /** Load the jobs again even when the database already holds that many. */
  readonly reload: boolean;
  /** Whether the optional listing index on pgboss.job is there while measuring. */
  readonly listingIndex: boolean;
  /** The database the bench creates and keeps beside the admin database. */
  readonly database: string;
  /** Any database on the server, for creating the bench's own and watching it. */
  readonly adminUrl: string;
  /** Measured loads per view, after `warmup` unmeasured ones. */
  readonly requests: number;
  readonly warmup: number;
  /** Seconds per live feed window, after a few seconds to settle. */
  readonly windowSeconds: number;
  /** Cold loads per product in Chromium. */
  readonly browserRuns: number;
  readonly parts: readonly Part[];
  /** The whole run is aborted after this many minutes. */
  readonly deadlineMinutes: number;
  /** Write the results into docs/benchmarks.md (only when every part ran). */
  readonly write: boolean;
}

const USAGE = `npm run bench:scale -- [--jobs=1000000|10000000] [--reload] [--listing-index] [--requests=30] [--warmup=50]
  [--window=20] [--browser-runs=10] [--skip=views,diagnosis,live,browser] [--deadline-minutes=N] [--no-write]
environment: SCALE_JOBS, SCALE_DATABASE (ops_jobs_scale), DATABASE_URL (admin database, default postgres://postgres@127.0.0.1:5432/test)`;

function whole(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, got ${JSON.stringify(raw)}\n${USAGE}`);
  return value;
}

/** Reads the options from `argv` and `env`; throws with the usage on anything it does not know. */
export function scaleOptions(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): ScaleOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      jobs: { type: 'string' },
      reload: { type: 'boolean', default: false },
      'listing-index': { type: 'boolean', default: false },
      requests: { type: 'string' },
      warmup: { type: 'string' },
      window: { type: 'string' },
      'browser-runs': { type: 'string' },
      skip: { type: 'string' },
      'deadline-minutes': { type: 'string' },
      'no-write': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const jobs = whole('--jobs', values.jobs ?? env.SCALE_JOBS, 1_000_000, 200);
  if (jobs % 200 !== 0) throw new Error(`--jobs must be a multiple of 200, got ${jobs}\n${USAGE}`);
  const skipped = (values.skip ?? '').split(',').filter(Boolean);
  const unknown = skipped.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) throw new Error(`--skip takes ${PARTS.join(', ')}; got ${unknown.join(', ')}\n${USAGE}`);
  // About a minute of loading per million jobs, plus the measuring.
  const defaultDeadline = 30 + Math.ceil(jobs / 1_000_000) * 3;
  return {
    jobs,
    reload: values.reload,
    listingIndex: values['listing-index'],
    database: env.SCALE_DATABASE || 'ops_jobs_scale',
    adminUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    requests: whole('--requests', values.requests, 30, 1),
    // A server that has been up a while: the first loads a Node process serves run before V8 has
    // compiled its hot paths, and measure that rather than the request path.
    warmup: whole('--warmup', values.warmup, 50, 0),
    windowSeconds: whole('--window', values.window, 20, 1),
    browserRuns: whole('--browser-runs', values['browser-runs'], 10, 1),
    parts: PARTS.filter((part) => !skipped.includes(part)),
    deadlineMinutes: whole('--deadline-minutes', values['deadline-minutes'], defaultDeadline, 1),
    write: !values['no-write'] && skipped.length === 0,
  };
}
