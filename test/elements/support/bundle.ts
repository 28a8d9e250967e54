// Bundles the console for the browser once per test process, straight from source and split as the
// package build splits it, so element tests run the shipped loading (the first screen at once, the
// dialog and audit views on demand) and do not depend on a previous `npm run build`.
import { rollup } from 'rollup';
import { consoleRollupInput } from '../../../scripts/console-rollup.ts';

let bundle: Promise<ReadonlyMap<string, string>> | undefined;

/** The name of the entry file among the bundle's files. */
export const ENTRY = 'console.js';

/**
 * The files of `elements/console-bundle.ts` with Lit, as ES modules by file name: `console.js`
 * and the chunks it imports, statically or on demand.
 */
export function elementsBundle(): Promise<ReadonlyMap<string, string>> {
  bundle ??= (async () => {
    const built = await rollup(consoleRollupInput({ minify: false }));
    const { output } = await built.generate({ format: 'es', entryFileNames: 'console.js', chunkFileNames: '[name]-[hash].js', hashCharacters: 'base36', sourcemap: 'inline' });
    await built.close();
    return new Map(output.map((file) => [file.fileName, file.type === 'chunk' ? file.code : String(file.source)]));
  })();
  return bundle;
}
