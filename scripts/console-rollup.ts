// How Rollup reads the console's browser bundle, shared by the package build and the element tests
// so that both split and load the console the same way.
import commonjsModule from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terserModule from '@rollup/plugin-terser';
import type { Plugin, RollupOptions } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { minifyCssTemplatesPlugin } from './minify-css-templates.ts';

const root = new URL('..', import.meta.url).pathname;

// Their types describe the CommonJS builds, where the plugin is the module's `default`; the ES
// builds Node loads here hand over the plugin itself.
const terser = ((terserModule as { default?: unknown }).default ?? terserModule) as (options?: { format?: { comments?: boolean } }) => Plugin;
const commonjs = ((commonjsModule as { default?: unknown }).default ?? commonjsModule) as (options?: { include?: RegExp }) => Plugin;

/**
 * The input options for the console bundle: its entry (`ops-jobs-console`), with Lit (and
 * cronstrue, read as CommonJS) resolved from node_modules. esbuild only strips the TypeScript (tsc
 * has no compiler API to lend a Rollup plugin); when asked to minify, the elements' css`...`
 * templates are squeezed and terser minifies.
 */
export function consoleRollupInput(options: { readonly minify: boolean }): RollupOptions {
  return {
    input: { 'ops-jobs-console': `${root}elements/console-bundle.ts` },
    plugins: [
      nodeResolve({ browser: true }),
      // cronstrue, which puts schedules in words, ships only a UMD build.
      commonjs({ include: /node_modules/ }),
      esbuild({ target: 'es2022', tsconfig: `${root}tsconfig.json`, sourceMap: !options.minify }),
      ...(options.minify ? [minifyCssTemplatesPlugin(), terser({ format: { comments: false } })] : []),
    ],
    // A warning is a finding: an unresolved import or a circular chunk should not ship quietly.
    onwarn(warning) {
      throw new Error(`rollup: ${warning.message}`);
    },
  };
}
