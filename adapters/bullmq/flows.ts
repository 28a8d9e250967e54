import type { Redis } from 'ioredis';
import type { JobEngine } from '../../core/contracts/engine.ts';
import { flowStepKey as keyOf, FLOW_STEP_LIMIT } from '../../core/contracts/flows.ts';
import type { JobRef, JobSummary } from '../../core/contracts/jobs.ts';
import { isJobId } from './cursor.ts';
import { everyOther, refOf } from './detail.ts';
import type { QueueDirectory } from './discovery.ts';
import { readPlaces } from './job-states.ts';
import { summaries } from './listing.ts';
import { pipelinedLeniently, queueKeys, type Command } from './redis.ts';

/** How many parents up the walk looks for the flow's root. */
const MOST_ANCESTORS = 20;


/**
 * `getFlow` over BullMQ's flows, where a parent waits on its children: up from the job to the
 * flow's root by each job's `parentKey` (one HGET a level), then down from the root a level at a
 * time (the first page of each job's pending, processed and failed children: SSCAN and HSCAN with
 * a COUNT hint) until `FLOW_STEP_LIMIT` steps are found, then each step's state and row.
 */
export function createFlowMethods(context: { readonly client: Redis; readonly prefix: string; readonly directory: QueueDirectory }): Pick<JobEngine, 'getFlow'> {
  const { client, prefix, directory } = context;
  const jobKey = (ref: JobRef) => queueKeys(prefix, ref.queue).of(ref.id);

  async function rootOf(start: JobRef): Promise<{ root: JobRef; ancestors: number; more: boolean } | null> {
    let current = start;
    for (let ancestors = 0; ancestors <= MOST_ANCESTORS; ancestors += 1) {
      const [parentKey, timestamp] = (await pipelinedLeniently(client, [['hmget', jobKey(current), 'parentKey', 'timestamp']]))[0] as (string | null)[] | undefined ?? [];
      if (!timestamp) return ancestors === 0 ? null : { root: current, ancestors, more: false };
      const parent = parentKey ? refOf(prefix, parentKey) : null;
      // A parent under another prefix, or in a queue this engine does not show: the flow goes on beyond it.
      if (!parent || !(await directory.has(parent.queue))) return { root: current, ancestors, more: Boolean(parentKey) };
      current = parent;
    }
    return { root: current, ancestors: MOST_ANCESTORS, more: true };
  }

  return {
    async getFlow(queue, id) {
      if (!isJobId(id) || !(await directory.has(queue))) return null;
      const found = await rootOf({ queue, id });
      if (!found) return null;
      const refs = new Map<string, JobRef>([[keyOf(found.root), found.root]]);
      const edges: { waiting: JobRef; on: JobRef }[] = [];
      let more = found.more;
      let level = [found.root];
      while (level.length > 0 && refs.size < FLOW_STEP_LIMIT) {
        const commands = level.flatMap((ref): Command[] => [
          ['sscan', `${jobKey(ref)}:dependencies`, 0, 'COUNT', FLOW_STEP_LIMIT],
          ['hscan', `${jobKey(ref)}:processed`, 0, 'COUNT', FLOW_STEP_LIMIT],
          ['hscan', `${jobKey(ref)}:failed`, 0, 'COUNT', FLOW_STEP_LIMIT],
        ]);
        const replies = await pipelinedLeniently(client, commands) as ([string, string[]] | undefined)[];
        const next: JobRef[] = [];
        level.forEach((parent, index) => {
          const [pending, processed, failed] = replies.slice(index * 3, index * 3 + 3);
          const keys = [...(pending?.[1] ?? []), ...everyOther(processed?.[1] ?? []), ...everyOther(failed?.[1] ?? [])];
          if ([pending, processed, failed].some((reply) => reply && reply[0] !== '0')) more = true;
          for (const key of keys) {
            const child = refOf(prefix, key);
            if (!child) continue;
            if (!refs.has(keyOf(child))) {
              if (refs.size >= FLOW_STEP_LIMIT) {
                more = true;
                continue;
              }
              refs.set(keyOf(child), child);
              next.push(child);
            }
            edges.push({ waiting: parent, on: child });
          }
        });
        level = next;
      }
      if (refs.size < 2 && found.ancestors === 0) return null;
      const steps = await rowsOf([...refs.values()]);
      const listed = new Set(steps.map(keyOf));
      if (!listed.has(keyOf({ queue, id }))) return null;
      const first = keyOf({ queue, id });
      return {
        steps: steps.sort((a, b) => Number(keyOf(b) === first) - Number(keyOf(a) === first) || a.createdAt.localeCompare(b.createdAt)),
        dependencies: edges.filter((edge) => listed.has(keyOf(edge.waiting)) && listed.has(keyOf(edge.on))),
        more,
      };
    },
  };

  /** The listing rows of these jobs, queue by queue, leaving out those that are gone or in a queue this engine does not show. */
  async function rowsOf(refs: readonly JobRef[]): Promise<JobSummary[]> {
    const byQueue = new Map<string, string[]>();
    for (const ref of refs) byQueue.set(ref.queue, [...(byQueue.get(ref.queue) ?? []), ref.id]);
    const rows: JobSummary[] = [];
    for (const [name, ids] of byQueue) {
      if (!(await directory.has(name))) continue;
      const places = await readPlaces(client, queueKeys(prefix, name), ids.filter(isJobId));
      rows.push(...await summaries(client, prefix, name, [...places].map(([jobId, place]) => ({ source: place.source, id: jobId, mark: place.score ?? 0 }))));
    }
    return rows;
  }
}
