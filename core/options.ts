import type { Actor, AuthSeam } from './contracts/auth.ts';
import type { ConsoleBridge } from './contracts/bridge.ts';
import type { ConsoleFiles } from './contracts/console-files.ts';
import type { DisplayPolicy } from './contracts/display-policy.ts';
import type { JobEngine } from './contracts/engine.ts';
import type { OpsStore } from './contracts/store.ts';
import { OptionsError } from './errors.ts';
import { SELECTION_CAP } from './vocabulary/limits.ts';
import { DATA_FIELD_PATTERN, MAX_SEARCHABLE_FIELDS } from './vocabulary/data-filter.ts';

/** Where the console writes what operators must not see: policy failures, engine errors. */
export interface Logger {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
}

/**
 * Options of `createOpsJobs`.
 *
 * @typeParam HostRequest - what the adapter hands to `auth.currentActor`: Express `Request`, Koa
 *   `Context`, `node:http` `IncomingMessage`, or a Fetch `Request`.
 * @typeParam Operator - the host's operator type, inferred from what `auth.currentActor` returns.
 */
export interface OpsJobsOptions<HostRequest = unknown, Operator = Actor> {
  /** The job engine, such as `fromPgBoss(boss)` from `ops-jobs/pg-boss`. */
  readonly engine: JobEngine;
  /** The console's own store, such as `createPostgresStore({ pool })` from `ops-jobs/postgres`. */
  readonly store: OpsStore;
  /** Who the operator is and what they may do. Its methods may be sync or async. */
  readonly auth: AuthSeam<HostRequest, Operator>;
  /** What operators may see of job data, errors and labels. Answers synchronously. */
  readonly displayPolicy: DisplayPolicy<NoInfer<Operator>>;
  /** The path the console answers under. Default `/ops/jobs`. */
  readonly mount?: string;
  /** Where the console's "signed out" page sends the operator, such as `/login`. */
  readonly signInUrl?: string;
  /**
   * A page of the host where the operator signs out or switches to another account, such as
   * `/account/switch`: a path on this site, followed with a plain link (GET). The page an operator
   * without access to the console sees offers it ("Sign out or switch user"); without it, that
   * page offers `signInUrl`. A host whose sign-out is a POST form (as it should be, against
   * cross-site requests) gives the page that shows that form.
   */
  readonly signOutUrl?: string;
  /**
   * The language and formats of the console, a BCP 47 tag such as `de` or `en-GB`: its pages
   * (the console and the signed-out and no-access pages) are marked with it and the console's text,
   * numbers and dates follow it. The console's text comes in English and German; another tag keeps
   * English text with that locale's formats. Default: English text, the browser's formats.
   */
  readonly locale?: string;
  /** Default `console`. */
  readonly logger?: Logger;
  /** Limits of operator actions. */
  readonly actions?: ActionLimits;
  /** Largest request body accepted, in bytes. Default 64 KiB. */
  readonly maxBodyBytes?: number;
  /**
   * Origins (such as `https://admin.example.com`) allowed to send mutations besides the console's
   * own. Browsers that send `Sec-Fetch-Site` are held to same-origin regardless.
   */
  readonly trustedOrigins?: readonly string[];
  /** The time source, for tests of expiry. Default `() => new Date()`. */
  readonly clock?: () => Date;
  /** The live stream at `{mount}/api/events`. */
  readonly live?: LiveOptions;
  /** When a worker process counts as late or missing. */
  readonly workers?: WorkerHealthOptions;
  /** The background diagnosis behind the overview's "needs attention" list. */
  readonly diagnosis?: DiagnosisOptions;
  /**
   * Another dashboard to serve read-only under `{mount}/bridge/`, such as `bullBoardBridge(...)`
   * from `ops-jobs/bull-board`. Off unless given. It shows job data the display policy cannot
   * redact: see the bridge's guide before enabling it.
   */
  readonly bridge?: ConsoleBridge;
  /**
   * Where the console's browser files are read from. The Node adapters supply the package's built
   * files when this is absent; a host that calls `handle` itself passes `builtConsoleFiles()` from
   * `ops-jobs/node`.
   */
  readonly consoleFiles?: ConsoleFiles;
}

