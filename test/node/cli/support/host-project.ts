// A host project in a temp directory, with ops-jobs and its peers installed the way npm would
// leave them: links to this repository (whose package.json exports dist/) and its node_modules.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './run-cli.ts';

const PEERS = ['express', 'koa', 'pg', 'pg-boss', '@electric-sql', '@types'] as const;

export interface HostProject {
  readonly dir: string;
  remove(): Promise<void>;
}

/** A fresh project; `packageJson` is written as its package.json when given. */
export async function hostProject(packageJson?: Record<string, unknown>): Promise<HostProject> {
  const dir = await mkdtemp(join(tmpdir(), 'ops-jobs-host-'));
  await mkdir(join(dir, 'node_modules'));
  await symlink(root, join(dir, 'node_modules', 'ops-jobs'));
  for (const peer of PEERS) await symlink(join(root, 'node_modules', peer), join(dir, 'node_modules', peer));
  if (packageJson) await writeFile(join(dir, 'package.json'), JSON.stringify(packageJson));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
