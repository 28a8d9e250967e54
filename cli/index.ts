/**
 * `ops-jobs/cli`: what a host's `ops-jobs.config.js` needs to type itself. The commands are the
 * `ops-jobs` executable: `npx ops-jobs init | migrate | doctor`.
 */
export { defineConfig, type OpsJobsConfig, type OpsJobsConfigExport } from './config.ts';
export type { Finding, Severity } from './doctor/finding.ts';