/** Settings of the live stream. */
export interface LiveOptions {
  /** Seconds between heartbeats; keep it under your proxies' idle timeouts. Default 15. */
  readonly heartbeatSeconds?: number;
  /**
   * How often the one shared poller reads queue counts while any console is open, in ms. One per
   * process, or one per database with a store that offers a live channel (the PostgreSQL store).
   * Default 2,000. With an engine that tells of its changes (`JobEngine.watchChanges`, as the
   * BullMQ engine does), the queues that change are read as they change, and this poll of every
   * queue runs at most every 30 s, as a safety net.
   */
  readonly pollIntervalMs?: number;
  /** Recent events kept for reconnecting streams (`Last-Event-ID`). Default 500. */
  readonly bufferSize?: number;
  /** Unsent bytes after which a stream counts as too slow and is dropped. Default 64 KiB. */
  readonly maxBufferedBytes?: number;
  /**
   * How often an open stream asks `currentActor` again whether its operator is still signed in,
   * in seconds; it also asks before every event that names an operator or jobs. A stream whose
   * operator signed out ends with a `signed-out` event. Default 30.
   */
  readonly reauthenticateSeconds?: number;
  /** The longest a stream stays open, in seconds; the console then reconnects and signs in afresh. Default 3,600. */
  readonly maxStreamSeconds?: number;
}

/**
 * When a worker process counts as late or missing, in heartbeats it has not sent (its own
 * heartbeat interval, as the engine reports it).
 */
export interface WorkerHealthOptions {
  /** Silent for longer than this many heartbeats: late. Default 2. */
  readonly lateAfterHeartbeats?: number;
  /** Silent for longer than this many heartbeats: missing, probably dead. Default 5. */
  readonly missingAfterHeartbeats?: number;
}

/**
 * The background diagnosis: how often it looks, and when it calls something worth a look. It runs
 * while a console is open (and a few intervals after the last request), never on a page load.
 */
export interface DiagnosisOptions {
  /** How often a pass runs, in seconds. Default 30. */
  readonly intervalSeconds?: number;
  /**
   * A queue whose oldest job ready to run has waited this long, in seconds, has a backlog worth a
   * look; four times as long, a critical one. Default 300.
   */
  readonly backlogSeconds?: number;
  /** Failures are counted over windows this long, in seconds, and one compared with the one before. Default 300. */
  readonly failureWindowSeconds?: number;
}

/** Limits of operator actions. */
export interface ActionLimits {
  /** Most jobs one action may touch; a preview says when a selection was capped. Default 1,000. */
  readonly cap?: number;
  /** How long a preview token stays valid, in seconds. Default 300. */
  readonly tokenTtlSeconds?: number;
  /** Fewest characters a reason must have. Default 8. */
  readonly reasonMinLength?: number;
  /**
   * How long the first answer to an `Idempotency-Key` is kept to replay, in seconds; a retry after
   * that acts again. Default 86,400 (a day).
   */
  readonly receiptRetentionSeconds?: number;
}

/** Options after validation, with defaults applied. */
export interface ResolvedOptions<HostRequest = unknown> {
  readonly engine: JobEngine;
  readonly store: OpsStore;
  readonly auth: AuthSeam<HostRequest>;
  readonly displayPolicy: DisplayPolicy;
  readonly mount: string;
  readonly signInUrl: string | null;
  readonly signOutUrl: string | null;
  readonly locale: string | null;
  readonly logger: Logger;
  readonly actions: Required<ActionLimits>;
  readonly maxBodyBytes: number;
  readonly trustedOrigins: readonly string[];
  readonly clock: () => Date;
  readonly live: Required<LiveOptions>;
  readonly bridge: ConsoleBridge | null;
  readonly workers: Required<WorkerHealthOptions>;
  readonly diagnosis: Required<DiagnosisOptions>;
  readonly consoleFiles: ConsoleFiles | undefined;
}

const MOUNT_PATTERN = /^(\/[A-Za-z0-9._~-]+)+$/;

/** Throws an `OptionsError` unless `value` is an object with each of these methods. */
export function requireMethods(option: string, value: unknown, methods: readonly string[], hint: string): void {
  if (value === null || typeof value !== 'object') {
    throw new OptionsError(option, `is required: ${hint}`);
  }
  for (const method of methods) {
    if (typeof (value as Record<string, unknown>)[method] !== 'function') {
      throw new OptionsError(`${option}.${method}`, `must be a function: ${hint}`);
    }
  }
}

/**
 * An `async` display method would be read as "hide everything" value by value, so it is refused
 * here, where the host sees it at once. A plain function that returns a promise is caught by the
 * presenter when it first does.
 */
