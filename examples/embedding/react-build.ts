// Bundles the React page when the example starts, standing in for your application's own build
// (Vite, webpack, esbuild...): React ships CommonJS, which esbuild bundles without plugins.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The React page's script, bundled with React, React DOM and `ops-jobs/elements`. */
export async function buildReactPage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('react-app.tsx', import.meta.url))],
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
