// Starts the Express (or Koa) demo as a child process on a port the OS picks, as a user would run it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('../../../', import.meta.url).pathname;

/** A demo running in a child process. */
export interface DemoProcess {
  /** Such as `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** The console's path, such as `/ops/jobs`. */
  readonly mount: string;
  readonly child: ChildProcess;
  /** Everything the demo printed so far, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts `demo/express-host.ts` (or `demo/koa-host.ts`) with `env` added to this process's environment (on embedded
 * PGlite unless `env` sets `DATABASE_URL`) and resolves once it prints its URL.
 */
export function startDemo(env: Record<string, string> = {}, timeoutMs = 90_000, host: 'express' | 'koa' = 'express'): Promise<DemoProcess> {
  if (!existsSync(`${root}dist/adapters/express/index.js`) || !existsSync(`${root}dist/console/manifest.json`)) {
    throw new Error('the demo needs the built package: run `npm run build` first (npm test does)');
  }
  const child = spawn(process.execPath, [`demo/${host}-host.ts`], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATABASE_URL: '', DEMO_PGLITE_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A process that dies without stopping the demo must not leave it running.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  void exited.then(() => process.off('exit', orphanGuard));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the demo printed no URL within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ops-jobs demo: (http:\/\/127\.0\.0\.1:\d+)(\/\S*)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ origin: match[1]!, mount: match[2]!, child, output: () => output, stop });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo exited with ${code} before it was ready:\n${output}`));
    });
  });
}
