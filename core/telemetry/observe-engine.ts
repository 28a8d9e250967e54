import type { JobEngine } from '../contracts/engine.ts';
import { ProblemError } from '../errors.ts';
import { emitTelemetry } from './emit.ts';
import { engineKindOf } from './measure.ts';

/**
 * Engine methods without a capability in the telemetry contract: `describe` serves deployment
 * checks (`ops-jobs doctor`), not operators, and is never called by the console; `watchChanges`
 * returns at once and reports its trouble through its watcher, which the change feed logs.
 */
export const UNREPORTED_ENGINE_METHODS = Object.freeze(['describe', 'watchChanges'] as const);

type EngineMethod = Exclude<keyof JobEngine, 'name' | 'capabilities' | (typeof UNREPORTED_ENGINE_METHODS)[number]>;

/** Each engine port method and the capability it reports as; the compiler keeps it complete. */
export const ENGINE_METHOD_CAPABILITIES = Object.freeze({
  listQueues: 'list_queues',
  findQueue: 'find_queue',
  countJobs: 'count_jobs',
  listJobs: 'list_jobs',
  getJob: 'get_job',
  listSchedules: 'list_schedules',
  findJobs: 'find_jobs',
  listInstances: 'list_instances',
  inspectQueues: 'inspect_queues',
  queueActivity: 'queue_activity',
  getFlow: 'get_flow',
  selectForAction: 'select_for_action',
  statesOf: 'states_of',
  prepare: 'prepare',
  apply: 'apply',
  applyToQueue: 'apply_to_queue',
  configureQueue: 'configure_queue',
  findSchedule: 'find_schedule',
  applyToSchedule: 'apply_to_schedule',
} as const satisfies Record<EngineMethod, string>);

const engineErrors = new WeakSet<object>();

/** Whether an error was thrown by an engine call made through `observeEngine`. */
export function isEngineError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && engineErrors.has(error);
}

/**
 * The engine with every port method reporting its failures as `engine.error`, tagged with the
 * capability. A `ProblemError` (such as a cursor the engine refuses) is the caller's mistake, not
 * the engine's, and is not reported.
 */
export function observeEngine(engine: JobEngine): JobEngine {
  const kind = engineKindOf(engine.name);
  const observed: Record<string, unknown> = { name: engine.name, capabilities: engine.capabilities };
  for (const [method, capability] of Object.entries(ENGINE_METHOD_CAPABILITIES)) {
    const call = engine[method as EngineMethod] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (typeof call !== 'function') continue;
    observed[method] = async (...args: unknown[]) => {
      try {
        return await call.apply(engine, args);
      } catch (error) {
        if (!(error instanceof ProblemError)) {
          if (typeof error === 'object' && error !== null) engineErrors.add(error);
          emitTelemetry('engine', 'error', { engine: kind, capability });
        }
        throw error;
      }
    };
  }
  if (engine.watchChanges) observed.watchChanges = engine.watchChanges.bind(engine);
  return observed as unknown as JobEngine;
}
