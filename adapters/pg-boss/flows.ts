import type { JobEngine } from '../../core/contracts/engine.ts';
import { flowStepKey as keyOf, FLOW_STEP_LIMIT } from '../../core/contracts/flows.ts';
import type { JobRef } from '../../core/contracts/jobs.ts';
import { CANONICAL_UUID } from './cursor.ts';
import { toJobSummary, type JobSummaryRow } from './job-rows.ts';
import { isHostQueueName } from './queue-names.ts';
import { dependenciesOf, flowWalk, summariesByKey, type Statement } from './sql.ts';

/** How far from the job the walk goes, in dependencies: past it, the flow says there is more. */
const FLOW_DEPTH = 20;
/** Rows the walk reads at most: a job reached again by another path is a row again. */
const FLOW_WALK_ROWS = 4 * FLOW_STEP_LIMIT;

interface DependencyRow {
  readonly child_name: string;
  readonly child_id: string;
  readonly parent_name: string;
  readonly parent_id: string;
}


/**
 * `getFlow` over pg-boss's flows: a job made with `dependsOn` waits, blocked, for the jobs it
 * depends on (job_dependency's child waits on its parent). Three statements, each by key: the walk
 * to the jobs around the job, their rows, and the dependencies between them.
 */
export function createFlowMethods(context: { readonly schema: string; query<Row>(statement: Statement): Promise<Row[]> }): Pick<JobEngine, 'getFlow'> {
  const { schema, query } = context;
  return {
    async getFlow(queue, id) {
      if (!isHostQueueName(queue) || !CANONICAL_UUID.test(id)) return null;
      const walked = await query<{ name: string; id: string; depth: number }>(flowWalk(schema, queue, id, FLOW_DEPTH, FLOW_WALK_ROWS));
      const refs = new Map<string, JobRef>();
      for (const row of walked) if (isHostQueueName(row.name)) refs.set(keyOf({ queue: row.name, id: row.id }), { queue: row.name, id: row.id });
      // The job alone, or one whose neighbours are all pg-boss's own: no flow to show.
      if (refs.size < 2) return null;
      const chosen = [...refs.values()].slice(0, FLOW_STEP_LIMIT);
      const names = chosen.map((ref) => ref.queue);
      const ids = chosen.map((ref) => ref.id);
      const [rows, dependencies] = await Promise.all([
        query<JobSummaryRow>(summariesByKey(schema, names, ids)),
        query<DependencyRow>(dependenciesOf(schema, names, ids)),
      ]);
      const listed = new Set(rows.map((row) => keyOf({ queue: row.queue, id: row.id })));
      const first = keyOf({ queue, id });
      if (!listed.has(first)) return null;
      const steps = rows.map(toJobSummary).sort((a, b) => Number(keyOf(b) === first) - Number(keyOf(a) === first) || a.createdAt.localeCompare(b.createdAt));
      return {
        steps,
        dependencies: dependencies
          .map((row) => ({ waiting: { queue: row.child_name, id: row.child_id }, on: { queue: row.parent_name, id: row.parent_id } }))
          .filter((edge) => listed.has(keyOf(edge.waiting)) && listed.has(keyOf(edge.on))),
        more: refs.size > FLOW_STEP_LIMIT || walked.length >= FLOW_WALK_ROWS || walked.some((row) => Number(row.depth) >= FLOW_DEPTH),
      };
    },
  };
}
