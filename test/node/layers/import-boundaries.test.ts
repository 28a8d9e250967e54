// The layers hold because this test fails when one reaches where it must not: core speaks to no
// framework, driver or browser library; the domain does not know HTTP; the vocabulary stands
// alone; the elements take nothing from core but the vocabulary and nothing from Node (their only
// packages: lit, @lit/context, and cronstrue for schedules in words). What the
// type checker enforces besides: core, adapters and cli compile without the DOM library
// (tsconfig.server.json), the elements without Node's types (tsconfig.elements.json).
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '../../..');

/** Every module specifier a TypeScript source imports or re-exports, statically or dynamically. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:^|[;\n])\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]/g)) found.push(match[1]!);
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

interface Import {
  /** The importing file, relative to the repository root. */
  readonly file: string;
  /** What it names: a package (`pg`, `node:fs`) or, for a relative import, the file relative to the root. */
  readonly target: string;
  readonly relative: boolean;
}

async function importsUnder(folder: string): Promise<Import[]> {
  const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name)).map((entry) => join(entry.parentPath, entry.name));
  assert.ok(files.length > 0, `no sources under ${folder}`);
  const imports: Import[] = [];
  for (const path of files) {
    const file = relative(root, path);
    for (const specifier of importsOf(await readFile(path, 'utf8'))) {
      const isRelative = specifier.startsWith('.');
      imports.push({ file, target: isRelative ? relative(root, resolve(dirname(path), specifier)) : specifier, relative: isRelative });
    }
  }
  return imports;
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function refuse(imports: readonly Import[], bad: (item: Import) => boolean, rule: string): void {
  const offenders = imports.filter(bad).map((item) => `${item.file} imports ${item.target}`);
  assert.deepEqual(offenders, [], rule);
}

const core = await importsUnder('core');
const elements = await importsUnder('elements');
const adapters = await importsUnder('adapters');

test('the scanner finds every form of import: named over lines, type-only, side-effect, re-export, dynamic', () => {
  const source = [
    "import { a,\n  b } from './a.ts';",
    "import type { C } from \"../c.ts\";",
    "import 'node:fs';",
    "export * from './d.ts';",
    "export { e } from 'pg';",
    "const f = await import('pg-boss');",
    "export const g = 'not an import';",
    "const h = 'import x from \"y\"' + from;",
  ].join('\n');
  assert.deepEqual(importsOf(source).sort(), ['../c.ts', './a.ts', './d.ts', 'node:fs', 'pg', 'pg-boss']);
});

test('core imports no package but Node built-ins, and nothing outside core', () => {
  refuse(core, (item) => !item.relative && !item.target.startsWith('node:'), 'core may not import express, koa, pg, pg-boss, lit or any other package');
  refuse(core, (item) => item.relative && !item.target.startsWith('core/'), 'core may not import adapters, elements or cli');
});

test('core touches no file system: files reach it through a port the Node adapters fill', () => {
  refuse(core, (item) => /^(node:)?fs(\/|$)/.test(item.target), 'core may not import node:fs; read files through a port such as ConsoleFiles');
});

test('the vocabulary imports nothing but itself', () => {
  refuse(core.filter((item) => item.file.startsWith('core/vocabulary/')), (item) => !item.relative || !item.target.startsWith('core/vocabulary/'),
    'core/vocabulary is shared with the browser: it may import only its own modules');
});

test('the domain does not import the HTTP layer', () => {
  // The composition root wires the handler; the public entry re-exports. Nothing else outside core/http may reach it.
  const wiring = new Set(['core/index.ts', 'core/create-ops-jobs.ts']);
  refuse(core.filter((item) => !item.file.startsWith('core/http/') && !wiring.has(item.file)), (item) => item.target.startsWith('core/http/'),
    'services, presenter, live, telemetry and contracts may not import core/http');
});

test('elements take only the vocabulary from core, and nothing from Node', () => {
  refuse(elements, (item) => item.relative && !item.target.startsWith('elements/') && !item.target.startsWith('core/vocabulary/'),
    'elements may import from core only core/vocabulary');
  refuse(elements, (item) => !item.relative && !['lit', '@lit/context', 'cronstrue'].includes(packageOf(item.target)),
    'elements may import only lit, @lit/context and cronstrue');
});

test('adapters do not import elements', () => {
  refuse(adapters, (item) => item.relative && item.target.startsWith('elements/'), 'adapters may not import elements');
});

test('the demo and the examples reach the package only through its public entry points, as a user would', async () => {
  for (const folder of ['demo', 'examples']) {
    refuse(await importsUnder(folder), (item) => item.relative && !item.target.startsWith(`${folder}/`),
      `${folder} may import the package only as ops-jobs or ops-jobs/<entry>, never by a path into its sources`);
  }
});
