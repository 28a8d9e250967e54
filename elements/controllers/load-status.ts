/** Where an asynchronous load stands. A plain object with a derived type, not an enum. */
export const LOAD_STATUS = Object.freeze({
  /** Not started: its inputs are not there yet. */
  initial: 'initial',
  pending: 'pending',
  complete: 'complete',
  error: 'error',
} as const);

export type LoadStatus = (typeof LOAD_STATUS)[keyof typeof LOAD_STATUS];
