import type { AuthSeam } from './contracts/auth.ts';
import type { DisplayPolicy } from './contracts/display-policy.ts';
import type { JobEngine } from './contracts/engine.ts';
import type { OpsStore } from './contracts/store.ts';
import { OptionsError } from './errors.ts';

/** Where the console writes what operators must not see: policy failures, engine errors. */
export interface Logger {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
}

/** Options of `createOpsJobs`. */
export interface OpsJobsOptions<HostRequest = unknown> {
  /** The job engine, such as `fromPgBoss(boss)` from `ops-jobs/pg-boss`. */
  readonly engine: JobEngine;
  /** The console's own store, such as `createPostgresStore({ pool })` from `ops-jobs/postgres`. */
  readonly store: OpsStore;
  /** Who the operator is and what they may do. */
  readonly auth: AuthSeam<HostRequest>;
  /** What operators may see of job data, errors and labels. */
  readonly displayPolicy: DisplayPolicy;
  /** The path the console answers under. Default `/ops/jobs`. */
  readonly mount?: string;
  /** Where the console's "signed out" page sends the operator, such as `/login`. */
  readonly signInUrl?: string;
  /** Default `console`. */
  readonly logger?: Logger;
}

/** Options after validation, with defaults applied. */
export interface ResolvedOptions<HostRequest = unknown> {
  readonly engine: JobEngine;
  readonly store: OpsStore;
  readonly auth: AuthSeam<HostRequest>;
  readonly displayPolicy: DisplayPolicy;
  readonly mount: string;
  readonly signInUrl: string | null;
  readonly logger: Logger;
}

const MOUNT_PATTERN = /^(\/[A-Za-z0-9._~-]+)+$/;

function requireMethods(option: string, value: unknown, methods: readonly string[], hint: string): void {
  if (value === null || typeof value !== 'object') {
    throw new OptionsError(option, `is required: ${hint}`);
  }
  for (const method of methods) {
    if (typeof (value as Record<string, unknown>)[method] !== 'function') {
      throw new OptionsError(`${option}.${method}`, `must be a function: ${hint}`);
    }
  }
}

/** Checks every option and names the first one that is missing or malformed. */
export function resolveOptions<HostRequest>(options: OpsJobsOptions<HostRequest>): ResolvedOptions<HostRequest> {
  if (options === null || typeof options !== 'object') {
    throw new OptionsError('options', 'must be an object with engine, store, auth and displayPolicy');
  }
  requireMethods('engine', options.engine, ['listQueues', 'getQueue', 'listJobs', 'getJob'],
    "pass a job engine adapter, e.g. fromPgBoss(boss) from 'ops-jobs/pg-boss'");
  requireMethods('store', options.store, ['migrate'],
    "pass the console's store, e.g. createPostgresStore({ pool }) from 'ops-jobs/postgres'");
  requireMethods('auth', options.auth, ['currentActor', 'authorize', 'auditPrincipal'],
    'pass { currentActor(hostRequest), authorize(actor, action, resource), auditPrincipal(actor) }');
  requireMethods('displayPolicy', options.displayPolicy, ['display'],
    "pass { display(kind, value, context) }, e.g. hideKeysMatching(/secret|token/i) from 'ops-jobs'");

  const mount = options.mount ?? '/ops/jobs';
  if (typeof mount !== 'string' || !MOUNT_PATTERN.test(mount)) {
    throw new OptionsError('mount', `must be a path such as '/ops/jobs' (no trailing slash), got ${JSON.stringify(mount)}`);
  }
  const signInUrl = options.signInUrl ?? null;
  if (signInUrl !== null && (typeof signInUrl !== 'string' || !signInUrl.startsWith('/') || signInUrl.startsWith('//'))) {
    throw new OptionsError('signInUrl', "must be a path on this site, such as '/login'");
  }
  const logger = options.logger ?? console;
  requireMethods('logger', logger, ['error', 'warn'], 'pass an object with error() and warn(), such as console');

  return { engine: options.engine, store: options.store, auth: options.auth, displayPolicy: options.displayPolicy, mount, signInUrl, logger };
}
