import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OpsJobsConfig } from '../config.ts';
import { isFile } from '../file-exists.ts';
import { messageOf } from './finding.ts';

/** The names `doctor` looks for in the project's root, in this order. */
export const CONFIG_NAMES = ['ops-jobs.config.js', 'ops-jobs.config.mjs', 'ops-jobs.config.ts', 'ops-jobs.config.mts'] as const;

/** The config module, loaded, or why it could not be. */
export type ConfigLoad =
  | { readonly loaded: true; readonly path: string; readonly config: OpsJobsConfig }
  | { readonly loaded: false; readonly path: string | null; readonly problem: string; readonly fix: string };

async function findConfig(cwd: string, given: string | undefined): Promise<string | null> {
  if (given !== undefined) return resolve(cwd, given);
  for (const name of CONFIG_NAMES) {
    if (await isFile(join(cwd, name))) return join(cwd, name);
  }
  return null;
}

function checkShape(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return 'its default export is not a config object (or a function returning one)';
  const config = value as Record<string, unknown>;
  if (config.options === null || typeof config.options !== 'object') return 'the config has no `options` object (what the application passes to createOpsJobs)';
  if (config.roles !== undefined && (config.roles === null || typeof config.roles !== 'object')) return '`roles` must map role names to sample actors';
  if (config.readOnly !== undefined && !(Array.isArray(config.readOnly) && config.readOnly.every((role) => typeof role === 'string'))) {
    return '`readOnly` must be a list of role names';
  }
  if (config.close !== undefined && typeof config.close !== 'function') return '`close` must be a function';
  return null;
}

/**
 * Finds the config module (`--config`, or the first of `CONFIG_NAMES` in `cwd`), imports it and
 * builds the config. Never throws: a module that cannot be found, loaded or built is a `ConfigLoad`
 * saying why.
 */
export async function loadConfig(cwd: string, given: string | undefined): Promise<ConfigLoad> {
  const path = await findConfig(cwd, given);
  if (path === null) {
    return {
      loaded: false, path: null,
      problem: `There is no ${CONFIG_NAMES.join(', ')} in ${cwd}.`,
      fix: 'Run `npx ops-jobs init` to write one, or pass --config <path> to the one you have.',
    };
  }
  if (!(await isFile(path))) return { loaded: false, path, problem: `${path} does not exist.`, fix: 'Pass --config the path of your config module.' };
  if (['.ts', '.mts'].includes(extname(path)) && !process.features.typescript) {
    return {
      loaded: false, path,
      problem: `Node.js ${process.version} cannot load TypeScript by itself.`,
      fix: 'Use Node.js 22.18 or newer (or NODE_OPTIONS=--experimental-strip-types on older 22.x), or write the config as ops-jobs.config.js.',
    };
  }
  let exported: unknown;
  try {
    exported = ((await import(pathToFileURL(path).href)) as { default?: unknown }).default;
  } catch (error) {
    return { loaded: false, path, problem: `Importing it failed: ${messageOf(error)}`, fix: 'Fix the error above in the config module (or in what it imports), then run the doctor again.' };
  }
  let config: unknown;
  try {
    config = typeof exported === 'function' ? await (exported as () => unknown)() : exported;
  } catch (error) {
    return {
      loaded: false, path,
      problem: `Building the config failed: ${messageOf(error)}`,
      fix: 'Fix the error above; the config runs as your application starts, so it needs the same environment (DATABASE_URL, ...).',
    };
  }
  const problem = checkShape(config);
  if (problem !== null) {
    return { loaded: false, path, problem: `It is not a usable config: ${problem}.`, fix: 'Export (default) { options, roles?, readOnly?, close? } or a function returning it; see docs/guides/production-hardening.md.' };
  }
  return { loaded: true, path, config: config as OpsJobsConfig };
}
