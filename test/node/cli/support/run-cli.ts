// Runs the built `ops-jobs` executable as a host would (`npx ops-jobs …`): a child process on the
// compiled JavaScript in dist/, never the TypeScript sources.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const root = new URL('../../../../', import.meta.url).pathname;
export const CLI = `${root}dist/cli/ops-jobs.js`;

/** What one run printed, and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  /** Added to this process's environment. */
  readonly env?: Record<string, string | undefined>;
  /** Written to the command's stdin, which is then closed. */
  readonly input?: string;
  readonly timeoutMs?: number;
}

/** Runs `ops-jobs <args>` to its end. Rejects only when it cannot start or runs past `timeoutMs`. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error('the command-line tests run the built package: run `npm run build` first (npm test does)');
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ops-jobs ${args.join(' ')} ran longer than ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The doctor's `--json` report, failing with everything it printed when the output is not JSON. */
export function reportOf(run: CliRun): { findings: { id: string; severity: string; title: string; detail: string; fix: string | null }[]; [key: string]: any } {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`doctor printed no JSON report (exit ${run.code})\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}
