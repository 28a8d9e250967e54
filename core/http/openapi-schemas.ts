import { ALL_ACTIONS, AUDITED_ACTIONS, OPERATOR_ACTIONS, QUEUE_OPERATOR_ACTIONS, SCHEDULE_OPERATOR_ACTIONS } from '../vocabulary/actions.ts';
import { ATTENTION_KINDS } from '../vocabulary/attention-kinds.ts';
import { INCIDENT_KINDS, INCIDENT_RESOLUTIONS } from '../vocabulary/incident-kinds.ts';
import { AUDIT_OUTCOMES } from '../vocabulary/audit-outcomes.ts';
import { ALL_JOB_STATES } from '../vocabulary/job-states.ts';
import { CHRONOLOGY_SCHEMAS } from './openapi-chronology-schemas.ts';

const nullableString = { type: ['string', 'null'] };
const timestamp = { type: 'string', format: 'date-time' };
const jobRef = { type: 'object', required: ['queue', 'id'], properties: { queue: { type: 'string' }, id: { type: 'string' } } };
const nullableTimestamp = { type: ['string', 'null'], format: 'date-time' };
const counts = { type: 'object', propertyNames: { $ref: '#/components/schemas/JobState' }, additionalProperties: { type: 'integer', minimum: 0 } };
const stale = {
  type: 'object',
  description: 'The counted states whose figure was not taken at read time, with when it was; a state absent here is exact and live.',
  propertyNames: { $ref: '#/components/schemas/JobState' },
  additionalProperties: {
    type: 'object', required: ['asOf'],
    properties: { asOf: timestamp, includes: { type: 'array', items: { $ref: '#/components/schemas/JobState' } } },
  },
};

/** A listed job's values of the first searchable payload fields, as the display policy shows its data. */
const payloadFieldValues = {
  type: 'object', additionalProperties: { type: 'string' },
  description: "In a queue's listing: the job's values of the first few payload fields the display policy lists as searchable (dotted path to text), as the policy shows the job's data; a hidden value is absent.",
};

const jobSummaryProperties = {
  id: { type: 'string' },
  queue: { type: 'string' },
  state: { $ref: '#/components/schemas/JobState' },
  priority: { type: 'integer' },
  attempts: { type: 'object', required: ['made', 'max'], properties: { made: { type: 'integer' }, max: { type: 'integer' } } },
  createdAt: timestamp,
  runAfter: nullableTimestamp,
  startedAt: nullableTimestamp,
  finishedAt: nullableTimestamp,
  errorMessage: { ...nullableString, description: "The last failure message, as the display policy allows; a dead letter copy's is the failure that sent it there." },
};

