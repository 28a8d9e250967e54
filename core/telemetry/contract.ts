import { ALL_ACTIONS, OPERATOR_ACTIONS } from '../vocabulary/actions.ts';
import { INCIDENT_KINDS } from '../vocabulary/incident-kinds.ts';

// Value sets shared by several events. Every list is closed: a value not listed here is never
// published. Adding a value or an event is a minor change; renaming or removing one is a major one.
const OPERATOR_ACTION = [...OPERATOR_ACTIONS] as const;
const OPERATOR_ACTION_OR_UNKNOWN = [...OPERATOR_ACTIONS, 'unknown'] as const;
const SELECTION = ['ids', 'filter', 'queue', 'schedule'] as const;
const PHASE = ['preview', 'execute'] as const;

/**
 * Route templates under the mount, never raw paths. `/api/*` is an API path with no route, `/*`
 * any other path (console pages, and the bare mount's redirect). `/api/events` is the live stream.
 */
const HTTP_ROUTES = [
  '/api/openapi.json',
  '/api/session',
  '/api/queues',
  '/api/queues/{queue}',
  '/api/queues/{queue}/jobs',
  '/api/queues/{queue}/jobs/{id}',
  '/api/queues/{queue}/jobs/{id}/{part}',
  '/api/jobs',
  '/api/actions/preview',
  '/api/actions/execute',
  '/api/schedules',
  '/api/workers',
  '/api/queues/{queue}/activity',
  '/api/queues/{queue}/jobs/{id}/flow',
  '/api/queues/{queue}/jobs/{id}/chronology',
  '/api/queues/{queue}/chronology',
  '/api/queues/{queue}/schedules/{key}/chronology',
  '/api/attention',
  '/api/incidents',
  '/api/audit',
  '/api/audit/export',
  '/api/audit/suggestions',
  '/api/audit/{id}',
  '/api/events',
  '/api/live/fallback',
  '/api/*',
  '/assets/{file}',
  '/bridge/*',
  '/*',
] as const;

/** The engine port's methods, in snake case. */
const ENGINE_CAPABILITIES = [
  'list_queues', 'find_queue', 'count_jobs', 'list_jobs', 'get_job', 'list_schedules', 'find_jobs', 'list_instances', 'inspect_queues', 'queue_activity', 'get_flow', 'select_for_action', 'states_of', 'prepare', 'apply', 'apply_to_queue',
  'configure_queue', 'find_schedule', 'apply_to_schedule',
] as const;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The public telemetry contract: every family (published on the diagnostics channel named in
 * `channel`), every event of it, the tag keys each event always carries with the values each may
 * take, and the measurements it may carry. Emission is checked against this data, and the
 * OpenTelemetry bridge builds its instruments from it. Nothing here ever names a job, a queue, an
 * operator, a token or a reason: tags are small closed enums.
 */
