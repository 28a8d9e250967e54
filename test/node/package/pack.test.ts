// The published package: compiled JavaScript plus declarations for every entry point, importable
// by a host project exactly as installed, with no TypeScript sources needed at run time.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

const root = new URL('../../../', import.meta.url).pathname;
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const entryPoints = Object.keys(pkg.exports).filter((key) => !key.includes('*') && key !== './package.json');

let workdir: string;
let files: string[];
before(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'ops-jobs-pack-'));
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', workdir], { cwd: root, encoding: 'utf8' });
  const [report] = JSON.parse(output);
  files = report.files.map((file: { path: string }) => file.path);
  const installed = join(workdir, 'host', 'node_modules', 'ops-jobs');
  await mkdir(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(workdir, report.filename), '-C', installed, '--strip-components=1']);
  // The host's other dependencies: link the ones this repository already installed.
  for (const dependency of ['lit', '@lit', 'lit-html', 'lit-element', '@lit-labs', 'express', 'koa', 'pg-boss', '@electric-sql', 'pg', 'bullmq', 'ioredis', '@types']) {
    await symlink(join(root, 'node_modules', dependency), join(workdir, 'host', 'node_modules', dependency)).catch(() => {});
  }
});
after(() => rm(workdir, { recursive: true, force: true }));

test('the tarball holds compiled JavaScript and declarations for every entry point, and no sources', () => {
  for (const entry of entryPoints) {
    const target = pkg.exports[entry];
    assert.ok(files.includes(target.default.replace('./', '')), `${entry} JavaScript`);
    assert.ok(files.includes(target.types.replace('./', '')), `${entry} declarations`);
  }
  assert.ok(files.some((file) => /^dist\/console\/ops-jobs-console-[a-z0-9]+\.js\.gz$/.test(file)), 'the console bundle');
  assert.deepEqual(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')), []);
  assert.deepEqual(files.filter((file) => file.startsWith('test/') || file.startsWith('demo/')), []);
});

test('a host project imports every entry point from the installed package', async () => {
  const host = join(workdir, 'host');
  await writeFile(join(host, 'package.json'), JSON.stringify({ name: 'host', type: 'module' }));
  const script = entryPoints
    .filter((entry) => entry !== './elements')
    .map((entry) => `await import(${JSON.stringify(entry === '.' ? 'ops-jobs' : `ops-jobs/${entry.slice(2)}`)});`)
    .join('\n');
  await writeFile(join(host, 'check.mjs'), `${script}\nconst { createOpsJobs } = await import('ops-jobs');\nconsole.log(typeof createOpsJobs);\n`);
  const output = execFileSync(process.execPath, ['check.mjs'], { cwd: host, encoding: 'utf8' });
  assert.equal(output.trim(), 'function');
});

test('a TypeScript host type-checks against the published declarations', async () => {
  const host = join(workdir, 'host');
  await writeFile(join(host, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2023', noEmit: true, skipLibCheck: false, types: [], lib: ['es2023', 'dom'] },
    files: ['host.ts'],
  }));
  await writeFile(join(host, 'host.ts'), [
    "import { createOpsJobs, hideKeysMatching, type JobEngine, type OpsStore } from 'ops-jobs';",
    "import type { SessionResponse } from 'ops-jobs';",
    'declare const engine: JobEngine;',
    'declare const store: OpsStore;',
    'const opsJobs = createOpsJobs({ engine, store, displayPolicy: hideKeysMatching(/secret/),',
    "  auth: { currentActor: () => null, authorize: () => false, auditPrincipal: () => ({ id: '1', type: 'user', label: 'a' }) } });",
    'const mount: string = opsJobs.mount;',
    'export const session: SessionResponse | null = null;',
    'export { mount };',
  ].join('\n'));
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(host, 'tsconfig.json')], { cwd: host, encoding: 'utf8' });
});

test('the ops-jobs executable is in the tarball, starts with a shebang and runs from the installed package', async () => {
  const bin = pkg.bin['ops-jobs'].replace('./', '');
  assert.ok(files.includes(bin), bin);
  const installed = join(workdir, 'host', 'node_modules', 'ops-jobs', bin);
  assert.match(await readFile(installed, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  const help = execFileSync(process.execPath, [installed, '--help'], { cwd: join(workdir, 'host'), encoding: 'utf8' });
  assert.match(help, /Usage: npx ops-jobs <command>/);
  for (const command of ['init', 'migrate', 'doctor']) assert.match(help, new RegExp(`^ {2}${command} `, 'm'));
});
