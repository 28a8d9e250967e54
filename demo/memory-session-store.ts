/**
 * Sessions kept on the server, for koa-session's `store` option: the cookie carries only a random
 * id, so signing out ends the session everywhere, and a cookie copied before sign-out opens nothing.
 * In memory, as befits a demo: a real host keeps them in its database or Redis.
 */
export function memorySessionStore() {
  const sessions = new Map<string, { value: unknown; expires: number }>();
  return {
    async get(key: string): Promise<unknown> {
      const entry = sessions.get(key);
      if (!entry) return undefined;
      if (entry.expires <= Date.now()) {
        sessions.delete(key);
        return undefined;
      }
      return entry.value;
    },
    async set(key: string, value: unknown, maxAge: number | 'session' | undefined): Promise<void> {
      const lifetime = typeof maxAge === 'number' ? maxAge : 24 * 60 * 60 * 1000;
      sessions.set(key, { value, expires: Date.now() + lifetime });
    },
    async destroy(key: string): Promise<void> {
      sessions.delete(key);
    },
  };
}