function requireSynchronous(option: string, method: unknown): void {
  if (typeof method === 'function' && Object.prototype.toString.call(method) === '[object AsyncFunction]') {
    throw new OptionsError(option, 'must answer synchronously, but is an async function: the display policy is applied value by ' +
      'value while answers are written. Load what it needs in auth.currentActor (which may be async) and read it from context.actor.');
  }
}

/** The policy's listed searchable fields: absent, or at most 20 field paths (`customer.id`). */
function searchableFieldsOption(fields: unknown): void {
  if (fields === undefined) return;
  const valid = Array.isArray(fields) && fields.length <= MAX_SEARCHABLE_FIELDS
    && fields.every((field) => typeof field === 'string' && DATA_FIELD_PATTERN.test(field));
  if (!valid) {
    throw new OptionsError('displayPolicy.searchableFields', `must be a list of at most ${MAX_SEARCHABLE_FIELDS} field paths such as 'customer.id'`);
  }
}

/** Checks every option and names the first one that is missing or malformed. */
export function resolveOptions<HostRequest, Operator>(options: OpsJobsOptions<HostRequest, Operator>): ResolvedOptions<HostRequest> {
  if (options === null || typeof options !== 'object') {
    throw new OptionsError('options', 'must be an object with engine, store, auth and displayPolicy');
  }
  requireMethods('engine', options.engine, ['listQueues', 'findQueue', 'countJobs', 'listJobs', 'getJob', 'selectForAction', 'statesOf', 'apply'],
    "pass a job engine adapter, e.g. fromPgBoss(boss) from 'ops-jobs/pg-boss'");
  requireMethods('store', options.store, ['migrate', 'savePreview', 'findPreview', 'findReceipt', 'transaction', 'completeIntent', 'listAudit', 'exportAudit', 'getAudit', 'purgeExpired'],
    "pass the console's store, e.g. createPostgresStore({ pool }) from 'ops-jobs/postgres'");
  requireMethods('auth', options.auth, ['currentActor', 'authorize', 'auditPrincipal'],
    'pass { currentActor(hostRequest), authorize(actor, action, resource), auditPrincipal(actor) }');
  requireMethods('displayPolicy', options.displayPolicy, ['display'],
    "pass { display(kind, value, context) }, e.g. hideKeysMatching(/secret|token/i) from 'ops-jobs'");
  requireSynchronous('displayPolicy.display', options.displayPolicy.display);
  requireSynchronous('displayPolicy.searchable', options.displayPolicy.searchable);
  searchableFieldsOption(options.displayPolicy.searchableFields);

  const mount = options.mount ?? '/ops/jobs';
  if (typeof mount !== 'string' || !MOUNT_PATTERN.test(mount)) {
    throw new OptionsError('mount', `must be a path such as '/ops/jobs' (no trailing slash), got ${JSON.stringify(mount)}`);
  }
  const signInUrl = sitePath('signInUrl', options.signInUrl, '/login');
  const signOutUrl = sitePath('signOutUrl', options.signOutUrl, '/account/switch');
  const locale = localeOption(options.locale);
  const logger = options.logger ?? console;
  requireMethods('logger', logger, ['error', 'warn'], 'pass an object with error() and warn(), such as console');

  const actions = {
    cap: integerOption('actions.cap', options.actions?.cap, SELECTION_CAP.default, SELECTION_CAP.min, SELECTION_CAP.max),
    tokenTtlSeconds: integerOption('actions.tokenTtlSeconds', options.actions?.tokenTtlSeconds, 300, 10, 3600),
    reasonMinLength: integerOption('actions.reasonMinLength', options.actions?.reasonMinLength, 8, 1, 500),
    receiptRetentionSeconds: integerOption('actions.receiptRetentionSeconds', options.actions?.receiptRetentionSeconds, 86_400, 60, 30 * 86_400),
  };
  const maxBodyBytes = integerOption('maxBodyBytes', options.maxBodyBytes, 64 * 1024, 1024, 16 * 1024 * 1024);
  const trustedOrigins = (options.trustedOrigins ?? []).map((origin) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      throw new OptionsError('trustedOrigins', `must hold origins such as 'https://admin.example.com' (scheme, host and port only), got ${JSON.stringify(origin)}`);
    }
    return origin;
  });
  const clock = options.clock ?? (() => new Date());
  if (typeof clock !== 'function') throw new OptionsError('clock', 'must be a function returning the current Date');

  const consoleFiles = options.consoleFiles;
  if (consoleFiles !== undefined) requireMethods('consoleFiles', consoleFiles, ['read'], "pass builtConsoleFiles() from 'ops-jobs/node'");

  const live = {
    heartbeatSeconds: integerOption('live.heartbeatSeconds', options.live?.heartbeatSeconds, 15, 1, 300),
    pollIntervalMs: integerOption('live.pollIntervalMs', options.live?.pollIntervalMs, 2000, 100, 600_000),
    bufferSize: integerOption('live.bufferSize', options.live?.bufferSize, 500, 1, 100_000),
    maxBufferedBytes: integerOption('live.maxBufferedBytes', options.live?.maxBufferedBytes, 64 * 1024, 1024, 16 * 1024 * 1024),
    reauthenticateSeconds: integerOption('live.reauthenticateSeconds', options.live?.reauthenticateSeconds, 30, 1, 3600),
    maxStreamSeconds: integerOption('live.maxStreamSeconds', options.live?.maxStreamSeconds, 3600, 1, 86_400),
  };

  return {
    engine: options.engine, store: options.store, auth: options.auth, displayPolicy: options.displayPolicy,
    mount, signInUrl, signOutUrl, locale, logger, actions, maxBodyBytes, trustedOrigins, clock, live, consoleFiles,
    bridge: resolveBridge(options.bridge), workers: resolveWorkerHealth(options.workers),
    diagnosis: {
      intervalSeconds: integerOption('diagnosis.intervalSeconds', options.diagnosis?.intervalSeconds, 30, 1, 3600),
      backlogSeconds: integerOption('diagnosis.backlogSeconds', options.diagnosis?.backlogSeconds, 300, 1, 7 * 86_400),
      failureWindowSeconds: integerOption('diagnosis.failureWindowSeconds', options.diagnosis?.failureWindowSeconds, 300, 10, 86_400),
    },
  };
}

