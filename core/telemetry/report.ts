/**
 * Reports an event, tag or measurement outside the telemetry contract, once per (family, key,
 * value), as a process warning, unless NODE_ENV is `production`. The message names the family,
 * event and key (all chosen by the console's code) but never the offending value, which is exactly
 * what might be a job id or a secret.
 */

const reported = new Set<string>();
// Distinct violations remembered; past this the process has a bug that one warning already shows.
const MAX_REPORTED = 256;

/** The warning's `code`, for hosts that filter process warnings. */
const CONTRACT_WARNING_CODE = 'OPS_JOBS_TELEMETRY_CONTRACT';

export function reportViolation(family: string, key: string, value: unknown, message: string): void {
  if (process.env.NODE_ENV === 'production' || reported.size >= MAX_REPORTED) return;
  const id = JSON.stringify([family, key, typeof value === 'string' || typeof value === 'number' ? value : typeof value]);
  if (reported.has(id)) return;
  reported.add(id);
  process.emitWarning(`ops-jobs telemetry: ${message}. See telemetryContract.`, { type: 'OpsJobsTelemetryWarning', code: CONTRACT_WARNING_CODE });
}

/** A name chosen by code, shortened so that a mistaken long value cannot fill the log. */
export function nameOf(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : `a ${typeof value}`;
}
