/**
 * The statements behind the schedule listing, with their values beside the SQL. `schema` is always
 * a name `validatePgBossSchema` accepted.
 */
import { CONSOLE_STATE } from './sql.ts';

export interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** The console state of each of these jobs that still exists, each found by its primary key (name, id). */
export function lastJobStates(schema: string, queues: readonly string[], ids: readonly string[]): Statement {
  return {
    text: `
    SELECT id::text AS id, ${CONSOLE_STATE} AS state
    FROM ${schema}.job
    WHERE (name, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`,
    values: [queues, ids],
  };
}
