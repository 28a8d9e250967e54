import type { JobState } from '../../core/vocabulary/job-states.ts';
import { msg } from './locale.ts';

/** How each state reads in the interface, in the chosen locale. */
export function stateLabel(state: JobState): string {
  switch (state) {
    case 'queued': return msg('Queued');
    case 'scheduled': return msg('Scheduled');
    case 'blocked': return msg('Blocked');
    case 'active': return msg('Active');
    case 'retrying': return msg('Retrying');
    case 'completed': return msg('Completed');
    case 'failed': return msg('Failed');
    case 'cancelled': return msg('Cancelled');
  }
}

/** The state's one-line explanation, used as tooltips and accessible descriptions. */
export function stateHint(state: JobState): string {
  switch (state) {
    case 'queued': return msg('Ready to run now');
    case 'scheduled': return msg('Waiting for a start time in the future');
    case 'blocked': return msg('Waiting for other jobs it depends on');
    case 'active': return msg('Being processed by a worker');
    case 'retrying': return msg('Failed an attempt and waiting to be tried again');
    case 'completed': return msg('Finished successfully');
    case 'failed': return msg('Failed with no attempts left');
    case 'cancelled': return msg('Cancelled before it finished');
  }
}

/** The state as a word inside a sentence ("all failed jobs"): "failed". */
export function stateWord(state: JobState): string {
  switch (state) {
    case 'queued': return msg('queued');
    case 'scheduled': return msg('scheduled');
    case 'blocked': return msg('blocked');
    case 'active': return msg('active');
    case 'retrying': return msg('retrying');
    case 'completed': return msg('completed');
    case 'failed': return msg('failed');
    case 'cancelled': return msg('cancelled');
  }
}
