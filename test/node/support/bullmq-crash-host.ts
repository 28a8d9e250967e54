// A host process that executes one operator action on BullMQ and stops dead at a chosen step, so
// that a test can kill it there: `before-change` stops once the intent is recorded and before the
// engine runs the action; `after-change` once the engine has run it and before the outcome is
// recorded. It says where it stopped on stdout, then waits to be killed.
//
// Environment: PREFIX (BullMQ key prefix), STORE_SCHEMA, STOP_AT, ACTION (job.retry... or queue.pause), QUEUE, IDS
// (comma-separated; empty for a queue action).
import type { JobEngine, OpsStore } from '../../../core/index.ts';
import { startBullMQStack } from './bullmq-stack.ts';

const { PREFIX, STORE_SCHEMA, STOP_AT, ACTION, QUEUE, IDS } = process.env;
if (!PREFIX || !STORE_SCHEMA || !ACTION || !QUEUE || IDS === undefined || (STOP_AT !== 'before-change' && STOP_AT !== 'after-change')) {
  throw new Error('bullmq-crash-host: set PREFIX, STORE_SCHEMA, STOP_AT (before-change or after-change), ACTION, QUEUE and IDS');
}

/** Reports where the process stopped, then never settles: the test kills the process here. */
function stopHere(step: string): Promise<never> {
  process.stdout.write(`stopped ${step}\n`);
  return new Promise<never>(() => {});
}

const stack = await startBullMQStack({
  prefix: PREFIX,
  storeSchema: STORE_SCHEMA,
  wrapEngine: (engine: JobEngine): JobEngine => ({
    ...engine,
    apply: (...args) => (STOP_AT === 'before-change' ? stopHere('before-change') : engine.apply(...args)),
    applyToQueue: (...args) => (STOP_AT === 'before-change' ? stopHere('before-change') : engine.applyToQueue!(...args)),
  }),
  wrapStore: (store: OpsStore): OpsStore => ({
    ...store,
    completeIntent: (...args) => (STOP_AT === 'after-change' ? stopHere('after-change') : store.completeIntent(...args)),
  }),
});
const onQueue = ACTION.startsWith('queue.');
// Only admins may act on queues in the test stack.
const user = onQueue ? 'ada' : 'olga';
const target = onQueue ? { queue: QUEUE } : { queue: QUEUE, ids: IDS.split(',') };
const preview = await (await stack.request(user, 'POST', '/api/actions/preview', { action: ACTION, target })).json() as { token?: string };
if (!preview.token) throw new Error(`bullmq-crash-host: the preview failed: ${JSON.stringify(preview)}`);
process.stdout.write('previewed\n');
await stack.request(user, 'POST', '/api/actions/execute', { token: preview.token, reason: 'Retrying after the processor outage, incident 77' });
throw new Error('bullmq-crash-host: the action finished instead of stopping');
