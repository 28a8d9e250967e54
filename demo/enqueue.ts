import type { PgBoss } from 'pg-boss';
import type { DemoUser } from './policies.ts';
import { json, problem } from './problem.ts';
import type { DemoResponse } from './problem.ts';

/** What `POST /demo/jobs` received. */
export interface EnqueueRequest {
  readonly user: DemoUser | null;
  /** The request's Content-Type header. */
  readonly contentType: string | undefined;
  /** The body the host's JSON parser produced. */
  readonly body: unknown;
}

const QUEUE_NAME = /^[\w.\-/]{1,200}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(parameter: string, detail: string): DemoResponse {
  return problem(400, 'invalid-input', 'Invalid input', detail, { parameter });
}

/**
 * `POST /demo/jobs` with `{"queue": "email.send", "data": {...}}`: sends one job to an existing
 * queue, so a visitor can watch it appear in the console. Signed-in users only.
 */
export async function enqueueDemoJob(boss: PgBoss, request: EnqueueRequest): Promise<DemoResponse> {
  if (!request.user) return problem(401, 'unauthenticated', 'Sign in required', 'Sign in at /login before sending jobs.');
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(request.contentType ?? '')) {
    return problem(415, 'unsupported-media-type', 'Unsupported media type', 'Send the job as JSON, with Content-Type: application/json.');
  }
  const { body } = request;
  if (!isPlainObject(body)) return invalid('body', 'Expected a JSON object such as {"queue": "email.send", "data": {"to": "ana@example.com"}}.');
  const { queue, data = {} } = body;
  if (typeof queue !== 'string' || !QUEUE_NAME.test(queue)) {
    return invalid('queue', '`queue` must be the name of a queue: letters, digits, and _ . - / only.');
  }
  if (!isPlainObject(data)) return invalid('data', '`data` must be a JSON object when given.');
  if (!(await boss.getQueue(queue))) {
    const names = (await boss.getQueues()).map((existing) => existing.name).filter((name) => !name.startsWith('__pgboss__')).sort();
    return invalid('queue', `There is no queue named "${queue}". Queues: ${names.join(', ')}.`);
  }
  const id = await boss.send(queue, data);
  if (id === null) {
    return problem(409, 'not-created', 'Job not created', `The policy of queue "${queue}" did not accept another job right now.`);
  }
  return json(201, { id, queue });
}
