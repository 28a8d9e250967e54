export { createOpsJobs, type OpsJobs } from './create-ops-jobs.ts';
export type { OpsJobsOptions, Logger, ActionLimits, LiveOptions } from './options.ts';
export { ACTIONS, ALL_ACTIONS, JOB_ACTIONS, OPERATOR_ACTIONS, isOperatorAction, type Action, type JobAction, type OperatorAction } from './contracts/actions.ts';
export type { Actor, AuditPrincipal, AuthSeam, Decision } from './contracts/auth.ts';
export type { JobSelection, Phase, Resource } from './contracts/resource.ts';
export { DISPLAY_KINDS, type DisplayContext, type DisplayDecision, type DisplayKind, type DisplayPolicy } from './contracts/display-policy.ts';
export { JOB_STATES, ALL_JOB_STATES, isJobState, type JobState, type JobSummary, type JobDetail, type JobError, type QueueInfo, type QueueDescription, type QueueCounts, type CountFreshness } from './contracts/jobs.ts';
export type { ActionSelection, CursorPosition, EngineCapabilities, EngineDescription, EngineProblem, JobEngine, JobListQuery, JobPage } from './contracts/engine.ts';
export { IdempotencyConflict, type MigrationReport, type MigrationStatus, type OpsStore, type StoreTransaction, type TableSize } from './contracts/store.ts';
export { AUDIT_OUTCOMES, type AuditFilter, type AuditOutcome, type AuditPage, type AuditQuery, type AuditRecord, type AuditResource, type NewAuditRecord } from './contracts/audit.ts';
export type { IdempotencyReceipt, StoredPreview } from './contracts/preview.ts';
export type { ChangeNotice, LiveChannel, LiveChannelMember, LiveRole } from './contracts/live-channel.ts';
export type { SqlExecutor } from './contracts/sql.ts';
export { ProblemError, InvalidInputError, NotFoundError, ForbiddenError, UnauthenticatedError, ConflictError, OptionsError } from './errors.ts';
export { hideKeysMatching, REDACTED, type HideKeysOptions } from './display-policies/hide-keys-matching.ts';
export { DATA_FIELD_PATTERN, MAX_DATA_FILTERS, type DataFilter } from './contracts/data-filter.ts';
export { showEverything } from './display-policies/show-everything.ts';
export type * from './http/wire.ts';
export {
  telemetryContract, type TelemetryEventName, type TelemetryFamily, type TelemetryMeasurementName, type TelemetryMeasurements,
  type TelemetryMessage, type TelemetryTags,
} from './telemetry/contract.ts';