/** JSON Schemas (2020-12) of the API's bodies, matching core/vocabulary/wire.ts. */
export const SCHEMAS: Readonly<Record<string, unknown>> = Object.freeze({
  JobState: { type: 'string', enum: [...ALL_JOB_STATES] },
  Problem: {
    type: 'object', required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
      parameter: { type: 'string', description: 'On a 400: the field at fault.' },
      signIn: { type: 'string', description: "On a 401, when the host has one: its sign-in page, relative to the console's mount root." },
    },
    additionalProperties: true,
  },
  Shown: {
    description: 'A value after the display policy: shown, hidden, or too large and previewed (an error too large for its stack: cut to the first lines of its stack). The policy decides before anything is cut. getJobValue answers the value whole.',
    oneOf: [
      { type: 'object', required: ['value'], properties: { value: {} } },
      {
        type: 'object', required: ['value', 'cut'], description: 'An error shown in part: its stack holds only its first lines.',
        properties: {
          value: {},
          cut: {
            type: 'object', required: ['bytes', 'stackLines'],
            properties: { bytes: { type: 'integer', description: 'Size of the whole value, UTF-8 JSON.' }, stackLines: { type: 'integer', description: 'Lines of the whole stack.' } },
          },
        },
      },
      { type: 'object', required: ['hidden'], properties: { hidden: { const: true } } },
      { type: 'object', required: ['truncated', 'bytes', 'preview'], properties: { truncated: { const: true }, bytes: { type: 'integer' }, preview: { type: 'string' } } },
    ],
  },
  OperatorAction: { type: 'string', enum: [...OPERATOR_ACTIONS] },
  Session: {
    type: 'object', required: ['actor', 'permissions', 'reasons', 'engine', 'limits', 'bridge', 'signOutUrl'],
    properties: {
      actor: { type: 'object', required: ['label'], properties: { label: nullableString } },
      permissions: { type: 'object', required: [...ALL_ACTIONS], properties: Object.fromEntries(ALL_ACTIONS.map((action) => [action, { type: 'boolean' }])) },
      reasons: { type: 'object', additionalProperties: { type: 'string' } },
      engine: {
        type: 'object', required: ['name', 'states', 'actions', 'schedules', 'jobLookup', 'workers', 'flows'],
        properties: {
          name: { type: 'string' },
          states: { type: 'array', items: { $ref: '#/components/schemas/JobState' } },
          actions: { type: 'object', description: 'The job actions the engine supports, with the states of the jobs each applies to.', additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/JobState' } } },
          queueActions: { type: 'array', description: 'The actions on a queue itself the engine supports; absent or empty: none.', items: { type: 'string', enum: [...QUEUE_OPERATOR_ACTIONS] } },
          scheduleActions: { type: 'array', description: 'The actions on one schedule the engine supports; absent or empty: none.', items: { type: 'string', enum: [...SCHEDULE_OPERATOR_ACTIONS] } },
          queueSettings: { type: 'array', description: 'The queue settings queue.configure can change, with the values each accepts; absent or empty: none.', items: { $ref: '#/components/schemas/EditableQueueSetting' } },
          schedules: { type: 'boolean', description: 'Whether the engine has recurring schedules to list.' },
          jobLookup: { type: 'boolean', description: 'Whether the engine finds jobs by id across queues (GET api/jobs?id=).' },
          jobLookupByPrefix: { type: 'boolean', description: 'With jobLookup: whether the first characters of an id find it (false: whole ids only).' },
          workers: { type: 'boolean', description: 'Whether the engine tracks the processes that run it (GET api/workers).' },
          flows: { type: 'boolean', description: "Whether the engine shows a job's flow (GET api/queues/{queue}/jobs/{id}/flow)." },
        },
      },
      dataFields: { type: 'array', description: 'Payload fields (dotted paths) the display policy lists as searchable for this operator: the job filters the console offers.', items: { type: 'string' } },
      limits: { type: 'object', required: ['cap', 'reasonMinLength'], properties: { cap: { type: 'integer' }, reasonMinLength: { type: 'integer' } } },
      bridge: { ...nullableString, description: 'The dashboard served read-only under bridge/, such as bull-board; null when there is none.' },
      signOutUrl: { ...nullableString, description: "The host's page for signing out or switching user, relative to the mount root (such as ../../account/switch); null when the host gave none." },
    },
  },
  Selection: selectionSchema({ type: 'array', items: { type: 'string' }, minItems: 1 }, {
    type: 'object', description: 'Payload conditions: dotted field path to text value; fields must be searchable.', additionalProperties: { type: 'string' },
  }),
  AuditSelection: {
    description: 'The selection as the audit log keeps it: payload conditions as a list.',
    oneOf: [
      ...selectionSchema({ type: 'array', items: { type: 'string' } }, {
        type: 'array',
        items: { type: 'object', required: ['field', 'value'], properties: { field: { type: 'string' }, value: { type: 'string' } } },
      }).oneOf,
      {
        type: 'object', required: ['whole'], description: 'A queue action: the queue itself; for queue.configure, with each setting it changes, before and after.',
        properties: { whole: { const: 'queue' }, settings: { type: 'array', items: { $ref: '#/components/schemas/QueueSettingChange' } } },
      },
      { type: 'object', required: ['schedule'], properties: { schedule: { type: 'string' } }, description: "A schedule action: the queue's schedule with this key." },
    ],
  },
  QueueSettingValue: { description: 'A number, a switch, a queue name, or null to clear a setting that can be cleared.', type: ['integer', 'boolean', 'string', 'null'] },
  QueueSettingChange: {
    type: 'object', required: ['setting', 'before', 'after'], description: 'One setting a queue.configure changes.',
    properties: { setting: { type: 'string' }, before: { $ref: '#/components/schemas/QueueSettingValue' }, after: { $ref: '#/components/schemas/QueueSettingValue' } },
  },
  EditableQueueSetting: {
    type: 'object', required: ['name', 'type'], description: 'A queue setting the engine can change, and the values it accepts.',
    properties: {
      name: { type: 'string', description: "The key in the queue's settings, or deadLetterQueue." },
      type: { type: 'string', enum: ['integer', 'boolean', 'queue'], description: 'queue: the name of another queue that exists.' },
      min: { type: 'integer', description: 'For an integer: the least it may be.' },
      max: { type: 'integer', description: 'For an integer: the most it may be.' },
      unit: { type: 'string', enum: ['seconds', 'milliseconds'] },
      nullable: { type: 'boolean', description: 'Whether null clears it.' },
      requires: { type: 'string', description: 'A value other than null only while this boolean setting is (or becomes) true.' },
      pairedWith: { type: 'string', description: 'Set together with this one: both have a value or both are null.' },
    },
  },
  PreviewRequest: {
    type: 'object', required: ['action', 'target'],
    properties: {
      action: { $ref: '#/components/schemas/OperatorAction' },
      target: {
        description: "The queue and, for a job action, which of its jobs; a queue action (queue.pause, queue.resume, queue.configure) names the queue alone; a schedule action (schedule.run, schedule.remove) the queue and the schedule's key.",
        oneOf: [
          { allOf: [{ type: 'object', required: ['queue'], properties: { queue: { type: 'string' } } }, { $ref: '#/components/schemas/Selection' }] },
          { type: 'object', required: ['queue'], properties: { queue: { type: 'string' } }, additionalProperties: false },
          {
            type: 'object', required: ['queue', 'schedule'], additionalProperties: false,
            properties: { queue: { type: 'string' }, schedule: { type: 'string', description: "The schedule's key; empty for a schedule without one." } },
          },
        ],
      },
      settings: {
        type: 'object', description: "For queue.configure only: the new value of each setting to change, by the names in the session's engine.queueSettings; null clears one that can be cleared.",
        additionalProperties: { $ref: '#/components/schemas/QueueSettingValue' },
      },
    },
  },
  Preview: {
    type: 'object', required: ['token', 'expiresAt', 'action', 'queue', 'count', 'sample', 'warnings'],
    properties: {
      token: { type: 'string', description: 'Single use, bound to this operator.' },
      expiresAt: timestamp,
      action: { $ref: '#/components/schemas/OperatorAction' },
      queue: { type: 'string' },
      count: { type: 'integer', description: 'How many jobs the action will touch; 1 for a queue or schedule action (the queue, the schedule).' },
      sample: { type: 'array', items: { $ref: '#/components/schemas/JobSummary' } },
      warnings: { type: 'array', items: { type: 'string' } },
      queueJobs: {
        type: 'object', required: ['queued', 'active'], description: "For a queue action: the queue's waiting and running jobs at preview time, which it leaves where they are.",
        properties: { queued: { type: 'integer' }, active: { type: 'integer' } },
      },
      schedule: {
        type: 'object', required: ['key', 'kind', 'expression', 'timeZone', 'nextRun'],
        description: 'For a schedule action: the schedule as it stood at preview time. run makes one job in the queue now and leaves the schedule as it is; remove stops its future runs and leaves the jobs it made.',
        properties: {
          key: { type: 'string' }, kind: { type: 'string', enum: ['cron', 'rrule', 'interval'] }, expression: { type: 'string' }, timeZone: { type: 'string' },
          nextRun: { ...nullableTimestamp, description: 'Its next run; null when it has none.' },
        },
      },
      settingChanges: { type: 'array', description: 'For queue.configure: exactly the settings that change, each with its value now and after.', items: { $ref: '#/components/schemas/QueueSettingChange' } },
    },
  },
  ExecuteRequest: {
    type: 'object', required: ['token', 'reason'],
    properties: { token: { type: 'string' }, reason: { type: 'string', description: 'Why; kept in the audit log.' } },
  },
  Execute: {
    type: 'object', required: ['outcome', 'affected', 'auditId'],
    properties: { outcome: { const: 'succeeded' }, affected: { type: 'integer' }, auditId: { type: 'string' } },
  },
  AuditRecord: {
    type: 'object',
    required: ['id', 'occurredAt', 'completedAt', 'principal', 'action', 'resource', 'requested', 'affected', 'outcome', 'reason', 'planHash', 'correlationId'],
    properties: {
      id: { type: 'string' }, occurredAt: timestamp, completedAt: nullableTimestamp,
      principal: { type: 'object', required: ['id', 'type', 'label'], properties: { id: { type: 'string' }, type: { type: 'string' }, label: nullableString } },
      action: { type: 'string', enum: [...AUDITED_ACTIONS], description: 'An operator action, or bridge.view for a bridge opened.' },
      resource: {
        description: 'The queue and jobs an operator action touched or made (no ids for a queue action; a schedule run names the job it made, where the engine says); null for a record that touched none (a bridge opened).',
        oneOf: [
          { type: 'null' },
          {
            type: 'object', required: ['queue', 'selection', 'ids'],
            properties: { queue: { type: 'string' }, selection: { $ref: '#/components/schemas/AuditSelection' }, ids: { type: 'array', items: { type: 'string' } } },
          },
        ],
      },
      requested: { type: 'integer' }, affected: { type: ['integer', 'null'] },
      outcome: { type: 'string', enum: [...AUDIT_OUTCOMES] },
      reason: nullableString, planHash: { type: 'string' }, correlationId: { type: 'string' },
      outcomeNote: { type: 'string', description: 'On a pending record (an open intent): that its outcome is unknown, and what to check.' },
    },
  },
  AuditSuggestions: {
    type: 'object', required: ['field', 'suggestions'],
    properties: {
      field: { type: 'string', enum: ['operator', 'queue'] },
      suggestions: {
        type: 'array', maxItems: 10,
        description: "For operator: each operator's id (value, what the actor filter takes) and label as the display policy shows it; for queue: the name.",
        items: { type: 'object', required: ['value', 'label'], properties: { value: { type: 'string' }, label: { type: 'string' } } },
      },
    },
  },
  AuditPage: {
    type: 'object', required: ['records', 'nextCursor'],
    properties: { records: { type: 'array', items: { $ref: '#/components/schemas/AuditRecord' } }, nextCursor: nullableString },
  },
  Queue: {
    type: 'object', required: ['name', 'counts', 'total', 'stale', 'deadLetterQueue', 'settings'],
    properties: {
      name: { type: 'string' }, counts, total: { type: 'integer' }, stale, deadLetterQueue: nullableString,
      deadLetterFor: { type: 'array', items: { type: 'string' }, description: "On one queue's answer: the queues whose dead letter queue this is." },
      settings: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } },
      paused: { type: 'boolean', description: 'Whether the queue is paused (hands out no jobs); absent when the engine cannot pause queues.' },
    },
  },
  QueueList: { type: 'object', required: ['queues'], properties: { queues: { type: 'array', items: { $ref: '#/components/schemas/Queue' } } } },
  JobSummary: {
    type: 'object', required: Object.keys(jobSummaryProperties),
    properties: {
      ...jobSummaryProperties,
      deadLetteredFrom: {
        oneOf: [{ type: 'null' }, { type: 'object', required: ['queue'], properties: { queue: { type: 'string' } } }],
        description: 'On a dead letter copy, where the engine says: the queue it failed in.',
      },
      fields: payloadFieldValues,
    },
  },
  JobPage: {
    type: 'object', required: ['jobs', 'nextCursor', 'stoppedEarly'],
    properties: {
      jobs: { type: 'array', items: { $ref: '#/components/schemas/JobSummary' } },
      nextCursor: nullableString,
      stoppedEarly: { type: 'boolean', description: 'The server stopped reading before the page was full, to bound its work; continue with nextCursor.' },
    },
  },
  WorkerList: {
    type: 'object', required: ['instances', 'more', 'asOf', 'thresholds'],
    properties: {
      instances: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'name', 'host', 'pid', 'version', 'runtime', 'heartbeatSeconds', 'startedAt', 'lastSeenAt', 'stoppedAt', 'crashRestarts', 'status', 'otherQueues', 'workers'],
          properties: {
            id: { type: 'string' }, name: nullableString, host: { type: 'string' }, pid: { type: ['integer', 'null'] }, version: nullableString, runtime: nullableString,
            heartbeatSeconds: { type: ['integer', 'null'] }, startedAt: timestamp, lastSeenAt: timestamp, stoppedAt: nullableTimestamp,
            crashRestarts: { type: 'integer' },
            status: { type: 'string', enum: ['healthy', 'late', 'missing', 'stopped'] },
            otherQueues: { type: 'integer', description: 'Queues it works that the operator may not see.' },
            workers: {
              type: 'array',
              items: {
                type: 'object', required: ['queue', 'concurrency', 'active', 'lastFetchedAt', 'lastFinishedAt', 'lastErrorAt'],
                properties: {
                  queue: { type: 'string' }, concurrency: { type: ['integer', 'null'] }, active: { type: ['integer', 'null'] },
                  lastFetchedAt: nullableTimestamp, lastFinishedAt: nullableTimestamp, lastErrorAt: nullableTimestamp,
                },
              },
            },
          },
        },
      },
      more: { type: 'boolean' },
      asOf: timestamp,
      thresholds: {
        type: 'object', required: ['lateAfterHeartbeats', 'missingAfterHeartbeats'],
        properties: { lateAfterHeartbeats: { type: 'integer' }, missingAfterHeartbeats: { type: 'integer' } },
      },
    },
  },
  IncidentList: {
    type: 'object', required: ['kept', 'incidents', 'resolvedWithinHours', 'nextCursor'],
    properties: {
      kept: { type: 'boolean', description: "Whether the console's store keeps incidents; false means none are ever listed." },
      resolvedWithinHours: { type: 'integer', description: 'Resolved incidents are listed this many hours after they resolved.' },
      nextCursor: { type: ['string', 'null'], description: 'The cursor of the next page; null on the last.' },
      incidents: {
        type: 'array', description: 'Open ones first (newest first), then resolved ones (most recently resolved first).',
        items: {
          type: 'object', required: ['id', 'kind', 'queue', 'jobId', 'count', 'firstSeenAt', 'lastSeenAt', 'resolvedAt', 'resolution'],
          properties: {
            id: { type: 'string' },
            kind: { type: 'string', enum: [...INCIDENT_KINDS], description: 'stuck-job: a running job past its expiry or heartbeat, or whose lock is gone; overdue: such jobs of a queue, when the engine names none; stuck-flows: jobs waiting on a failed step of their flow; no-workers: ready jobs and no running worker.' },
            queue: { type: 'string' },
            jobId: { type: ['string', 'null'], description: 'stuck-job: the job; null for a condition of the whole queue.' },
            count: { type: 'integer', minimum: 0, description: 'How many jobs the last pass that saw it counted.' },
            firstSeenAt: timestamp,
            lastSeenAt: timestamp,
            resolvedAt: { ...nullableTimestamp, description: 'Null while open.' },
            resolution: { type: ['string', 'null'], enum: [...INCIDENT_RESOLUTIONS, null], description: 'cleared: a pass no longer found it; repaired: an operator action on its job ended it.' },
          },
        },
      },
    },
  },
  Attention: {
    type: 'object', required: ['checkedAt', 'failedAt', 'findings', 'unchecked'],
    properties: {
      checkedAt: { ...nullableTimestamp, description: 'When the background diagnosis last finished; null until its first pass has.' },
      failedAt: { ...nullableTimestamp, description: 'When the diagnosis last failed to read the engine, if after its last finished pass; the host log has the error.' },
      findings: {
        type: 'array', description: 'Most urgent first.',
        items: {
          type: 'object', required: ['kind', 'queue', 'severity', 'count'],
          properties: {
            kind: { type: 'string', enum: [...ATTENTION_KINDS] },
            queue: { type: 'string' },
            severity: { type: 'string', enum: ['critical', 'warning'] },
            count: { type: 'integer', minimum: 0, description: 'How many jobs it is about.' },
            more: { type: 'boolean', description: 'overdue, stuck-flows: the engine stopped looking; there may be more.' },
            windowSeconds: { type: 'integer', description: 'failing: the window count covers.' },
            previous: { type: 'integer', description: 'failing: failures in the window before.' },
            since: { ...timestamp, description: 'backlog: since when the oldest job ready to run has waited; missed-schedules: when the earliest missed run was due.' },
            from: { type: 'array', items: { type: 'string' }, description: 'dead-letters: the queues whose dead letters these are.' },
          },
        },
      },
      unchecked: { type: 'array', items: { type: 'string', enum: [...ATTENTION_KINDS] }, description: 'What this engine cannot tell the console.' },
    },
  },
  JobFlow: {
    type: 'object', required: ['steps', 'dependencies', 'more', 'hidden'],
    properties: {
      steps: { type: 'array', items: { $ref: '#/components/schemas/JobSummary' }, description: 'The job asked about first, then the others of its flow, at most 50.' },
      dependencies: {
        type: 'array', description: 'waiting runs only once on has completed; only between listed steps.',
        items: { type: 'object', required: ['waiting', 'on'], properties: { waiting: jobRef, on: jobRef } },
      },
      more: { type: 'boolean', description: 'The flow has more steps than listed.' },
      hidden: { type: 'integer', description: 'Steps in queues the operator may not see, left out.' },
    },
  },
  QueueActivity: {
    type: 'object', required: ['queue', 'window', 'from', 'to', 'bucketSeconds', 'points', 'recorded'],
    properties: {
      queue: { type: 'string' },
      window: { type: 'string', enum: ['1h', '24h'] },
      from: timestamp,
      to: timestamp,
      bucketSeconds: { type: 'integer', description: "How long each point's stretch is." },
      points: {
        type: 'array', description: 'Oldest first; a stretch with nothing recorded has no point.',
        items: {
          type: 'object',
          required: ['at', 'createdPerMinute', 'completedPerMinute', 'failedPerMinute', 'waitP50', 'waitP95', 'runP50', 'runP95', 'readyOldestSeconds'],
          properties: {
            at: { ...timestamp, description: 'When the stretch ends.' },
            createdPerMinute: { type: 'number' }, completedPerMinute: { type: 'number' }, failedPerMinute: { type: 'number', description: 'Jobs that failed for good.' },
            waitP50: { type: ['number', 'null'] }, waitP95: { type: ['number', 'null'] }, runP50: { type: ['number', 'null'] }, runP95: { type: ['number', 'null'] },
            readyOldestSeconds: { type: ['number', 'null'] },
          },
        },
      },
      recorded: { type: 'boolean', description: 'False when the engine keeps no history of this queue (pg-boss: no process runs with persistQueueStats).' },
    },
  },
  JobSearch: {
    type: 'object', required: ['jobs', 'more'],
    properties: {
      jobs: { type: 'array', items: { $ref: '#/components/schemas/JobSummary' } },
      more: { type: 'boolean', description: 'More jobs match: type more of the id.' },
    },
  },
  Schedule: {
    type: 'object',
    required: ['queue', 'key', 'kind', 'expression', 'timeZone', 'data', 'createdAt', 'updatedAt', 'nextRuns', 'lastJob'],
    properties: {
      queue: { type: 'string' },
      key: { type: 'string', description: "Tells apart several schedules of one queue; empty for a queue's only schedule." },
      kind: { type: 'string', enum: ['cron', 'rrule', 'interval'], description: 'interval: a fixed interval that is no whole number of seconds, as an ISO 8601 duration (PT1.5S).' },
      expression: { type: 'string', description: 'The cron expression, RFC 5545 recurrence rule or ISO 8601 duration, as written.' },
      timeZone: { type: 'string', description: 'The IANA time zone the expression is read in.' },
      data: { $ref: '#/components/schemas/Shown' },
      createdAt: timestamp,
      updatedAt: timestamp,
      nextRuns: { type: 'array', items: timestamp, description: 'The next few runs, soonest first.' },
      lastJob: {
        description: 'The job it made last; state is null when that job no longer exists.',
        oneOf: [
          { type: 'null' },
          {
            type: 'object', required: ['id', 'state'],
            properties: {
              id: { type: 'string' }, state: { oneOf: [{ $ref: '#/components/schemas/JobState' }, { type: 'null' }] },
              createdAt: { ...nullableTimestamp, description: 'Where the engine says: when it was made; null when the job is gone.' },
            },
          },
        ],
      },
      missedRunAt: {
        ...nullableTimestamp,
        description: 'Where the engine can tell: a run due after the last job was made (or the schedule written) that made no job; null when none is missed.',
      },
    },
  },
  SchedulePage: {
    type: 'object', required: ['schedules', 'nextCursor'],
    properties: { schedules: { type: 'array', items: { $ref: '#/components/schemas/Schedule' } }, nextCursor: nullableString },
  },
  JobDetail: {
    type: 'object',
    required: [...Object.keys(jobSummaryProperties), 'data', 'output', 'error', 'options', 'timings', 'deadLetteredFrom'],
    properties: {
      ...jobSummaryProperties,
      fields: payloadFieldValues,
      data: { $ref: '#/components/schemas/Shown' },
      output: { $ref: '#/components/schemas/Shown' },
      error: { $ref: '#/components/schemas/Shown' },
      options: { $ref: '#/components/schemas/Shown' },
      timings: {
        type: 'object', required: ['createdAt', 'runAfter', 'startedAt', 'finishedAt', 'keepUntil'],
        properties: { createdAt: timestamp, runAfter: nullableTimestamp, startedAt: nullableTimestamp, finishedAt: nullableTimestamp, keepUntil: nullableTimestamp },
      },
      deadLetteredFrom: {
        oneOf: [{ type: 'null' }, { type: 'object', required: ['queue', 'id'], properties: { queue: { type: 'string' }, id: nullableString } }],
      },
      progress: { $ref: '#/components/schemas/Shown', description: "Where the engine keeps it: the job's reported progress." },
      logs: {
        type: 'object', required: ['lines', 'total'], description: "Where the engine keeps them: the job's last log lines, oldest first.",
        properties: { lines: { $ref: '#/components/schemas/Shown' }, total: { type: 'integer' } },
      },
      family: {
        type: 'object', required: ['parent', 'children'], description: "Where the engine has flows: the job's parent and children.",
        properties: {
          parent: { oneOf: [{ type: 'null' }, jobRef] },
          children: {
            type: 'object', required: ['pending', 'processed', 'failed', 'sample'],
            properties: {
              pending: { type: 'integer' }, processed: { type: 'integer' }, failed: { type: 'integer' },
              sample: {
                type: 'array',
                items: { ...jobRef, required: ['queue', 'id', 'outcome'], properties: { ...jobRef.properties, outcome: { type: 'string', enum: ['pending', 'processed', 'failed'] } } },
              },
            },
          },
        },
      },
    },
  },
  LiveFallback: {
    type: 'object', required: ['reason'],
    properties: { reason: { type: 'string', enum: ['stream_error', 'stream_buffered'] } },
  },
  LiveFallbackReceipt: { type: 'object', required: ['recorded'], properties: { recorded: { const: true } } },
  OpenApiDocument: { type: 'object', description: 'An OpenAPI 3.1 document.' },
  ...CHRONOLOGY_SCHEMAS,
});

/** Jobs chosen by ids or by a state with payload conditions, the two differing only in how they spell those. */
function selectionSchema(ids: object, data: object): { oneOf: object[] } {
  return {
    oneOf: [
      { type: 'object', required: ['ids'], properties: { ids } },
      {
        type: 'object', required: ['filter'],
        properties: { filter: { type: 'object', required: ['state'], properties: { state: { $ref: '#/components/schemas/JobState' }, data } } },
      },
    ],
  };
}
