// Bundles the elements for the browser once per test process, straight from source, so element
// tests do not depend on a previous `npm run build`.
import { build } from 'esbuild';

const root = new URL('../../../', import.meta.url).pathname;
let bundle: Promise<string> | undefined;

/** The JavaScript of `elements/index.ts` with Lit, as one ES module. */
export function elementsBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [`${root}elements/index.ts`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    sourcemap: 'inline',
    tsconfig: `${root}tsconfig.json`,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}
