// Builds the package: JavaScript and declarations for every entry point (tsc), and the console's
// browser bundle with content-hashed names, precompressed, plus a manifest the server reads.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup, type OutputChunk } from 'rollup';
import { consoleRollupInput } from './console-rollup.ts';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const consoleDir = join(dist, 'console');

await rm(dist, { recursive: true, force: true });
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const bundle = await rollup(consoleRollupInput({ minify: true }));
// Views that are not needed for the first screen (dialogs, the audit log) load on demand.
const { output } = await bundle.write({
  dir: consoleDir,
  format: 'es',
  entryFileNames: '[name]-[hash].js',
  chunkFileNames: 'ops-jobs-[name]-[hash].js',
  // Names a URL never needs to escape, nor a reader to tell apart from the name around them.
  hashCharacters: 'base36',
});
await bundle.close();

const chunks = new Map<string, OutputChunk>();
const files: Record<string, { type: string; bytes: number; gzipBytes: number }> = {};
for (const item of output) {
  const body = await readFile(join(consoleDir, item.fileName));
  const gzip = gzipSync(body, { level: 9 });
  await writeFile(join(consoleDir, `${item.fileName}.gz`), gzip);
  await writeFile(join(consoleDir, `${item.fileName}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  files[item.fileName] = { type: item.fileName.endsWith('.css') ? 'text/css' : 'text/javascript', bytes: body.length, gzipBytes: gzip.length };
  if (item.type === 'chunk') chunks.set(item.fileName, item);
}
const entry = [...chunks.values()].find((chunk) => chunk.isEntry)?.fileName ?? '';

// The first load is the entry and every chunk it imports statically, however deep.
const firstLoad = new Set<string>();
const visit = (name: string) => {
  if (firstLoad.has(name)) return;
  firstLoad.add(name);
  for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
};
visit(entry);
const preload = [...firstLoad].filter((name) => name !== entry);

// Each lazy chunk, by its module's name (`audit-log`), with the chunks it imports beyond the first
// load: the shell preloads them on a page whose first view is that chunk's.
const lazy: Record<string, string[]> = {};
for (const chunk of chunks.values()) {
  if (!chunk.isDynamicEntry || !chunk.facadeModuleId) continue;
  const needed: string[] = [];
  const collect = (name: string) => {
    if (firstLoad.has(name) || needed.includes(name)) return;
    needed.push(name);
    for (const imported of chunks.get(name)?.imports ?? []) collect(imported);
  };
  collect(chunk.fileName);
  lazy[basename(chunk.facadeModuleId, '.ts')] = needed;
}
await mkdir(consoleDir, { recursive: true });
await writeFile(join(consoleDir, 'manifest.json'), JSON.stringify({ entry, preload, lazy, files }, null, 2));
const total = Object.values(files).reduce((sum, file) => sum + file.gzipBytes, 0);
const first = [...firstLoad].reduce((sum, name) => sum + (files[name]?.gzipBytes ?? 0), 0);
console.log(`console bundle: ${entry}, first load ${(first / 1024).toFixed(1)} KB gzipped; all ${Object.keys(files).length} files ${(total / 1024).toFixed(1)} KB`);
