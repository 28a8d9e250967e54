/** Jobs or audit records in one page of a listing: the range `limit` may take, and its default. */
export const PAGE_SIZE = Object.freeze({ min: 1, max: 200, default: 50 } as const);

/**
 * The most jobs one operator action may take (`actions.cap`): the range a host may set, and the
 * default.
 */
export const SELECTION_CAP = Object.freeze({ min: 1, max: 100_000, default: 1000 } as const);

/** The longest reason an operator may give for an action, in characters. */
export const REASON_MAX_LENGTH = 2000;
