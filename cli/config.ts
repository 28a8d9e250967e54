import type { Actor } from '../core/contracts/auth.ts';
import type { OpsJobsOptions } from '../core/options.ts';

/**
 * What `ops-jobs doctor` checks, as a host's config module (`ops-jobs.config.js`) gives it: the
 * console's options built as the application builds them, and a sample operator per role.
 */
export interface OpsJobsConfig {
  /** The options the application passes to `createOpsJobs`: engine, store, auth, displayPolicy, mount... */
  readonly options: OpsJobsOptions;
  /**
   * One actor per role, as `auth.currentActor` would return it for an operator in that role. The
   * doctor asks `authorize` about every action for each, and prints who may do what.
   */
  readonly roles?: Readonly<Record<string, Actor>>;
  /** Roles that must not change anything: the doctor reports an error if one may preview or execute an action on jobs. */
  readonly readOnly?: readonly string[];
  /** Closes what the config opened (pools, pg-boss, PGlite); the doctor calls it before it exits. */
  close?(): void | Promise<void>;
}

/** A config module's default export: the config, or a function (sync or async) that builds it. */
export type OpsJobsConfigExport = OpsJobsConfig | (() => OpsJobsConfig | Promise<OpsJobsConfig>);

/**
 * Types a config module's default export; returns it unchanged.
 *
 * @example
 * export default defineConfig(async () => ({ options: opsJobsOptions({ boss, pool }), roles: { viewer: { id: 'v', role: 'viewer' } } }));
 */
export function defineConfig<T extends OpsJobsConfigExport>(config: T): T {
  return config;
}
