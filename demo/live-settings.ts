import type { OpsJobsOptions } from 'ops-jobs';

/** The console's `live` options (the package does not export their type by name). */
export type LiveSettings = NonNullable<OpsJobsOptions['live']>;

/** The environment variables the demo reads for the console's `live` options. */
export const LIVE_VARIABLES = {
  heartbeatSeconds: 'OPS_JOBS_HEARTBEAT_SECONDS',
  pollIntervalMs: 'OPS_JOBS_POLL_INTERVAL_MS',
} as const;

/**
 * The console's `live` options from the environment: each variable that is set must be a whole
 * number, and `createOpsJobs` checks its range. Unset variables leave the package defaults.
 */
export function liveSettings(env: NodeJS.ProcessEnv = process.env): LiveSettings {
  const settings: { -readonly [Key in keyof typeof LIVE_VARIABLES]?: number } = {};
  for (const [option, variable] of Object.entries(LIVE_VARIABLES) as [keyof typeof LIVE_VARIABLES, string][]) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    if (!/^\d+$/.test(raw)) throw new Error(`${variable} must be a whole number, got ${JSON.stringify(raw)}`);
    settings[option] = Number(raw);
  }
  return settings;
}
