// Runs a reverse proxy (nginx, Caddy) as a foreground child with everything it writes in a temp dir.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { waitForPort } from './free-port.ts';

/** A proxy listening on 127.0.0.1 in front of the demo. */
export interface ProxyProcess {
  /** Such as `http://127.0.0.1:41235`. */
  readonly origin: string;
  /** The proxy's log, for failure messages. */
  log(): string;
  /** Stops the proxy and removes its temp dir. */
  stop(): Promise<void>;
}

/**
 * The path of `name` on PATH or in /usr/sbin (where Debian puts nginx, outside a normal user's
 * PATH). A missing proxy is an error that says how to install it: these tests never skip.
 */
export function requireExecutable(name: string, debianPackage: string): string {
  const directories = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin'];
  for (const directory of directories) {
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  throw new Error(`${name} is not installed, and the reverse proxy tests need Debian's package: apt-get install -y ${debianPackage}`);
}

/** A fresh temp dir for one proxy's configuration, logs and buffers. */
export function proxyDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `ops-jobs-${name}-`));
}

/** How to run one proxy: its command line, environment, temp dir and port. */
export interface RunProxyOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
  readonly dir: string;
  readonly port: number;
  /** Files in `dir` whose content `log()` returns besides the child's own output. */
  readonly logFiles: readonly string[];
}

/** Spawns the proxy in the foreground and resolves once its port accepts connections. */
export async function runProxy(options: RunProxyOptions): Promise<ProxyProcess> {
  const child = spawn(options.command, options.args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test process that dies without running its `after` hooks must not leave the proxy behind.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  void exited.then(() => process.off('exit', orphanGuard));
  const log = () => {
    const files = options.logFiles.map((file) => join(options.dir, file)).filter((path) => existsSync(path));
    return [output, ...files.map((path) => readFileSync(path, 'utf8'))].join('\n');
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(options.dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(options.port, 10_000, () => child.exitCode === null && child.signalCode === null);
  } catch (error) {
    const message = `${options.command} did not start: ${(error as Error).message}\n${log()}`;
    await stop();
    throw new Error(message);
  }
  return { origin: `http://127.0.0.1:${options.port}`, log, stop };
}
