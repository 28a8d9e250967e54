import { isSupportedPgBossVersion, PG_BOSS_SUPPORT } from '../../../adapters/pg-boss/describe.ts';
import type { EngineDescription } from '../../../core/contracts/engine.ts';
import type { Check } from '../context.ts';
import { failure, messageOf, passed, warning, type Finding } from '../finding.ts';
import { installedPgBoss, type InstalledPgBoss } from '../pg-boss-package.ts';
import { withTimeout } from '../timeout.ts';

/** The installed pg-boss against this adapter's support and against the database's schema. */
function pgBossPackageFindings(description: EngineDescription, installed: InstalledPgBoss | null, projectDir: string): Finding[] {
  if (installed === null) return [];
  const findings: Finding[] = [];
  if (isSupportedPgBossVersion(installed.version) !== true) {
    findings.push(failure('engine.unsupported', `pg-boss ${installed.version} is installed; ops-jobs supports ${PG_BOSS_SUPPORT.label}`,
      `Found in ${projectDir}.`, `Install pg-boss ${PG_BOSS_SUPPORT.major} (npm install pg-boss@${PG_BOSS_SUPPORT.major}).`));
  }
  const expected = installed.schemaVersion;
  const actual = description.schemaVersion;
  if (expected !== null && actual !== null && actual < expected) {
    findings.push(warning('engine.schema-behind', `pg-boss's schema is at version ${actual}; the installed pg-boss ${installed.version} migrates it to ${expected}`,
      'The application has not started this pg-boss against this database yet (or starts it with migrate: false).',
      'Start the application (boss.start() migrates pg-boss\'s schema), or run pg-boss\'s own migration before it serves operators.'));
  } else if (expected !== null && actual !== null && actual > expected) {
    findings.push(failure('engine.schema-ahead', `pg-boss's schema is at version ${actual}, newer than the installed pg-boss ${installed.version} knows (${expected})`,
      'A newer pg-boss migrated this database; this one refuses to start against it.',
      'Install the pg-boss release the rest of your deployment runs.'));
  }
  return findings;
}

/** The engine's database answers, and the engine is a version the adapter supports. */
export const checkEngine: Check = async ({ config, projectDir, timeoutMs }) => {
  const engine = config?.options.engine;
  if (engine === null || typeof engine !== 'object') return [];
  if (typeof engine.describe !== 'function') {
    return [warning('engine.unknown', `The engine (${String(engine.name)}) cannot describe its deployment`, 'It has no describe(); only the engines of ops-jobs adapters do.',
      "Use fromPgBoss(boss) from 'ops-jobs/pg-boss', or check the engine's version and database by hand.")];
  }
  let description: EngineDescription;
  try {
    description = await withTimeout(engine.describe(), timeoutMs, `the engine (${engine.name})`);
  } catch (error) {
    return [failure('engine.unreachable', `The engine's database cannot be reached (${engine.name})`, messageOf(error),
      "Check the database connection of the engine the config builds (pg-boss's connection string, network access and credentials), and that the database is running.")];
  }
  // pg-boss does not report its version at run time; the package the project installed does.
  const installed = description.engine === 'pg-boss' && description.version === null ? await installedPgBoss(projectDir) : null;
  const version = description.version ?? (installed ? `${installed.version} (installed)` : null);
  const versionText = `${description.engine}${version ? ` ${version}` : ''}${description.schemaVersion === null ? '' : `, schema version ${description.schemaVersion}`}`;
  const findings: Finding[] = description.problems.map((problem) => failure('engine.unsupported', problem.message, `Supported: ${description.supported}.`, problem.fix));
  findings.push(...pgBossPackageFindings(description, installed, projectDir));
  if (findings.length === 0) {
    findings.push(passed('engine.supported', `The engine answers: ${versionText}`, `Supported: ${description.supported}.`));
  }
  return findings;
};
