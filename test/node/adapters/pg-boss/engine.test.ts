// The pg-boss engine on embedded PGlite and on PostgreSQL: the conformance suite every engine runs,
// then what only pg-boss has. One started pg-boss per database serves every suite, each on queues
// of its own, so the file pays pg-boss's start-up once per database.
import { after, describe } from 'node:test';
import { conformanceSuite } from '../../engines/conformance/suite.ts';
import { pgBossHarness } from './harness.ts';
import { jobLookupCases } from './job-lookup-cases.ts';
import { readCases } from './read-cases.ts';
import { redriveCases } from './redrive-cases.ts';
import { scheduleCases } from './schedule-cases.ts';
import { selectionCases } from './selection-cases.ts';
import { actionSuite } from './suite.ts';
import { pgliteTarget, postgresTarget, sharedTarget } from './targets.ts';
import { transactionCases } from './transaction-cases.ts';
import { warningCases } from './warning-cases.ts';

for (const target of [pgliteTarget, postgresTarget].map(sharedTarget)) {
  conformanceSuite(pgBossHarness(target));
  describe(`pg-boss engine on ${target.name}`, () => {
    readCases(target);
    scheduleCases(target);
    jobLookupCases(target);
    describe('actions', () => {
      const suite = actionSuite(target);
      selectionCases(suite);
      redriveCases(suite);
      warningCases(suite);
      transactionCases(suite);
    });
  });
  after(() => target.stopShared());
}
