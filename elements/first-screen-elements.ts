import { OpsJobsConsole } from './console/console.ts';
import { OpsJobsCopyButton } from './copy-button/copy-button.ts';
import { OpsJobsJobDetail } from './job-detail/job-detail.ts';
import { OpsJobsJobList } from './job-list/job-list.ts';
import { OpsJobsJobTimeline } from './job-timeline/job-timeline.ts';
import { OpsJobsProblem } from './problem/problem.ts';
import { OpsJobsQueueList } from './queue-list/queue-list.ts';
import { OpsJobsStateBadge } from './state-badge/state-badge.ts';
import { OpsJobsRelativeTime } from './time/relative-time.ts';

/**
 * The elements any first screen of the console may need: the console, the queue, job list and job
 * views and their parts. The action dialog, the audit views, a job's history and the views of a
 * job's values load on first use (see `lazy-elements.ts`).
 */
export const FIRST_SCREEN_ELEMENTS = Object.freeze({
  'ops-jobs-console': OpsJobsConsole,
  'ops-jobs-queue-list': OpsJobsQueueList,
  'ops-jobs-job-list': OpsJobsJobList,
  'ops-jobs-job-detail': OpsJobsJobDetail,
  'ops-jobs-job-timeline': OpsJobsJobTimeline,
  'ops-jobs-state-badge': OpsJobsStateBadge,
  'ops-jobs-relative-time': OpsJobsRelativeTime,
  'ops-jobs-copy-button': OpsJobsCopyButton,
  'ops-jobs-problem': OpsJobsProblem,
});
