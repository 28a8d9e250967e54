import type { Check } from '../context.ts';
import { failure, passed } from '../finding.ts';

/** The config module was found, imported and built. */
export const checkConfig: Check = async ({ load }) => [
  load.loaded
    ? passed('config', `Loaded ${load.path}`)
    : failure('config', load.path === null ? 'No config module' : `Could not load ${load.path}`, `${load.problem} Checks that need the config were not run.`, load.fix),
];
