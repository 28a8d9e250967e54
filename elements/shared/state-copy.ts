import type { JobState } from '../../core/vocabulary/job-states.ts';
import { msg } from './locale.ts';

/** How each state reads in the interface, in the chosen locale. */
export function stateLabel(state: JobState): string {
  return {
    queued: msg('Queued'),
    scheduled: msg('Scheduled'),
    blocked: msg('Blocked'),
    active: msg('Active'),
    retrying: msg('Retrying'),
    completed: msg('Completed'),
    failed: msg('Failed'),
    cancelled: msg('Cancelled'),
  }[state];
}

/** The state's one-line explanation, used as tooltips and accessible descriptions. */
export function stateHint(state: JobState): string {
  return {
    queued: msg('Ready to run now'),
    scheduled: msg('Waiting for a start time in the future'),
    blocked: msg('Waiting for other jobs it depends on'),
    active: msg('Being processed by a worker'),
    retrying: msg('Failed an attempt and waiting to be tried again'),
    completed: msg('Finished successfully'),
    failed: msg('Failed with no attempts left'),
    cancelled: msg('Cancelled before it finished'),
  }[state];
}

/** The state as a word inside a sentence ("all failed jobs"): "failed". */
export function stateWord(state: JobState): string {
  return {
    queued: msg('queued'),
    scheduled: msg('scheduled'),
    blocked: msg('blocked'),
    active: msg('active'),
    retrying: msg('retrying'),
    completed: msg('completed'),
    failed: msg('failed'),
    cancelled: msg('cancelled'),
  }[state];
}
