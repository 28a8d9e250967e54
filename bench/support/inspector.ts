// Just enough of the V8 inspector protocol to collect garbage in another Node process and read
// its heap, so memory is compared between settled heaps rather than between GC moments.

/** A connection to a process started with `--inspect=127.0.0.1:0`. */
export interface Inspector {
  /** Forces a full garbage collection, then reports the JS heap in use, in bytes. */
  settledHeapBytes(): Promise<number>;
  close(): void;
}

/** The inspector's WebSocket URL from what the process printed, or null if it printed none. */
export function inspectorUrl(output: string): string | null {
  return /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/.exec(output)?.[1] ?? null;
}

/** Connects to the inspector WebSocket at `url` (from {@link inspectorUrl}). */
export async function connectInspector(url: string): Promise<Inspector> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`cannot reach the inspector at ${url}`)), { once: true });
  });
  let next = 0;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  socket.addEventListener('message', (message) => {
    const reply = JSON.parse(String(message.data)) as { id?: number; result?: Record<string, unknown> };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply.result ?? {});
  });
  const call = (method: string) => new Promise<Record<string, unknown>>((resolve) => {
    next += 1;
    pending.set(next, resolve);
    socket.send(JSON.stringify({ id: next, method }));
  });
  return {
    async settledHeapBytes() {
      await call('HeapProfiler.collectGarbage');
      const usage = await call('Runtime.getHeapUsage');
      return Number(usage.usedSize);
    },
    close: () => socket.close(),
  };
}
