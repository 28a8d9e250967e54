// Operator actions over pg-boss, on PGlite and on PostgreSQL. One pg-boss per database serves
// every case, each case on queues of its own, so the suite pays pg-boss's start-up once.
import { describe } from 'node:test';
import { redriveCases } from './redrive-cases.ts';
import { selectionCases } from './selection-cases.ts';
import { actionSuite } from './suite.ts';
import { pgliteTarget, postgresTarget } from './targets.ts';
import { transactionCases } from './transaction-cases.ts';
import { warningCases } from './warning-cases.ts';

for (const target of [pgliteTarget, postgresTarget]) {
  describe(`pg-boss actions on ${target.name}`, () => {
    const suite = actionSuite(target);
    selectionCases(suite);
    redriveCases(suite);
    warningCases(suite);
    transactionCases(suite);
  });
}