function localeOption(value: unknown): string | null {
  if (value === undefined) return null;
  try {
    if (typeof value === 'string') return new Intl.Locale(value).toString();
  } catch {
    // Reported below, as for any other value that is not a language tag.
  }
  throw new OptionsError('locale', `must be a BCP 47 language tag such as 'de' or 'en-GB', got ${JSON.stringify(value)}`);
}

function resolveWorkerHealth(options: WorkerHealthOptions | undefined): Required<WorkerHealthOptions> {
  const lateAfterHeartbeats = integerOption('workers.lateAfterHeartbeats', options?.lateAfterHeartbeats, 2, 1, 100);
  const missingAfterHeartbeats = integerOption('workers.missingAfterHeartbeats', options?.missingAfterHeartbeats, 5, 1, 1000);
  if (missingAfterHeartbeats <= lateAfterHeartbeats) {
    throw new OptionsError('workers.missingAfterHeartbeats', `must be more than workers.lateAfterHeartbeats (${lateAfterHeartbeats})`);
  }
  return { lateAfterHeartbeats, missingAfterHeartbeats };
}

/**
 * A bridge that shows unredacted job data is refused in production until the host says, on the
 * bridge's own options, that it accepts it: the display policy cannot protect what it shows.
 */
function resolveBridge(bridge: ConsoleBridge | undefined): ConsoleBridge | null {
  if (bridge === undefined) return null;
  requireMethods('bridge', bridge, ['handle'], "pass a bridge such as bullBoardBridge({ queues }) from 'ops-jobs/bull-board'");
  if (typeof bridge.name !== 'string' || bridge.name === '') throw new OptionsError('bridge.name', 'must name the dashboard, such as bull-board');
  const production = globalThis.process?.env?.NODE_ENV === 'production';
  if (bridge.showsUnredactedData !== false && production && bridge.acknowledgedUnredactedData !== true) {
    throw new OptionsError('bridge', `shows job data that the display policy cannot redact (${bridge.name} reads it straight from the engine), ` +
      'and NODE_ENV is production: pass acknowledgeUnredactedData: true to the bridge if every operator with bridge.view may see every job payload');
  }
  return bridge;
}

/** A path on the host's own site, or null when not given; anything else names the option. */
function sitePath(option: string, value: string | undefined, example: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) {
    throw new OptionsError(option, `must be a path on this site, such as '${example}'`);
  }
  return value;
}

function integerOption(option: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new OptionsError(option, `must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}
