import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { oneOf, parseFlags, UsageError } from './arguments.ts';
import { pathExists } from './file-exists.ts';
import { askFramework } from './init/ask.ts';
import { starterFiles, type StarterFile } from './init/files.ts';
import { flavourFor, FRAMEWORKS, LANGUAGES, type Flavour } from './init/flavour.ts';
import { EXIT, type CliIo } from './io.ts';

/** `npx ops-jobs init --help`. */
export const INIT_HELP = `Usage: npx ops-jobs init [options]

Writes the host's starter seams and mount code into your project:
  ops-jobs/auth, ops-jobs/display-policy   starters, marked \`starter: true\` until you make them yours
  ops-jobs/options, ops-jobs/mount         the console's options, and the code that mounts it
  ops-jobs.config                          what \`npx ops-jobs doctor\` loads
Nothing is written if any of these files exists, unless --force is given.

Options:
  --framework <express|koa>  the framework your app runs on (asked when omitted on a terminal)
  --lang <ts|js>             TypeScript or JavaScript (default: ts when tsconfig.json exists)
  --dir <path>               the project's root (default: the current directory)
  --mount <path>             where the console answers (default: /ops/jobs)
  --force                    overwrite files that exist
  -h, --help                 this help
`;

const MOUNT = /^(\/[A-Za-z0-9._~-]+)+$/;

/** `npx ops-jobs init`: writes the starter files, or nothing at all when one would be overwritten. */
export async function init(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('init', argv, {
    framework: { type: 'string' },
    lang: { type: 'string' },
    dir: { type: 'string' },
    mount: { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (flags.help) {
    io.out(INIT_HELP);
    return EXIT.ok;
  }
  const mount = flags.mount ?? '/ops/jobs';
  if (!MOUNT.test(mount)) throw new UsageError(`--mount must be a path such as /ops/jobs (no trailing slash); got ${JSON.stringify(mount)}.`);
  let framework = oneOf('framework', flags.framework, FRAMEWORKS);
  if (framework === undefined) {
    if (!io.stdin.isTTY) throw new UsageError('Say which framework your app runs on: --framework express or --framework koa.');
    framework = await askFramework(io.stdin, io.stdout);
  }
  const dir = resolve(io.cwd, flags.dir ?? '.');
  const flavour = await flavourFor(dir, framework, mount, oneOf('lang', flags.lang, LANGUAGES));
  const files = starterFiles(flavour);

  const existing: string[] = [];
  for (const file of files) if (await pathExists(join(dir, file.path))) existing.push(file.path);
  if (existing.length > 0 && !flags.force) {
    io.err(`ops-jobs init: nothing written; these files exist already:\n${existing.map((path) => `  ${path}\n`).join('')}` +
      'Move them aside, or run again with --force to overwrite them.\n');
    return EXIT.failed;
  }
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.content);
  }
  io.out(summary(files, flavour, existing));
  return EXIT.ok;
}

function summary(files: readonly StarterFile[], flavour: Flavour, overwritten: readonly string[]): string {
  const { framework, language } = flavour;
  const width = Math.max(...files.map((file) => file.path.length));
  const app = framework === 'express' ? 'Express' : 'Koa';
  const mountFile = files.find((file) => file.path.startsWith('ops-jobs/mount'))?.path ?? 'ops-jobs/mount';
  const lines = files.map((file) => `  ${file.path.padEnd(width)}  ${file.purpose}${overwritten.includes(file.path) ? ' (overwritten)' : ''}`);
  return [
    `ops-jobs init: wrote ${files.length} files for ${app} (${language === 'ts' ? 'TypeScript' : 'JavaScript'}):`,
    ...lines,
    '',
    'Next:',
    `  1. npm install ops-jobs pg-boss pg ${framework}`,
    `  2. In your app, after your session middleware: await mountOpsJobs(app, { boss, pool }) from ${mountFile}`,
    '  3. Make ops-jobs/auth and ops-jobs/display-policy your own, then delete their `starter: true` lines',
    '  4. npx ops-jobs migrate --database-url "$DATABASE_URL"',
    `  5. NODE_ENV=production npx ops-jobs doctor --url https://your.host${flavour.mount} --header "Cookie: <an operator's session>"`,
    '',
  ].join('\n');
}
