import { getJobChronology, getQueueChronology } from '../services/chronology.ts';
import { getScheduleChronology } from '../services/schedule-chronology.ts';
import type { ApiRoute, ParameterDoc } from './routes.ts';
import { template } from './router.ts';

const queueParam: ParameterDoc = { name: 'queue', in: 'path', description: 'Queue name.', schema: { type: 'string' } };
const jobParam: ParameterDoc = { name: 'id', in: 'path', description: 'Job id.', schema: { type: 'string' } };
const keyParam: ParameterDoc = {
  name: 'key', in: 'path',
  description: "The schedule's key (a BullMQ scheduler id, a pg-boss schedule key). A key that is empty (pg-boss's schedule without one) or starts with ~ is written with one ~ in front: the empty key is ~.",
  schema: { type: 'string' },
};

/**
 * The chronology routes: a job's, a queue's or a schedule's story from the engine and the audit log. Listed
 * before the route of a job's parts, whose `{part}` would otherwise take `chronology`.
 */
export const CHRONOLOGY_ROUTES: readonly ApiRoute[] = Object.freeze([
  {
    method: 'GET', template: template('/queues/{queue}/jobs/{id}/chronology'), operationId: 'getJobChronology',
    summary: "A job's life and the audit records that touched it in one list, oldest first, saying what is not known: a job the engine no longer has, earlier attempts' times, outcomes never recorded. Audit records only with audit.view.",
    action: 'jobs.view', parameters: [queueParam, jobParam], response: 'Chronology', errors: [400, 401, 403, 404],
    serve: ({ services, actor, params }) => getJobChronology(services, actor, params.queue ?? '', params.id ?? ''),
  },
  {
    method: 'GET', template: template('/queues/{queue}/chronology'), operationId: 'getQueueChronology',
    summary: 'The operator actions on a queue and its jobs from the audit log, oldest first (at most the newest 100), saying what is not known. Audit records only with audit.view.',
    action: 'queues.view', parameters: [queueParam], response: 'Chronology', errors: [400, 401, 403, 404],
    serve: ({ services, actor, params }) => getQueueChronology(services, actor, params.queue ?? ''),
  },
  {
    method: 'GET', template: template('/queues/{queue}/schedules/{key}/chronology'), operationId: 'getScheduleChronology',
    summary: "A recurring schedule's story in one list, oldest first: when it was written, the last job it made, a run it missed, its next run (with schedules.view), and the operator actions on it from the audit log (with audit.view), saying what is not known: the engine keeps no runs before the last, a schedule since removed. A schedule the engine no longer has still has one when the audit log names it.",
    action: 'queues.view', parameters: [queueParam, keyParam], response: 'Chronology', errors: [400, 401, 403, 404],
    serve: ({ services, actor, params }) => getScheduleChronology(services, actor, params.queue ?? '', params.key ?? ''),
  },
]);
