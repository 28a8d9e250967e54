import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The pg-boss the host project has installed, as its package.json says. */
export interface InstalledPgBoss {
  readonly version: string;
  /** The schema version this pg-boss installs and migrates to (`pgboss.schema` in its package.json). */
  readonly schemaVersion: number | null;
}

/** The pg-boss that resolves from `projectDir`, or null when none does. */
export async function installedPgBoss(projectDir: string): Promise<InstalledPgBoss | null> {
  let path: string;
  try {
    path = createRequire(join(projectDir, 'package.json')).resolve('pg-boss/package.json');
  } catch {
    return null;
  }
  const pkg = JSON.parse(await readFile(path, 'utf8')) as { version?: unknown; pgboss?: { schema?: unknown } };
  if (typeof pkg.version !== 'string') return null;
  const schemaVersion = pkg.pgboss?.schema;
  return { version: pkg.version, schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : null };
}
