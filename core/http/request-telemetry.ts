import type { TelemetryTags } from '../telemetry/contract.ts';
import { emitTelemetry } from '../telemetry/emit.ts';
import { methodOf, millisecondsSince, startTimer, statusClassOf } from '../telemetry/measure.ts';

type HttpRoute = TelemetryTags<'http', 'request'>['route'];

/**
 * Where routing writes the template a request matched, never the path itself. Templates come from
 * `API_ROUTES`; a test holds every one of them to the contract, and emission checks again.
 */
export interface RouteNote {
  route: string;
}

/**
 * Serves a request and reports it as `http.request` with its route template, method, status
 * class and the time to the response head (a streamed body may go on after).
 */
export async function observeRequest(request: Request, serve: (note: RouteNote) => Promise<Response>): Promise<Response> {
  const started = startTimer();
  const note: RouteNote = { route: '/*' };
  const response = await serve(note);
  emitTelemetry('http', 'request',
    { route: note.route as HttpRoute, method: methodOf(request.method), status_class: statusClassOf(response.status) },
    { duration_ms: millisecondsSince(started) });
  return response;
}
