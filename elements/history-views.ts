// A job's history of operator actions and the outcome badge it and the audit views show: one chunk
// loaded on first use, after the job itself.
export { OpsJobsJobHistory } from './job-history/job-history.ts';
export { OpsJobsOutcomeBadge } from './outcome-badge/outcome-badge.ts';
