/** What a command reads and writes: the process's own, or a test's. */
export interface CliIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  out(text: string): void;
  err(text: string): void;
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
}

/** Exit codes of `init` and `migrate`. `doctor` has its own: 0 clean, 1 warnings, 2 errors. */
export const EXIT = Object.freeze({ ok: 0, failed: 1, usage: 2 });
