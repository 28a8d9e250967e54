import { OpsJobsConsole } from './console/console.ts';
import { OpsJobsJobList } from './job-list/job-list.ts';
import { OpsJobsProblem } from './problem/problem.ts';
import { OpsJobsQueueList } from './queue-list/queue-list.ts';
import { OpsJobsStateBadge } from './state-badge/state-badge.ts';
import { OpsJobsRelativeTime } from './time/relative-time.ts';

/**
 * The elements the console's first screens need: the console, the queues and a queue's jobs, and
 * their parts. A job's page, the action dialog, the audit views, a job's history, the views of a
 * job's values and the copy button (which only they show) load on first use (see `lazy-elements.ts`).
 */
export const FIRST_SCREEN_ELEMENTS = Object.freeze({
  'ops-jobs-console': OpsJobsConsole,
  'ops-jobs-queue-list': OpsJobsQueueList,
  'ops-jobs-job-list': OpsJobsJobList,
  'ops-jobs-state-badge': OpsJobsStateBadge,
  'ops-jobs-relative-time': OpsJobsRelativeTime,
  'ops-jobs-problem': OpsJobsProblem,
});
