// Builds the package: JavaScript and declarations for every entry point (tsc), and the console's
// browser bundle with content-hashed names, precompressed, plus a manifest the server reads.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const consoleDir = join(dist, 'console');

await rm(dist, { recursive: true, force: true });
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const result = await build({
  entryPoints: { 'ops-jobs-console': join(root, 'elements/console-bundle.ts') },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  entryNames: '[name]-[hash]',
  // Views that are not needed for the first screen (dialogs, the audit log) load on demand.
  splitting: true,
  chunkNames: 'ops-jobs-[name]-[hash]',
  outdir: consoleDir,
  metafile: true,
  tsconfig: join(root, 'tsconfig.json'),
});

const files: Record<string, { type: string; bytes: number; gzipBytes: number }> = {};
let entry = '';
for (const [path, output] of Object.entries(result.metafile.outputs)) {
  const name = basename(path);
  const body = await readFile(join(root, path));
  const gzip = gzipSync(body, { level: 9 });
  await writeFile(join(consoleDir, `${name}.gz`), gzip);
  await writeFile(join(consoleDir, `${name}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  files[name] = { type: name.endsWith('.css') ? 'text/css' : 'text/javascript', bytes: body.length, gzipBytes: gzip.length };
  // Chunks of dynamic imports carry an entryPoint too; the shell's entry is the console bundle's.
  if (output.entryPoint?.endsWith('elements/console-bundle.ts')) entry = name;
}

// The first load is the entry and every chunk it imports statically, however deep.
const firstLoad = new Set<string>();
const visit = (path: string) => {
  const name = basename(path);
  if (firstLoad.has(name)) return;
  firstLoad.add(name);
  for (const imported of result.metafile.outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
};
visit(Object.keys(result.metafile.outputs).find((path) => basename(path) === entry) ?? '');
const preload = [...firstLoad].filter((name) => name !== entry);

// Each lazy chunk, by its module's name (`audit-log`), with the chunks it imports beyond the first
// load: the shell preloads them on a page whose first view is that chunk's.
const lazy: Record<string, string[]> = {};
for (const [path, output] of Object.entries(result.metafile.outputs)) {
  if (!output.entryPoint || output.entryPoint.endsWith('elements/console-bundle.ts')) continue;
  const chunk: string[] = [];
  const collect = (from: string) => {
    const name = basename(from);
    if (firstLoad.has(name) || chunk.includes(name)) return;
    chunk.push(name);
    for (const imported of result.metafile.outputs[from]?.imports ?? []) if (imported.kind === 'import-statement') collect(imported.path);
  };
  collect(path);
  lazy[basename(output.entryPoint, '.ts')] = chunk;
}
await mkdir(consoleDir, { recursive: true });
await writeFile(join(consoleDir, 'manifest.json'), JSON.stringify({ entry, preload, lazy, files }, null, 2));
const total = Object.values(files).reduce((sum, file) => sum + file.gzipBytes, 0);
const first = [...firstLoad].reduce((sum, name) => sum + (files[name]?.gzipBytes ?? 0), 0);
console.log(`console bundle: ${entry}, first load ${(first / 1024).toFixed(1)} KB gzipped; all ${Object.keys(files).length} files ${(total / 1024).toFixed(1)} KB`);
