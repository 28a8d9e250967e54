import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The file that says a migration holds a PGlite directory. */
export const LOCK_FILE = '.ops-jobs-migrate.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `dir` for this process, waiting up to `timeoutMs` while another migration holds it, and
 * returns the release. PGlite is one process's database: two processes opening one directory at
 * once corrupt it, so concurrent `migrate` runs take turns here instead. A lock left by a process
 * that died is not taken over (two waiters could both decide to): the error says to delete it.
 */
export async function lockDirectory(dir: string, timeoutMs: number): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (Date.now() > deadline) {
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      const who = Number.isInteger(holder) ? `process ${holder}${isRunning(holder) ? '' : ', which is no longer running'}` : 'another process';
      throw new Error(`${path} is held by ${who}. If no ops-jobs migrate is running on this directory, delete that file and run again.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
