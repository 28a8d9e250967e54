import { CHRONOLOGY_GAPS, JOB_POINTS, SCHEDULE_POINTS } from '../vocabulary/chronology.ts';

const timestamp = { type: 'string', format: 'date-time' };

/** JSON Schemas of the chronology's answer, matching core/vocabulary/chronology.ts. */
export const CHRONOLOGY_SCHEMAS: Readonly<Record<string, unknown>> = Object.freeze({
  Chronology: {
    type: 'object', required: ['subject', 'job', 'entries', 'audit', 'gaps'],
    properties: {
      subject: {
        oneOf: [
          { type: 'object', required: ['kind', 'queue', 'id'], properties: { kind: { const: 'job' }, queue: { type: 'string' }, id: { type: 'string' } } },
          { type: 'object', required: ['kind', 'queue'], properties: { kind: { const: 'queue' }, queue: { type: 'string' } } },
          { type: 'object', required: ['kind', 'queue', 'key'], properties: { kind: { const: 'schedule' }, queue: { type: 'string' }, key: { type: 'string', description: "The schedule's key; empty for pg-boss's schedule without one." } } },
        ],
      },
      job: { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/JobSummary' }], description: 'The job as the engine has it now; null when it has it no longer, and for a queue or a schedule.' },
      entries: { type: 'array', items: { $ref: '#/components/schemas/ChronologyEntry' }, description: 'Oldest first; times still to come last.' },
      audit: { type: 'string', enum: ['shown', 'hidden', 'unreadable'], description: 'hidden: the operator may not read the audit log; unreadable: it could not be read. Either way no record is included.' },
      gaps: { type: 'array', items: { $ref: '#/components/schemas/ChronologyGap' } },
    },
  },
  ChronologyEntry: {
    oneOf: [
      {
        type: 'object', required: ['source', 'at', 'point', 'future'], description: "A point of the job's life, from the engine's record of it.",
        properties: {
          source: { const: 'job' }, at: timestamp, point: { type: 'string', enum: [...JOB_POINTS] },
          attempt: { type: 'integer', minimum: 1, description: 'started, retry_at, failed: the attempt it belongs to.' },
          errorMessage: { type: ['string', 'null'], description: 'failed, retry_at: the failure message as the display policy shows it.' },
          future: { type: 'boolean', description: 'A time still to come.' },
        },
      },
      {
        type: 'object', required: ['source', 'at', 'point', 'future'], description: "A point of a schedule's life, from the engine's record of it.",
        properties: {
          source: { const: 'schedule' }, at: timestamp, point: { type: 'string', enum: [...SCHEDULE_POINTS] },
          job: {
            type: 'object', required: ['id', 'state'], description: 'last_job: the job the schedule made last, and its state now (null: the engine no longer has it).',
            properties: { id: { type: 'string' }, state: { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/JobState' }] } },
          },
          future: { type: 'boolean', description: 'A time still to come (the next run).' },
        },
      },
      {
        type: 'object', required: ['source', 'at', 'record'], description: 'An operator action from the audit log.',
        properties: { source: { const: 'audit' }, at: timestamp, record: { $ref: '#/components/schemas/AuditRecord' } },
      },
    ],
  },
  ChronologyGap: {
    type: 'object', required: ['code', 'detail'], description: 'Something the chronology does not know, and why.',
    properties: {
      code: { type: 'string', enum: [...CHRONOLOGY_GAPS] },
      detail: { type: 'string' },
      recordId: { type: 'string', description: 'outcome_unrecorded: the record whose outcome is missing.' },
      jobId: { type: 'string', description: 'last_job_gone: the job the schedule made last, which the engine no longer has.' },
      count: { type: 'integer', minimum: 1, description: 'earlier_attempts_untimed: attempts; audit_before_created: records.' },
    },
  },
});
