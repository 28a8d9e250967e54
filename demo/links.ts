/** Where the demo mounts the console. */
export const MOUNT = '/ops/jobs';

/**
 * Links between the demo's own pages (`/`, `/login`, `/logout`, all at the root of the site) and
 * the console, written relative to those pages, so that they hold behind a proxy that serves the
 * whole demo under a prefix.
 */
export const LINKS = Object.freeze({ console: `${MOUNT.slice(1)}/`, login: 'login', logout: 'logout' });
