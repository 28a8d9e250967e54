import { createHandler } from './http/handler.ts';
import { siteRelative } from './http/shell.ts';
import type { ConsoleFiles } from './contracts/console-files.ts';
import { loadConsole, type ConsoleAssets } from './http/console-assets.ts';
import { requireMethods, resolveOptions, type OpsJobsOptions } from './options.ts';
import { createPresenter } from './presenter/presenter.ts';
import { createAccess } from './services/access.ts';
import { createAttemptLog } from './services/refused-attempts.ts';
import { observeEngine } from './telemetry/observe-engine.ts';
import { createChangeFeed } from './live/change-feed.ts';
import { createDiagnosisPass } from './diagnosis/diagnosis-pass.ts';
import { createStreamRegistry } from './live/stream-registry.ts';
import { createIncidentKeeper } from './incidents/keeper.ts';

/** A configured console, ready to be mounted by an adapter or called directly. */
export interface OpsJobs<HostRequest = unknown> {
  /** The path the console answers under, such as `/ops/jobs`. */
  readonly mount: string;
  /** Whether a request path belongs to the console (the mount itself or anything under it). */
  owns(pathname: string): boolean;
  /**
   * Serves one request under the mount. `hostRequest` is the framework's own request object,
   * handed to `auth.currentActor`; hosts on the Fetch API pass the `Request` itself.
   */
  handle(request: Request, hostRequest: HostRequest): Promise<Response>;
  /** Resolves once the store is migrated. Requests wait for it too; call it at start-up to fail early. */
  ready(): Promise<void>;
  /**
   * Ends every live stream and stops the change feed's poller, for a clean shutdown. Resolves once
   * the live channel has given back its connection (and with it the poller role, which another
   * process then takes); await it before ending the database pool.
   */
  close(): Promise<void>;
  /**
   * Ends, at once, every live stream this process holds for the operator whose audit identity
   * (`auditPrincipal(actor).id`) is `actorId`, each with a `signed-out` event: for a host that
   * revokes a session. Streams also end by themselves when `currentActor` no longer finds the
   * operator (see `live.reauthenticateSeconds`). Returns how many streams it ended.
   */
  disconnect(who: { readonly actorId: string }): number;
  /**
   * Where the console's browser files come from when `createOpsJobs` was given no `consoleFiles`.
   * The Node adapters (`toExpress`, `toKoa`, `toNodeListener`) call it with the package's built
   * files; once files are set, later calls change nothing.
   */
  useConsoleFiles(files: ConsoleFiles): void;
}

/**
 * Builds the console from the host's seams. Throws an `OptionsError` naming the first option that
 * is missing or malformed.
 *
 * Both type parameters are inferred from `auth.currentActor`: `HostRequest` from its parameter's
 * type (annotate it with your framework's request type: Express `Request`, Koa `Context`,
 * `IncomingMessage`), `Operator` from what it returns, so `authorize`, `auditPrincipal` and the
 * display policy receive your own operator type. The adapter you mount the console with checks
 * that it hands over the request type `currentActor` expects.
 *
 * @example
 * const opsJobs = createOpsJobs({
 *   engine, store, displayPolicy,
 *   auth: {
 *     currentActor: (req: Request) => req.session.user ?? null,
 *     authorize: (user, action) => user.roles.includes('ops') || action.endsWith('.view'),
 *     auditPrincipal: (user) => ({ id: user.id, type: 'user', label: user.email }),
 *   },
 * });
 */
export function createOpsJobs<HostRequest = unknown, Operator = unknown>(options: OpsJobsOptions<HostRequest, Operator>): OpsJobs<HostRequest> {
  const resolved = resolveOptions(options);
  const { mount, logger } = resolved;
  const access = createAccess(resolved.auth as OpsJobsOptions['auth'], logger);
  const engine = observeEngine(resolved.engine);
  const feed = createChangeFeed({
    engine, logger, clock: resolved.clock, pollIntervalMs: resolved.live.pollIntervalMs, bufferSize: resolved.live.bufferSize,
    store: resolved.store,
  });
  const streams = createStreamRegistry();
  const incidents = createIncidentKeeper({
    store: resolved.store, logger, clock: resolved.clock, hooks: resolved.escalation, hookTimeoutMs: resolved.escalation.timeoutSeconds * 1000,
  });
  const diagnosis = createDiagnosisPass({
    engine, logger, clock: resolved.clock, workerHealth: resolved.workers,
    intervalMs: resolved.diagnosis.intervalSeconds * 1000,
    thresholds: { backlogSeconds: resolved.diagnosis.backlogSeconds, failureWindowSeconds: resolved.diagnosis.failureWindowSeconds },
    watched: () => feed.listeners > 0,
    // Incidents escalated to the host are looked for with no console open.
    always: resolved.escalation.onIncident !== undefined,
    ...(incidents.enabled ? { keepIncidents: (sweep) => incidents.keep(sweep) } : {}),
  });
  const services = {
    diagnosis,
    incidents,
    feed,
    streams,
    live: resolved.live,
    bridge: resolved.bridge,
    // Relative, like the status pages' links, so it still leads there behind a prefixing proxy.
    signOutUrl: resolved.signOutUrl && siteRelative(resolved.signOutUrl, resolved.mount, '/'),
    workerHealth: resolved.workers,
    engine,
    store: resolved.store,
    auth: resolved.auth as OpsJobsOptions['auth'],
    access,
    presenter: createPresenter(resolved.displayPolicy, logger),
    attempts: createAttemptLog(resolved.store, resolved.clock, logger),
    limits: resolved.actions,
    clock: resolved.clock,
    logger,
  };

  let migrated: Promise<void> | undefined;
  const ready = () => {
    migrated ??= resolved.store.migrate().then(() => {
      if (resolved.escalation.onIncident) diagnosis.wake();
    }, (error: unknown) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  };
  let files: ConsoleFiles | undefined = resolved.consoleFiles;
  let assets: Promise<ConsoleAssets> | undefined;
  const loadAssets = () => {
    if (!files) {
      return Promise.reject(new Error("ops-jobs: the console's pages need its browser files. Mount it with toExpress, toKoa or toNodeListener, " +
        "or pass createOpsJobs({ consoleFiles: builtConsoleFiles() }) with builtConsoleFiles from 'ops-jobs/node'."));
    }
    return (assets ??= loadConsole(files));
  };

  const handler = createHandler({
    mount, signInUrl: resolved.signInUrl, signOutUrl: resolved.signOutUrl, locale: resolved.locale, services, access, logger, assets: loadAssets,
    maxBodyBytes: resolved.maxBodyBytes, trustedOrigins: resolved.trustedOrigins, bridge: resolved.bridge,
  });

  return {
    mount,
    owns: (pathname) => pathname === mount || pathname.startsWith(`${mount}/`),
    async handle(request, hostRequest) {
      await ready();
      return handler(request, hostRequest);
    },
    ready,
    close: () => {
      diagnosis.close();
      return feed.close();
    },
    disconnect: ({ actorId }) => streams.endFor(actorId),
    useConsoleFiles(given) {
      requireMethods('consoleFiles', given, ['read'], "pass builtConsoleFiles() from 'ops-jobs/node'");
      files ??= given;
    },
  };
}
