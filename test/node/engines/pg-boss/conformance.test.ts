// The engine conformance suite for pg-boss, on embedded PGlite and on a PostgreSQL server.
import { pgliteTarget, postgresTarget } from '../../adapters/pg-boss/targets.ts';
import { conformanceSuite } from '../conformance/suite.ts';
import { pgBossHarness } from './harness.ts';

conformanceSuite(pgBossHarness(pgliteTarget));
conformanceSuite(pgBossHarness(postgresTarget));
