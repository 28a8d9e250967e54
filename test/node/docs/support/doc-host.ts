// Runs a host program copied from the docs as its own Node.js process, as a reader would run it,
// and says when it answers on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { waitUntil } from '../../support/wait.ts';

export interface DocHost {
  readonly origin: string;
  /** Everything the process wrote so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `node <file>` in `cwd` with `env` added to this process's environment, and waits until
 * `probe` (a path) answers on `port`; fails with the program's output if it exits first or does
 * not answer within a minute.
 */
export async function startDocHost(file: string, cwd: string, port: number, env: Record<string, string>, probe: string): Promise<DocHost> {
  const child: ChildProcess = spawn(process.execPath, [file], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  // Set from the exit event, so read through the object rather than narrowed as a local.
  const state: { exited: string | null } = { exited: null };
  const exit = once(child, 'exit').then(([code, signal]) => void (state.exited = `exited with ${code ?? signal}`));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (state.exited === null) {
      child.kill('SIGTERM');
      await exit;
    }
  };
  const answers = async (): Promise<boolean> => {
    if (state.exited !== null) throw new Error(`${file} ${state.exited} before it answered:\n${output}`);
    return fetch(`${origin}${probe}`, { redirect: 'manual' }).then(() => true, () => false);
  };
  try {
    await waitUntil(answers, `${file} to answer on ${origin}`, { timeoutMs: 60_000, intervalMs: 200 });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}:\n${output}`, { cause: error });
  }
  return { origin, output: () => output, stop };
}
