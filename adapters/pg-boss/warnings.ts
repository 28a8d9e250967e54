import type { JobAction } from '../../core/contracts/actions.ts';
import type { JobEngine } from '../../core/contracts/engine.ts';
import type { ActionContext } from './actions.ts';
import { sortIds } from './job-ids.ts';
import { isHostQueueName } from './queue-names.ts';
import * as sql from './sql.ts';

type WarnAbout = NonNullable<JobEngine['warnAbout']>;

// previewRedrive refuses a larger limit.
const PREVIEW_LIMIT_MAX = 100_000;

/**
 * Warnings in plain words about what pg-boss will do beyond the obvious: a retry beside a dead
 * letter copy, running handlers a cancel or delete does not stop, flow dependents left blocked,
 * dead-lettered jobs redrive cannot route, and where the others go. Counts, states and queue names
 * only; never job data.
 */
export function createWarnAbout(context: ActionContext): WarnAbout {
  const { boss, schema, query } = context;

  async function retryWarnings(queue: string, ids: string[]): Promise<string[]> {
    const copies = await query<{ queue: string; count: number }>(sql.deadLetterCopies(schema), [queue, ids]);
    return copies.map(({ queue: deadLetter, count }) => {
      const n = count;
      return (
        `${subject(n, ids.length)} ${pick(n, 'was', 'were')} also copied to the dead letter queue ${deadLetter} when ${pick(n, 'it', 'they')} failed, ` +
        `and ${pick(n, 'that copy is', 'those copies are')} still waiting there. Redriving ${pick(n, 'it', 'them')} after this retry would run the same work again; ` +
        `delete ${pick(n, 'it', 'them')} from ${deadLetter} if the retry is enough.`
      );
    });
  }

  async function stopWarnings(action: 'cancel' | 'delete', queue: string, ids: string[]): Promise<string[]> {
    const [facts] = await query<{ running: number; open_parents: number; parents: number }>(sql.stopFacts(schema), [queue, ids]);
    if (!facts) return [];
    const doing = action === 'cancel' ? 'Cancelling' : 'Deleting';
    const warnings: string[] = [];
    if (facts.running > 0) {
      const n = facts.running;
      warnings.push(
        `${subject(n, ids.length)} ${pick(n, 'is', 'are')} running now. ${doing} does not stop a handler that is already running: ` +
          'pg-boss ignores what it reports when it finishes, and aborts its job.signal only if the queue uses heartbeats.',
      );
    }
    const parents = action === 'cancel' ? facts.open_parents : facts.parents;
    if (parents > 0) {
      warnings.push(
        `${subject(parents, ids.length)} ${pick(parents, 'has', 'have')} flow dependents still waiting for ${pick(parents, 'it', 'them')} to complete. ` +
          `pg-boss releases a dependent only when all its parents have completed, so ${doing.toLowerCase()} leaves those dependents blocked.`,
      );
    }
    return warnings;
  }

  async function redriveWarnings(queue: string, ids: string[]): Promise<string[]> {
    // pg-boss throws for a queue it does not have; no such queue has jobs to warn about.
    const [queueRow] = await query<{ exists: boolean }>(sql.queueExists(schema), [queue]);
    if (!boss.previewRedrive || !queueRow?.exists) return [];
    const preview = await boss.previewRedrive(queue, { ids, limit: Math.min(ids.length, PREVIEW_LIMIT_MAX) });
    const warnings: string[] = [];
    if (preview.unroutable > 0) {
      const stuck = await query<{ source: string | null; count: number }>(sql.unroutableJobs(schema), [queue, ids]);
      for (const { source, count: n } of stuck) {
        const stays = `so redrive cannot move ${pick(n, 'it', 'them')}; ${pick(n, 'it stays', 'they stay')} in ${queue}.`;
        warnings.push(
          source === null
            ? `${subject(n, ids.length)} ${pick(n, 'has', 'have')} no source queue recorded, ${stays}`
            : `${subject(n, ids.length)} came from queue ${source}, which no longer exists, ${stays}`,
        );
      }
    }
    if (preview.destinations.length > 0) {
      const where = preview.destinations.map(({ name, count }) => `${count === 1 ? '1 job' : `${count} jobs`} to ${name}`).join(', ');
      warnings.push(
        `Redrive re-creates each job in the queue it came from, as a new job with a new id and that queue's current retry settings, ` +
          `and removes it from ${queue}: ${where}.`,
      );
      const destinations = await boss.getQueues(preview.destinations.map(({ name }) => name));
      for (const { name, policy } of destinations) {
        if (policy && policy !== 'standard') {
          warnings.push(
            `Queue ${name} uses pg-boss's ${policy} policy: a redriven job that collides there with a job the policy allows only once ` +
              `is not moved, but marked failed in ${queue} with the reason.`,
          );
        }
      }
    }
    return warnings;
  }

  return async (action: JobAction, queue: string, ids: readonly string[]): Promise<readonly string[]> => {
    const { uuids } = sortIds(ids);
    if (uuids.length === 0 || !isHostQueueName(queue) || !context.actions[action]) return [];
    const selected = [...uuids];
    switch (action) {
      case 'retry':
        return retryWarnings(queue, selected);
      case 'cancel':
      case 'delete':
        return stopWarnings(action, queue, selected);
      case 'redrive':
        return redriveWarnings(queue, selected);
      case 'resume':
        return [];
    }
  };
}

/** "This job", "Both jobs", "All 5 jobs" or "2 of these jobs", for `count` of `total` selected jobs. */
function subject(count: number, total: number): string {
  if (count === total) return total === 1 ? 'This job' : total === 2 ? 'Both jobs' : `All ${total} jobs`;
  return count === 1 ? 'One of these jobs' : `${count} of these jobs`;
}

function pick(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
