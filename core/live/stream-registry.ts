/**
 * The live streams open in this process, by the audit identity of the operator each serves, so
 * that a host that revokes a session can end that operator's streams at once.
 */
export interface StreamRegistry {
  /** Adds a stream's way to end; returns how to remove it when the stream ends by itself. */
  add(principalId: string, end: () => void): () => void;
  /** Ends every stream of this principal; returns how many there were. */
  endFor(principalId: string): number;
}

export function createStreamRegistry(): StreamRegistry {
  const byPrincipal = new Map<string, Set<() => void>>();
  return {
    add(principalId, end) {
      const ends = byPrincipal.get(principalId) ?? new Set();
      ends.add(end);
      byPrincipal.set(principalId, ends);
      return () => {
        ends.delete(end);
        if (ends.size === 0 && byPrincipal.get(principalId) === ends) byPrincipal.delete(principalId);
      };
    },
    endFor(principalId) {
      const ends = [...(byPrincipal.get(principalId) ?? [])];
      for (const end of ends) end();
      return ends.length;
    },
  };
}
