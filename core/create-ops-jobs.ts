import { createHandler } from './http/handler.ts';
import { loadBuiltConsole, type ConsoleAssets } from './http/console-assets.ts';
import { resolveOptions, type OpsJobsOptions } from './options.ts';
import { createPresenter } from './presenter/presenter.ts';
import { createAccess } from './services/access.ts';
import { createAttemptLog } from './services/refused-attempts.ts';
import { observeEngine } from './telemetry/observe-engine.ts';
import { createChangeFeed } from './live/change-feed.ts';

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
  /** Ends every live stream and stops the change feed's poller, for a clean shutdown. */
  close(): void;
}

/**
 * Builds the console from the host's seams. Throws an `OptionsError` naming the first option that
 * is missing or malformed.
 */
export function createOpsJobs<HostRequest = unknown>(options: OpsJobsOptions<HostRequest>): OpsJobs<HostRequest> {
  const resolved = resolveOptions(options);
  const { mount, logger } = resolved;
  const access = createAccess(resolved.auth as OpsJobsOptions['auth'], logger);
  const engine = observeEngine(resolved.engine);
  const feed = createChangeFeed({
    engine, logger, clock: resolved.clock, pollIntervalMs: resolved.live.pollIntervalMs, bufferSize: resolved.live.bufferSize,
  });
  const services = {
    feed,
    live: resolved.live,
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
    migrated ??= resolved.store.migrate().then(() => undefined, (error: unknown) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  };
  let assets: Promise<ConsoleAssets> | undefined;
  const loadAssets = () => (assets ??= loadBuiltConsole());

  const handler = createHandler({
    mount, signInUrl: resolved.signInUrl, services, access, logger, assets: loadAssets,
    maxBodyBytes: resolved.maxBodyBytes, trustedOrigins: resolved.trustedOrigins,
  });

  return {
    mount,
    owns: (pathname) => pathname === mount || pathname.startsWith(`${mount}/`),
    async handle(request, hostRequest) {
      await ready();
      return handler(request, hostRequest);
    },
    ready,
    close: () => feed.close(),
  };
}
