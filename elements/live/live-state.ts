/** Where the console's connection to the server's live changes stands. */
export const LIVE_STATE = Object.freeze({
  /** Opening the stream for the first time. */
  connecting: 'connecting',
  /** The stream is open and delivering: what is on screen is current. */
  live: 'live',
  /** The stream dropped and is being opened again; changes may be missing for now. */
  reconnecting: 'reconnecting',
  /** The stream could not be held open; the current view is reloaded on a timer instead. */
  polling: 'polling',
  /** Neither the stream nor reloading works: what is on screen is as of `freshAt`. */
  stale: 'stale',
  /** The operator's session ended; nothing is reloaded or reconnected any more. */
  signedOut: 'signed-out',
} as const);

export type LiveState = (typeof LIVE_STATE)[keyof typeof LIVE_STATE];
