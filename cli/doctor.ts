import { dirname } from 'node:path';
import { parseFlags, UsageError } from './arguments.ts';
import { CHECKS } from './doctor/checks/index.ts';
import type { DoctorContext } from './doctor/context.ts';
import { exitCodeOf, failure, messageOf, type Finding } from './doctor/finding.ts';
import { loadConfig } from './doctor/load-config.ts';
import { permissionsTable } from './doctor/permissions-table.ts';
import { renderHuman, renderJson, type DoctorReport } from './doctor/render.ts';
import { withTimeout } from './doctor/timeout.ts';
import type { CliIo } from './io.ts';

/** `npx ops-jobs doctor --help`. */
export const DOCTOR_HELP = `Usage: npx ops-jobs doctor [options]

Checks a deployment before operators use it: the host's seams (no starters or show-all policy
when NODE_ENV is production), the store (reachable, migrated), the engine (reachable, supported),
who may do what (a table), and, given --url, the console through your real proxy, live stream
included. Every problem says how to fix it.

Exit code: 0 when every check passed, 1 with warnings, 2 with errors.

Options:
  --config <path>          the config module (default: ops-jobs.config.{js,mjs,ts,mts} here)
  --url <url>              the console as operators open it, such as https://your.host/ops/jobs
  --header '<Name: value>' sent with the --url checks to sign in, e.g. 'Cookie: sid=…' (repeatable)
  --timeout <seconds>      the longest one probe may take (default: 10)
  --json                   print the report as JSON
  -h, --help               this help
`;

function headersOf(values: readonly string[]): [string, string][] {
  return values.map((value) => {
    const colon = value.indexOf(':');
    const name = colon > 0 ? value.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`--header must look like 'Name: value'; got ${JSON.stringify(value)}.`);
    return [name, value.slice(colon + 1).trim()];
  });
}

function urlOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new UsageError(`--url must be an absolute http(s) URL such as https://your.host/ops/jobs; got ${JSON.stringify(value)}.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError('--url must start with http:// or https://.');
  return value.replace(/\/+$/, '');
}

/** `npx ops-jobs doctor`: runs every check, prints the findings and the table of who may do what. */
export async function doctor(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('doctor', argv, {
    config: { type: 'string' },
    url: { type: 'string' },
    header: { type: 'string', multiple: true, default: [] },
    timeout: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (flags.help) {
    io.out(DOCTOR_HELP);
    return 0;
  }
  const timeoutSeconds = Number(flags.timeout);
  if (!(timeoutSeconds > 0 && timeoutSeconds <= 600)) throw new UsageError(`--timeout must be a number of seconds from 1 to 600; got ${JSON.stringify(flags.timeout)}.`);
  const timeoutMs = timeoutSeconds * 1000;
  const url = urlOf(flags.url);
  const headers = headersOf(flags.header);

  const load = await loadConfig(io.cwd, flags.config);
  const config = load.loaded ? load.config : null;
  const findings: Finding[] = [];
  try {
    const roles = config?.roles ?? {};
    const auth = config?.options.auth;
    const permissions = auth && typeof auth.authorize === 'function' ? await permissionsTable(auth, roles, timeoutMs) : null;
    const context: DoctorContext = {
      load, config, permissions, url, headers, timeoutMs,
      production: io.env.NODE_ENV === 'production',
      projectDir: load.path === null ? io.cwd : dirname(load.path),
    };
    for (const check of CHECKS) {
      try {
        findings.push(...(await check(context)));
      } catch (error) {
        findings.push(failure('doctor', 'A check failed unexpectedly', messageOf(error), 'Run again; if it persists, report it with this output.'));
      }
    }
    const exitCode = exitCodeOf(findings);
    const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
    const report: DoctorReport = {
      config: load.path, production: context.production, url, findings, permissions,
      summary: { errors: count('error'), warnings: count('warning'), ok: count('ok') }, exitCode,
    };
    io.out(flags.json ? renderJson(report) : renderHuman(report));
    return exitCode;
  } finally {
    if (config?.close) await withTimeout(config.close(), timeoutMs, 'the config\'s close()').catch((error: unknown) => io.err(`ops-jobs doctor: close() failed: ${messageOf(error)}\n`));
  }
}
