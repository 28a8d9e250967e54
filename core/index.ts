export { createOpsJobs, type OpsJobs } from './create-ops-jobs.ts';
export type { OpsJobsOptions, Logger, ActionLimits, LiveOptions, WorkerHealthOptions } from './options.ts';
export {
  ACTIONS, ALL_ACTIONS, JOB_ACTIONS, OPERATOR_ACTIONS, QUEUE_ACTIONS, QUEUE_CONFIGURE, isOperatorAction, isQueueConfigureAction, isQueueOperatorAction,
  type Action, type QueueConfigureAction, type QueueSwitchAction, type JobAction, type JobOperatorAction, type OperatorAction, type QueueAction, type QueueOperatorAction,
} from './vocabulary/actions.ts';
export type { Actor, AuditPrincipal, AuthSeam, Decision } from './contracts/auth.ts';
export type { ActionSubject, JobSelection, WholeQueue } from './vocabulary/job-selection.ts';
export { DEAD_LETTER_SETTING, type EditableQueueSetting, type QueueSettingChange, type QueueSettingValue, type QueueSettingValues } from './vocabulary/queue-settings.ts';
export type { Phase, Resource } from './contracts/resource.ts';
export { DISPLAY_KINDS, type DisplayContext, type DisplayDecision, type DisplayKind, type DisplayPolicy } from './contracts/display-policy.ts';
export { JOB_STATES, ALL_JOB_STATES, isJobState, type JobState } from './vocabulary/job-states.ts';
export type { JobSummary, JobDetail, JobError, JobFamily, JobLogs, JobRef, QueueInfo, QueueDescription, QueueCounts } from './contracts/jobs.ts';
export type { CountFreshness } from './vocabulary/count-freshness.ts';
export type { ScheduleKind, ScheduleListQuery, SchedulePage, ScheduleSummary } from './contracts/schedules.ts';
export type { ActionSelection, ChangeWatcher, CursorPosition, EngineCapabilities, EngineDescription, EngineProblem, JobEngine, JobListQuery, JobPage, ScheduleActionResult } from './contracts/engine.ts';
export { IdempotencyConflict, type MigrationReport, type MigrationStatus, type OpsStore, type StoreTransaction, type TableSize } from './contracts/store.ts';
export { AUDIT_OUTCOMES, isAuditOutcome, type AuditOutcome, type RefusedOutcome } from './vocabulary/audit-outcomes.ts';
export type { AuditFilter, AuditPage, AuditQuery, AuditRecord, AuditResource, NewAuditRecord } from './contracts/audit.ts';
export type { IdempotencyReceipt, StoredPreview } from './contracts/preview.ts';
export type { ChangeNotice, LiveChannel, LiveChannelMember, LiveRole } from './contracts/live-channel.ts';
export type { SqlExecutor } from './contracts/sql.ts';
export type { ConsoleBridge } from './contracts/bridge.ts';
export type { QueueWorker, WorkerInstance, WorkerInstancePage } from './contracts/workers.ts';
export type { ConsoleFiles } from './contracts/console-files.ts';
export { ProblemError, InvalidInputError, NotFoundError, ForbiddenError, UnauthenticatedError, ConflictError, OptionsError, PartlyAppliedError } from './errors.ts';
export { hideKeysMatching, REDACTED, type HideKeysOptions } from './display-policies/hide-keys-matching.ts';
export { DATA_FIELD_PATTERN, MAX_DATA_FILTERS, type DataFilter } from './vocabulary/data-filter.ts';
export { showEverything } from './display-policies/show-everything.ts';
export type * from './vocabulary/wire.ts';
export type * from './vocabulary/chronology.ts';
export { CHRONOLOGY_AUDIT_LIMIT } from './vocabulary/chronology.ts';
export { PROBLEM_TYPES, PROBLEM_TYPE_PREFIX, problemTypeOf, type ProblemType } from './vocabulary/problem-types.ts';
export { PAGE_SIZE, REASON_MAX_LENGTH, SELECTION_CAP } from './vocabulary/limits.ts';
export {
  telemetryContract, type TelemetryEventName, type TelemetryFamily, type TelemetryMeasurementName, type TelemetryMeasurements,
  type TelemetryMessage, type TelemetryTags,
} from './telemetry/contract.ts';
export type { Incident, IncidentChanges, IncidentCursor, IncidentObservation, IncidentPage, IncidentQuery, IncidentSweep } from './contracts/incidents.ts';
export { INCIDENT_KINDS, INCIDENT_RESOLUTIONS, type IncidentKind, type IncidentResolution } from './vocabulary/incident-kinds.ts';
export type { IncidentSummary, RepairSummary } from './incidents/summary.ts';
export { incidentFingerprint } from './incidents/observations.ts';
