// A server in a child process (the demo, or the bench's hosts), so that the caller's own work never
// shares its event loop, and the server never outlives the caller.
import { spawn, type ChildProcess } from 'node:child_process';

/** A server running in a child process. */
export interface ChildServer {
  /** Such as `http://127.0.0.1:41234`. */
  readonly origin: string;
  readonly child: ChildProcess;
  /** The line that said it listens, matched by `ready`. */
  readonly ready: RegExpExecArray;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
}

/** How to start one. */
export interface ChildServerSpec {
  readonly name: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** Matches the line it prints once it listens; group 1 is its origin. */
  readonly ready: RegExp;
  readonly timeoutMs: number;
}

/** Runs `args` on this process's Node and resolves once the server says it listens. */
export function startChildServer(spec: ChildServerSpec): Promise<ChildServer> {
  const child = spawn(process.execPath, [...spec.args], { cwd: spec.cwd, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // However the caller ends, the server must not outlive it.
  const orphanGuard = () => child.kill('SIGKILL');
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
      reject(new Error(`${spec.name} did not start within ${spec.timeoutMs} ms:\n${output}`));
    }, spec.timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = spec.ready.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ origin: match[1], child, ready: match, output: () => output, stop });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.name} exited with ${code} before it was ready:\n${output}`));
    });
  });
}
