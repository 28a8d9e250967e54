import type { Flavour } from './flavour.ts';
import { authModule } from './templates/auth.ts';
import { configModule } from './templates/config.ts';
import { displayPolicyModule } from './templates/display-policy.ts';
import { mountModule } from './templates/mount.ts';
import { optionsModule } from './templates/options.ts';

/** One file `init` writes, relative to the host project's root. */
export interface StarterFile {
  readonly path: string;
  /** What it is for, in a few words, for the summary. */
  readonly purpose: string;
  readonly content: string;
}

/** Every file `init` writes for this flavour, in the order they are listed. */
export function starterFiles(flavour: Flavour): readonly StarterFile[] {
  const ext = flavour.extension;
  const app = flavour.framework === 'express' ? 'Express' : 'Koa';
  return [
    { path: `ops-jobs/auth${ext}`, purpose: 'who operates the console, and what each role may do (starter)', content: authModule(flavour) },
    { path: `ops-jobs/display-policy${ext}`, purpose: 'what operators see of job data (starter)', content: displayPolicyModule(flavour) },
    { path: `ops-jobs/options${ext}`, purpose: "the console's options, shared by your app and the doctor", content: optionsModule(flavour) },
    { path: `ops-jobs/mount${ext}`, purpose: `mounts the console on your ${app} app`, content: mountModule(flavour) },
    { path: `ops-jobs.config${ext}`, purpose: 'what `npx ops-jobs doctor` checks', content: configModule(flavour) },
  ];
}
