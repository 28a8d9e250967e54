// A job's page and its timeline: one chunk loaded on first use, so that the overview and a queue's
// jobs load without them; the shell preloads it on a job's address.
export { OpsJobsJobDetail } from './job-detail/job-detail.ts';
export { OpsJobsJobTimeline } from './job-timeline/job-timeline.ts';
