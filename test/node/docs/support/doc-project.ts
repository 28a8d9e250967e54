// A host project in a temp directory for code copied out of the docs: ops-jobs installed as npm
// would leave it (a link to this repository, whose package.json exports dist/), beside the
// libraries this repository installed. Needs `npm run build` first.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { root } from './code-blocks.ts';

const run = promisify(execFile);

export interface DocProject {
  readonly dir: string;
  /** Writes `text` to `name` inside the project. */
  write(name: string, text: string): Promise<string>;
  /** Runs `tsc` on the listed files under `strict`; resolves with its output, empty when they check. */
  typecheck(files: readonly string[], name: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * What a host's own tsconfig would say, and no more than `strict`: ES modules on Node (so
 * `ops-jobs/express` resolves through the package's `exports`), Node's types and no DOM, and
 * only syntax Node can strip, because the same files are also run.
 */
const COMPILER_OPTIONS = {
  strict: true,
  target: 'es2023',
  lib: ['es2023'],
  module: 'nodenext',
  moduleResolution: 'nodenext',
  types: ['node'],
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
  skipLibCheck: true,
  noEmit: true,
};

export async function docProject(): Promise<DocProject> {
  const dir = await mkdtemp(join(tmpdir(), 'ops-jobs-docs-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'docs-host', private: true, type: 'module' }));
  await mkdir(join(dir, 'node_modules'));
  await symlink(root, join(dir, 'node_modules', 'ops-jobs'));
  for (const entry of await readdir(join(root, 'node_modules'))) {
    if (entry.startsWith('.') || entry === 'ops-jobs') continue;
    await symlink(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return {
    dir,
    async write(name, text) {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    },
    async typecheck(files, name) {
      const config = join(dir, `tsconfig.${name}.json`);
      await writeFile(config, JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files }));
      try {
        await run(join(root, 'node_modules/.bin/tsc'), ['-p', config, '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
        return '';
      } catch (error) {
        const { stdout, stderr, message } = error as { stdout?: string; stderr?: string; message: string };
        return `${stdout ?? ''}${stderr ?? ''}`.trim() || message;
      }
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
