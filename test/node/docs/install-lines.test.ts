// Getting started, as a reader in an empty folder follows it: each framework's section installs
// exactly what its code imports and stands alone; the docs state one Node.js minimum, the one in
// package.json's `engines`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { blockIn, markdownFiles, root } from './support/code-blocks.ts';

const GUIDE = 'docs/guides/getting-started.md';
const SECTIONS = ['Express', 'Koa', "Node's own HTTP server", 'Fetch-native servers (Hono, Bun, Deno)'];

/** The npm packages a block imports: `ops-jobs/express` is `ops-jobs`, `node:` modules are none. */
function importedPackages(code: string): string[] {
  const packages = new Set<string>();
  for (const [, specifier] of code.matchAll(/^import\s[^'"]*from\s+'([^']+)';$/gm)) {
    if (specifier!.startsWith('node:') || specifier!.startsWith('.')) continue;
    const parts = specifier!.split('/');
    packages.add(specifier!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return [...packages].sort();
}

/** Whether a package brings its own declarations, or needs `@types/<name>` beside it. */
function shipsTypes(name: string): boolean {
  if (name === 'ops-jobs') return true;
  const dir = join(root, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return Boolean(pkg.types || pkg.typings || JSON.stringify(pkg.exports ?? {}).includes('"types"') || existsSync(join(dir, 'index.d.ts')));
}

function installed(line: string, command: string): string[] {
  assert.ok(line.startsWith(`${command} `), `"${line}" starts with ${command}`);
  return line.slice(command.length).trim().split(/\s+/).sort();
}

for (const section of SECTIONS) {
  test(`getting started, ${section}: the install lines list exactly what the code imports`, () => {
    const code = blockIn(GUIDE, section, 'ts').code;
    const [runtime = '', types = ''] = blockIn(GUIDE, section, 'sh').code.split('\n');
    const packages = importedPackages(code);
    assert.ok(packages.includes('ops-jobs'));
    assert.deepEqual(installed(runtime, 'npm install'), packages);
    const typings = packages.filter((name) => !shipsTypes(name)).map((name) => `@types/${name}`);
    assert.deepEqual(installed(types, 'npm install --save-dev'), ['@types/node', 'typescript', ...typings].sort());
  });

  test(`getting started, ${section}: the section stands alone, with its own opsJobs`, () => {
    const code = blockIn(GUIDE, section, 'ts').code;
    assert.match(code, /^const opsJobs = createOpsJobs\(\{$/m);
    assert.match(code, /^import \{ createOpsJobs, hideKeysMatching \} from 'ops-jobs';$/m);
    assert.match(code, /currentActor: /);
    const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    assert.doesNotMatch(withoutComments, /\sas\s+(?!const\b)[\w{[(]/, 'no casts');
    assert.doesNotMatch(withoutComments, /\bany\b/, 'no any');
  });
}

test("the docs state one Node.js minimum, package.json's engines", () => {
  const engines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node as string;
  const minimum = /^>=(\d+\.\d+)\.0$/.exec(engines)?.[1];
  assert.ok(minimum, `engines.node is a plain minimum: ${engines}`);
  const stated: string[] = [];
  for (const file of markdownFiles()) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [phrase, version] of text.matchAll(/Node(?:\.js)?\s+v?(\d+(?:\.\d+)*)\s+or\s+(?:newer|later|above)/g)) {
      stated.push(`${file}: ${phrase}`);
      assert.ok(version === minimum || version === `${minimum}.0`, `${file} says "${phrase}", engines say ${engines}`);
    }
  }
  assert.ok(stated.some((where) => where.startsWith('README.md')), 'README.md states it');
  assert.ok(stated.some((where) => where.startsWith(GUIDE)), `${GUIDE} states it`);
});
