/**
 * Jobs per page of a queue's job list. The console's HTML shell preloads a deep link's first page
 * with this size (`JOB_PAGE_SIZE` in core/http/first-view-data.ts); change both together.
 */
export const JOB_PAGE_SIZE = 50;

/** The most jobs the API returns in one page. */
export const MAX_JOB_PAGE_SIZE = 200;
