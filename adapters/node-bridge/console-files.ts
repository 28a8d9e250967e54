import { readFile } from 'node:fs/promises';
import type { ConsoleFiles } from '../../core/contracts/console-files.ts';

/**
 * The console's browser files as the package build wrote them beside the package
 * (`ops-jobs/console/*`), found through the package's own exports so that they resolve the same
 * from source and from an installed copy.
 */
export function builtConsoleFiles(): ConsoleFiles {
  const folder = new URL('.', import.meta.resolve('ops-jobs/console/manifest.json'));
  return {
    location: folder.pathname,
    async read(name) {
      // Names come from the bundle's manifest; a path that left the folder would be a bug here.
      const url = new URL(name, folder);
      if (!url.href.startsWith(folder.href)) throw new Error(`ops-jobs: ${JSON.stringify(name)} is not a file of the console bundle`);
      return readFile(url);
    },
  };
}
