import type { ServerResponse } from 'node:http';

/** An AbortSignal that fires when the client disconnects before the response is complete. */
export function signalOnClientGone(outgoing: ServerResponse): AbortSignal {
  const controller = new AbortController();
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) controller.abort(new Error('client disconnected'));
  });
  return controller.signal;
}
