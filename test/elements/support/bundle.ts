// Bundles the console for the browser once per test process, straight from source and split as the
// package build splits it, so element tests run the shipped loading (the first screen at once, the
// dialog and audit views on demand) and do not depend on a previous `npm run build`.
import { build } from 'esbuild';

const root = new URL('../../../', import.meta.url).pathname;
let bundle: Promise<ReadonlyMap<string, string>> | undefined;

/** The name of the entry file among the bundle's files. */
export const ENTRY = 'console.js';

/**
 * The files of `elements/console-bundle.ts` with Lit, as ES modules by file name: `console.js`
 * and the chunks it imports, statically or on demand.
 */
export function elementsBundle(): Promise<ReadonlyMap<string, string>> {
  bundle ??= build({
    entryPoints: { console: `${root}elements/console-bundle.ts` },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    splitting: true,
    chunkNames: '[name]-[hash]',
    outdir: '/virtual',
    write: false,
    sourcemap: 'inline',
    tsconfig: `${root}tsconfig.json`,
    logLevel: 'silent',
  }).then((result) => new Map(result.outputFiles.map((file) => [file.path.slice('/virtual/'.length), file.text])));
  return bundle;
}
