import type { EngineDescription, EngineProblem } from '../../core/contracts/engine.ts';
import { listingIndexStatus, type ListingIndexStatus } from './listing-index.ts';
import * as sql from './sql.ts';

/** The pg-boss releases this adapter supports: 12.x, whose first release installs schema version 26. */
export const PG_BOSS_SUPPORT = Object.freeze({
  major: 12,
  minSchemaVersion: 26,
  label: 'pg-boss 12 (schema version 26 or later)',
});

/**
 * What the pg-boss engine says about its deployment: the port's description, and the state of the
 * listing index ops-jobs offers for pg-boss's job table (null when pg-boss is not installed).
 */
export interface PgBossDescription extends EngineDescription {
  readonly listingIndex: ListingIndexStatus | null;
}

/** The listing index's status in a description from the pg-boss engine; undefined from any other engine. */
export function listingIndexOf(description: EngineDescription): ListingIndexStatus | null | undefined {
  if (description.engine !== 'pg-boss' || !('listingIndex' in description)) return undefined;
  return (description as PgBossDescription).listingIndex;
}

export interface DescribeContext {
  readonly schema: string;
  /** The version the host passed to `fromPgBoss`, if any: pg-boss does not report its own. */
  readonly version: string | undefined;
  query<Row>(statement: sql.Statement): Promise<Row[]>;
}

/** Whether a pg-boss version (such as `12.38.0`) is one this adapter supports; null when it is unreadable. */
export function isSupportedPgBossVersion(version: string): boolean | null {
  const major = /^v?(\d+)\./.exec(version.trim())?.[1];
  return major === undefined ? null : Number(major) === PG_BOSS_SUPPORT.major;
}

/** `describe()` of the pg-boss engine: reads pg-boss's version table and the catalog, changes nothing. */
export function createDescribe(context: DescribeContext): () => Promise<PgBossDescription> {
  return async () => {
    const { schema } = context;
    const [table] = await context.query<{ installed: boolean }>(sql.versionTableExists(schema));
    const schemaVersion = table?.installed
      ? (await context.query<{ version: number | null }>(sql.schemaVersion(schema)))[0]?.version ?? null
      : null;
    const problems: EngineProblem[] = [];
    if (schemaVersion === null) {
      problems.push({
        message: `pg-boss is not installed in schema ${schema} of this database.`,
        fix: `Start pg-boss once against this database (boss.start() installs its schema), or pass fromPgBoss(boss, { schema }) the schema your pg-boss uses.`,
      });
    } else if (schemaVersion < PG_BOSS_SUPPORT.minSchemaVersion) {
      problems.push({
        message: `pg-boss's tables in schema ${schema} are at schema version ${schemaVersion}, from before pg-boss 12 (${PG_BOSS_SUPPORT.minSchemaVersion}).`,
        fix: 'Upgrade the application to pg-boss 12 and start it once: pg-boss migrates its own schema on start.',
      });
    }
    const version = context.version ?? null;
    if (version !== null && isSupportedPgBossVersion(version) !== true) {
      problems.push({
        message: `The application runs pg-boss ${version}; ops-jobs supports pg-boss ${PG_BOSS_SUPPORT.major}.`,
        fix: `Install pg-boss ${PG_BOSS_SUPPORT.major} (npm install pg-boss@${PG_BOSS_SUPPORT.major}).`,
      });
    }
    const listingIndex = schemaVersion === null ? null : await listingIndexStatus((text, values) => context.query({ text, values }), schema);
    return { engine: 'pg-boss', version, schema, schemaVersion, supported: PG_BOSS_SUPPORT.label, problems, listingIndex };
  };
}
