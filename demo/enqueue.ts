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

/** Where a demo sends jobs: its queues by name, and a way to send one. */
export interface DemoQueues {
  /** Whether a queue of this name exists. */
  has(queue: string): Promise<boolean>;
  /** Every queue a visitor may send to, sorted. */
  names(): Promise<readonly string[]>;
  /** Sends one job; the new job's id, or null when the queue did not accept it. */
  send(queue: string, data: Record<string, unknown>): Promise<string | null>;
}

/** pg-boss's queues, as `POST /demo/jobs` sends to them. */
export function pgBossQueues(boss: PgBoss): DemoQueues {
  return {
    has: async (queue) => Boolean(await boss.getQueue(queue)),
    names: async () => (await boss.getQueues()).map((existing) => existing.name).filter((name) => !name.startsWith('__pgboss__')).sort(),
    send: (queue, data) => boss.send(queue, data),
  };
}

/**
 * `POST /demo/jobs` with `{"queue": "email.send", "data": {...}}`: sends one job to an existing
 * pg-boss queue, so a visitor can watch it appear in the console. Signed-in users only.
 */
export function enqueueDemoJob(boss: PgBoss, request: EnqueueRequest): Promise<DemoResponse> {
  return enqueueInto(pgBossQueues(boss), request);
}

/** `POST /demo/jobs` for any engine's queues: checks the request, then sends one job. */
export async function enqueueInto(queues: DemoQueues, request: EnqueueRequest): Promise<DemoResponse> {
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
  if (!(await queues.has(queue))) {
    return invalid('queue', `There is no queue named "${queue}". Queues: ${(await queues.names()).join(', ')}.`);
  }
  const id = await queues.send(queue, data);
  if (id === null) {
    return problem(409, 'not-created', 'Job not created', `The policy of queue "${queue}" did not accept another job right now.`);
  }
  return json(201, { id, queue });
}
