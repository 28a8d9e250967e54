/**
 * A read-only bridge to bull-board, served by the console under `{mount}/bridge/` behind its own
 * sign-in and the `bridge.view` permission. bull-board shows job data as the engine holds it,
 * which the display policy cannot redact: read docs/guides/bull-board-bridge.md first.
 */
import { createRequire } from 'node:module';
import type { BaseAdapter } from '@bull-board/api/baseAdapter';
import type { UIConfig } from '@bull-board/api/typings/app';
import type { ConsoleBridge } from '../../core/contracts/bridge.ts';
import { OptionsError } from '../../core/errors.ts';
import { FetchServerAdapter } from './fetch-server-adapter.ts';

export interface BullBoardBridgeOptions {
  /**
   * bull-board's queue adapters, such as `new BullMQAdapter(queue, { readOnlyMode: true })` from
   * `@bull-board/api/bullMQAdapter` (`readOnlyMode` hides bull-board's buttons; the console refuses
   * every change either way).
   */
  readonly queues: readonly BaseAdapter[];
  /**
   * Whether you accept that every operator with `bridge.view` sees every job's data, return value
   * and error unredacted. Required when `NODE_ENV` is `production`: the console refuses to start
   * the bridge there without it.
   */
  readonly acknowledgeUnredactedData?: boolean;
  /** bull-board's own UI options, such as `boardTitle`. */
  readonly uiConfig?: UIConfig;
}

const requireHere = createRequire(import.meta.url);

/**
 * Makes bull-board a `ConsoleBridge` for `createOpsJobs({ bridge })`. Needs `@bull-board/api`,
 * `@bull-board/ui` and `ejs` installed beside ops-jobs; it loads them when the console starts.
 */
export async function bullBoardBridge(options: BullBoardBridgeOptions): Promise<ConsoleBridge> {
  if (!options || !Array.isArray(options.queues)) throw new OptionsError('queues', 'pass bull-board queue adapters, e.g. [new BullMQAdapter(queue)]');
  const [{ createBullBoard }, ejsModule] = await Promise.all([
    load<typeof import('@bull-board/api')>('@bull-board/api'),
    load<{ renderFile?: RenderFile; default?: { renderFile: RenderFile } }>('ejs'),
  ]);
  const ejs = ejsModule.default ?? (ejsModule as { renderFile: RenderFile });
  const server = new FetchServerAdapter((path, data) => ejs.renderFile(path, data));
  createBullBoard({
    queues: [...options.queues],
    serverAdapter: server,
    options: { uiConfig: { boardTitle: 'bull-board (read-only)', ...options.uiConfig } },
  });
  return {
    name: 'bull-board',
    showsUnredactedData: true,
    acknowledgedUnredactedData: options.acknowledgeUnredactedData === true,
    handle: (request, path, base) => server.handle(request, path, base),
  };
}

type RenderFile = (path: string, data: Record<string, unknown>) => Promise<string>;

async function load<Module>(name: string): Promise<Module> {
  try {
    requireHere.resolve(name);
  } catch {
    throw new OptionsError('bridge', `needs the package ${name}: npm install @bull-board/api @bull-board/ui ejs`);
  }
  return (await import(name)) as Module;
}
