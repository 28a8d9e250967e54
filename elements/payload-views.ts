// The views of a job's values (data, output, options, error), one chunk loaded on first use.
export { OpsJobsJobError } from './job-error/job-error.ts';
export { OpsJobsJsonViewer } from './json-viewer/json-viewer.ts';
