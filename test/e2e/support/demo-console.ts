// A console as the demo's policies run it, on a real Express host over pg-boss on PGlite, with a
// Chromium beside it; the demo role of each page comes from the `x-test-user` header.
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createOpsJobs, type OpsJobs, type OpsJobsOptions } from '../../../core/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { demoAuth, demoDisplayPolicy } from '../../../demo/policies.ts';
import { launchChromium, openPage } from '../../elements/support/browser.ts';
import { settled } from '../../elements/support/console-page.ts';
import { startHost, type RunningHost } from '../../node/support/http-hosts.ts';
import { startSeededPgBoss, type SeededStack } from '../../node/support/pg-boss-stack.ts';

export interface DemoConsole {
  readonly stack: SeededStack;
  readonly host: RunningHost;
  readonly browser: Browser;
  /** Opens the console's overview for a demo role, at `width`, once it settled. */
  open(role: string, options?: { width?: number; path?: string }): Promise<{ page: Page; errors: string[] }>;
}

/**
 * Registers the hooks that start it before a file's tests (after `seed` has added what they need)
 * and stop it after them. `auth` replaces the demo's seam where a test needs another policy.
 */
export function useDemoConsole(options: { seed?: (stack: SeededStack) => Promise<void>; auth?: OpsJobsOptions['auth'] } = {}): DemoConsole {
  let stack: SeededStack | undefined;
  let opsJobs: OpsJobs | undefined;
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  before(async () => {
    stack = await startSeededPgBoss();
    await options.seed?.(stack);
    opsJobs = createOpsJobs({
      engine: fromPgBoss(stack.boss),
      store: createPostgresStore({ pglite: stack.pglite }),
      auth: options.auth ?? demoAuth,
      displayPolicy: demoDisplayPolicy,
    });
    [host, browser] = await Promise.all([startHost('express', opsJobs as never, { sessionFromHeader: true }), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    opsJobs?.close();
    await host?.close();
    await stack?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the demo console is used before it started');
    return value;
  };
  return {
    get stack() { return started(stack); },
    get host() { return started(host); },
    get browser() { return started(browser); },
    async open(role, { width = 1280, path = '' } = {}) {
      const opened = await openPage(started(browser), { width });
      await opened.page.context().setExtraHTTPHeaders({ 'x-test-user': role });
      await opened.page.goto(`${started(host).url}/ops/jobs/${path}`);
      await settled(opened.page);
      return opened;
    },
  };
}
