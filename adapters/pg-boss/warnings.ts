import type { JobAction } from '../../core/vocabulary/actions.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import type { ActionContext } from './actions.ts';
import type { JobSummaryRow } from './job-rows.ts';
import * as sql from './sql.ts';

// previewRedrive refuses a larger limit.
const PREVIEW_LIMIT_MAX = 100_000;

/** A selected job with what its warnings need (`sql.selectionFacts`). */
export interface SelectedRow extends JobSummaryRow {
  readonly blocking: boolean;
  readonly dead_letter_copy: string | null;
}

const NOT_YET_FINISHED: ReadonlySet<JobState> = new Set(['queued', 'scheduled', 'blocked', 'active', 'retrying']);

/**
 * Warnings in plain words about what pg-boss will do beyond the obvious: a retry beside a dead
 * letter copy, running handlers a cancel or delete does not stop, flow dependents left blocked,
 * dead-lettered jobs redrive cannot route, and where the others go. Counts, states and queue names
 * only; never job data. All but redrive's come from the selected rows, with no further read.
 */
export function createWarnings(context: ActionContext): (action: JobAction, queue: string, selected: readonly SelectedRow[]) => Promise<string[]> {
  const { boss, schema, query } = context;

  function retryWarnings(selected: readonly SelectedRow[]): string[] {
    const copies = new Map<string, number>();
    for (const row of selected) if (row.dead_letter_copy !== null) copies.set(row.dead_letter_copy, (copies.get(row.dead_letter_copy) ?? 0) + 1);
    return [...copies].sort(([a], [b]) => (a < b ? -1 : 1)).map(([deadLetter, n]) => (
      `${subject(n, selected.length)} ${pick(n, 'was', 'were')} also copied to the dead letter queue ${deadLetter} when ${pick(n, 'it', 'they')} failed, ` +
      `and ${pick(n, 'that copy is', 'those copies are')} still waiting there. Redriving ${pick(n, 'it', 'them')} after this retry would run the same work again; ` +
      `delete ${pick(n, 'it', 'them')} from ${deadLetter} if the retry is enough.`
    ));
  }

  function stopWarnings(action: 'cancel' | 'delete', selected: readonly SelectedRow[]): string[] {
    const running = selected.filter((row) => row.state === 'active').length;
    // A completed parent keeps the flag until pg-boss's flow resolver has released its dependents.
    const parents = selected.filter((row) => row.blocking && (action === 'delete' || NOT_YET_FINISHED.has(row.state))).length;
    const doing = action === 'cancel' ? 'Cancelling' : 'Deleting';
    const warnings: string[] = [];
    if (running > 0) {
      warnings.push(
        `${subject(running, selected.length)} ${pick(running, 'is', 'are')} running now. ${doing} does not stop a handler that is already running: ` +
          'pg-boss ignores what it reports when it finishes, and aborts its job.signal only if the queue uses heartbeats.',
      );
    }
    if (parents > 0) {
      warnings.push(
        `${subject(parents, selected.length)} ${pick(parents, 'has', 'have')} flow dependents still waiting for ${pick(parents, 'it', 'them')} to complete. ` +
          `pg-boss releases a dependent only when all its parents have completed, so ${doing.toLowerCase()} leaves those dependents blocked.`,
      );
    }
    return warnings;
  }

  function failWarnings(selected: readonly SelectedRow[]): string[] {
    const n = selected.length;
    return [
      `${subject(n, n)} ${pick(n, 'is', 'are')} running now. Failing does not stop a handler that is still running (a worker that hangs rather than died): ` +
        'pg-boss ignores what it reports when it finishes, and aborts its job.signal only if the queue uses heartbeats.',
      `The queue's retry policy applies: ${pick(n, 'a job', 'each job')} with attempts left is retried, and ${pick(n, 'one', 'those')} without ${pick(n, 'fails', 'fail')} for good ` +
        '(and is copied to the dead letter queue, if the queue has one).',
    ];
  }

  async function redriveWarnings(queue: string, ids: string[]): Promise<string[]> {
    // pg-boss throws for a queue it does not have; no such queue has jobs to warn about.
    const [queueRow] = await query<{ exists: boolean }>(sql.queueExists(schema, queue));
    if (!boss.previewRedrive || !queueRow?.exists) return [];
    const preview = await boss.previewRedrive(queue, { ids, limit: Math.min(ids.length, PREVIEW_LIMIT_MAX) });
    const warnings: string[] = [];
    if (preview.unroutable > 0) {
      const stuck = await query<{ source: string; count: number }>(sql.unroutableJobs(schema, queue, ids));
      for (const { source, count: n } of stuck) {
        warnings.push(
          `${subject(n, ids.length)} came from queue ${source}, which no longer exists, ` +
            `so redrive cannot move ${pick(n, 'it', 'them')}; ${pick(n, 'it stays', 'they stay')} in ${queue}.`,
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

  return async (action, queue, selected) => {
    if (selected.length === 0) return [];
    switch (action) {
      case 'retry':
        return retryWarnings(selected);
      case 'cancel':
      case 'delete':
        return stopWarnings(action, selected);
      case 'redrive':
        return redriveWarnings(queue, selected.map((row) => row.id));
      case 'fail':
        return failWarnings(selected);
      case 'resume':
      case 'promote':
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
