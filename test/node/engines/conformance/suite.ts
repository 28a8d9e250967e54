// The engine conformance suite: what every JobEngine must honour, written against the port alone.
// An engine adapter runs it from a test file of its own with a harness (harness.ts):
//
//   import { conformanceSuite } from '../../engines/conformance/suite.ts';
//   conformanceSuite(myEngineOnRedis);
//
// docs/engines.md says what it checks and how to write a harness.
//
// One engine start serves every case; each case works on queues of its own.
import { after, before, describe } from 'node:test';
import { applyCases } from './apply-cases.ts';
import { createContext } from './context.ts';
import { detailCases } from './detail-cases.ts';
import { failCases } from './fail-cases.ts';
import type { EngineHarness, EngineRun } from './harness.ts';
import { listingCases } from './listing-cases.ts';
import { lookupCases } from './lookup-cases.ts';
import { queueActionCases } from './queue-action-cases.ts';
import { queueCases } from './queue-cases.ts';
import { queueSettingsCases } from './queue-settings-cases.ts';
import { scheduleActionCases } from './schedule-action-cases.ts';
import { selectionCases } from './selection-cases.ts';
import { transactionCases } from './transaction-cases.ts';

export type { DeadLettered, EngineHarness, EngineRun, SeedJob } from './harness.ts';
export { SEED_FAILURE, SEED_OUTPUT } from './harness.ts';

/**
 * Registers the conformance suite for one engine on one backend, as a `describe` of its own. The
 * engine starts before the first case and stops after the last; a backend that cannot be reached
 * fails every case with the harness's reason.
 */
export function conformanceSuite(harness: EngineHarness): void {
  describe(`engine conformance: ${harness.name}`, () => {
    let run: EngineRun | undefined;
    // Each case awaits the start itself, so a failed start fails each case with its reason rather
    // than cancelling them from a hook.
    let started: Promise<void> = Promise.resolve();
    before(() => {
      started = harness.start().then((value) => {
        run = value;
      });
      started.catch(() => {});
    });
    after(async () => {
      await run?.stop();
    });
    const context = createContext(
      harness,
      () => {
        if (!run) throw new Error(`${harness.name} did not start`);
        return run;
      },
      () => started,
    );
    queueCases(context);
    listingCases(context);
    detailCases(context);
    lookupCases(context);
    selectionCases(context);
    applyCases(context);
    failCases(context);
    queueActionCases(context);
    queueSettingsCases(context);
    scheduleActionCases(context);
    if (harness.sharedTransactions) transactionCases(context);
  });
}