export const telemetryContract = deepFreeze({
  measurements: {
    count: { unit: '{event}', description: 'How many times the event happened; 1 unless said otherwise.' },
    duration_ms: { unit: 'ms', description: 'How long the work took, in milliseconds.' },
    jobs: { unit: '{job}', description: 'How many jobs the action planned (previewed) or changed (executed).' },
  },
  families: {
    operator_action: {
      channel: 'ops-jobs:operator_action',
      events: {
        previewed: {
          description: 'A preview resolved a plan and handed out a token.',
          tags: { action: OPERATOR_ACTION, selection: SELECTION },
          measurements: ['count', 'duration_ms', 'jobs'],
        },
        executed: {
          description: 'A previewed plan was executed and audited.',
          tags: { action: OPERATOR_ACTION, selection: SELECTION },
          measurements: ['count', 'duration_ms', 'jobs'],
        },
        replayed: {
          description: 'An execute repeated an Idempotency-Key and got the first answer without acting again.',
          tags: {},
          measurements: ['count'],
        },
        failed: {
          description: 'A preview or an execute failed on an error of the engine or the console (answered 500).',
          tags: { action: OPERATOR_ACTION_OR_UNKNOWN, phase: PHASE, cause: ['engine', 'other'] },
          measurements: ['count', 'duration_ms'],
        },
        denied: {
          description: 'A preview or an execute was refused: not allowed, or a token or plan that cannot be used.',
          tags: {
            action: OPERATOR_ACTION_OR_UNKNOWN,
            phase: PHASE,
            reason: ['denied', 'policy_error', 'no_principal', 'other_operator', 'token_unknown', 'token_used', 'token_expired', 'plan_drift'],
          },
          measurements: ['count'],
        },
      },
    },
    auth: {
      channel: 'ops-jobs:auth',
      events: {
        unauthenticated: {
          description: 'A request came without a signed-in operator (answered 401, or the signed-out page).',
          tags: { reason: ['no_actor', 'actor_error'] },
          measurements: ['count'],
        },
        denied: {
          description: 'The host refused a request: authorize() denied it, threw, or answered something that is not a decision.',
          tags: {
            action: [...ALL_ACTIONS],
            resource: ['console', 'queue', 'job', 'jobs', 'schedule', 'audit'],
            phase: [...PHASE, 'none'],
            reason: ['denied', 'policy_error'],
          },
          measurements: ['count'],
        },
      },
    },
    http: {
      channel: 'ops-jobs:http',
      events: {
        request: {
          description: 'The console answered a request (duration to the response head).',
          tags: {
            route: HTTP_ROUTES,
            method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', '_OTHER'],
            status_class: ['1xx', '2xx', '3xx', '4xx', '5xx'],
          },
          measurements: ['count', 'duration_ms'],
        },
      },
    },
    live: {
      channel: 'ops-jobs:live',
      events: {
        connected: {
          description: 'A console opened the live stream; resumed when it sent Last-Event-ID.',
          tags: { resumed: ['true', 'false'] },
          measurements: ['count'],
        },
        disconnected: {
          description: 'A live stream ended (duration is how long it was open).',
          tags: { reason: ['client_closed', 'server_closed', 'signed_out', 'error'] },
          measurements: ['count', 'duration_ms'],
        },
        dropped: {
          description: 'A live stream was cut because its client read too slowly.',
          tags: { reason: ['slow_client'] },
          measurements: ['count'],
        },
        fallback: {
          description: 'A console fell back to polling because the stream could not be held open.',
          tags: { reason: ['stream_error', 'stream_buffered'] },
          measurements: ['count'],
        },
        role: {
          description: "This process's place among the host processes sharing the store's database changed: it became the one poller, a follower of it, or went offline and polls for its own consoles.",
          tags: { role: ['poller', 'follower', 'offline'] },
          measurements: ['count'],
        },
      },
    },
    store: {
      channel: 'ops-jobs:store',
      events: {
        migration: {
          description: "A run of the store's migrations ended.",
          tags: { outcome: ['applied', 'up_to_date', 'failed'], driver: ['pg', 'pglite'] },
          measurements: ['count', 'duration_ms'],
        },
      },
    },
    incidents: {
      channel: 'ops-jobs:incidents',
      events: {
        opened: {
          description: 'A diagnosis pass opened an incident (count: how many of the kind in one pass).',
          tags: { kind: [...INCIDENT_KINDS] },
          measurements: ['count'],
        },
        resolved: {
          description: 'A diagnosis pass no longer found the condition of open incidents and resolved them.',
          tags: { kind: [...INCIDENT_KINDS] },
          measurements: ['count'],
        },
        repaired: {
          description: "An operator action on an incident's job resolved it.",
          tags: { kind: [...INCIDENT_KINDS], action: OPERATOR_ACTION },
          measurements: ['count'],
        },
        hook_failed: {
          description: "The host's escalation hook threw, rejected or timed out; a follow-up audit record says so.",
          tags: { hook: ['on_incident', 'on_repair'], cause: ['error', 'timeout'] },
          measurements: ['count'],
        },
      },
    },
    engine: {
      channel: 'ops-jobs:engine',
      events: {
        error: {
          description: 'A call to the job engine failed (not counting refusals of bad input).',
          tags: { engine: ['pg-boss', 'bullmq', 'other'], capability: ENGINE_CAPABILITIES },
          measurements: ['count'],
        },
      },
    },
  },
} as const);

type Families = typeof telemetryContract.families;

/** A telemetry family, such as `operator_action`; published on the channel `ops-jobs:<family>`. */
export type TelemetryFamily = keyof Families;

/** An event of a family, such as `executed`. */
export type TelemetryEventName<F extends TelemetryFamily> = keyof Families[F]['events'] & string;

type EventSpec<F extends TelemetryFamily, E extends TelemetryEventName<F>> = Families[F]['events'][E] extends {
  readonly tags: infer Tags;
  readonly measurements: infer Measurements;
} ? { readonly tags: Tags; readonly measurements: Measurements } : never;

/** The tags an event carries: every key, each with one of its allowed values. */
export type TelemetryTags<F extends TelemetryFamily, E extends TelemetryEventName<F>> = {
  readonly [K in keyof EventSpec<F, E>['tags']]: EventSpec<F, E>['tags'][K] extends readonly (infer V)[] ? V : never;
};

/** A measurement name: `count`, `duration_ms` or `jobs`. */
export type TelemetryMeasurementName = keyof typeof telemetryContract.measurements;

/** The measurements an event may carry. */
export type TelemetryMeasurements<F extends TelemetryFamily, E extends TelemetryEventName<F>> = {
  readonly [K in EventSpec<F, E>['measurements'] extends readonly (infer M extends string)[] ? M : never]?: number;
};

/** What is published on `ops-jobs:<family>`: frozen, checked against the contract. */
export interface TelemetryMessage<F extends TelemetryFamily = TelemetryFamily, E extends TelemetryEventName<F> = TelemetryEventName<F>> {
  readonly family: F;
  readonly event: E;
  readonly tags: TelemetryTags<F, E>;
  readonly measurements: TelemetryMeasurements<F, E> & { readonly count: number };
}

/** An event's part of the contract, looked up by untyped names; undefined when there is none. */
export function eventSpec(family: string, event: string): { readonly tags: object; readonly measurements: readonly string[] } | undefined {
  if (!Object.hasOwn(telemetryContract.families, family)) return undefined;
  const events = telemetryContract.families[family as TelemetryFamily].events as Readonly<Record<string, { tags: object; measurements: readonly string[] }>>;
  return Object.hasOwn(events, event) ? events[event] : undefined;
}
