import { createContext } from '@lit/context';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { LiveConnection } from '../live/live-connection.ts';
import type { Router } from '../router/router.ts';

// String keys, not symbols, so elements from two copies of the bundle still find each other.

/** The API client of the console a view is inside. */
export const apiContext = createContext<ApiClient | undefined>('ops-jobs-api');

/** The signed-in operator's session: label, permissions, engine and its states. */
export const sessionContext = createContext<SessionResponse | undefined>('ops-jobs-session');

/** The console's router, for link targets. */
export const routerContext = createContext<Router | undefined>('ops-jobs-router');

/** The console's live connection: its state, and the changes it hands to views. */
export const liveContext = createContext<LiveConnection | undefined>('ops-jobs-live');
