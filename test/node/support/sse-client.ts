// A small Server-Sent Events reader over fetch, for tests: frames as they arrive, with a way to
// wait for the next one that matches.

export interface SseFrame {
  readonly event: string;
  readonly id: string | null;
  readonly data: any;
}

export interface SseConnection {
  readonly response: Response;
  readonly frames: SseFrame[];
  /** Resolves with the first frame (already received or to come) matching `predicate`. */
  next(predicate: (frame: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

export async function connectSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  return readSse(response, () => controller.abort());
}

/** Reads the frames of a stream already answered, such as one `opsJobs.handle` returned. */
export function readSse(response: Response, close: () => void): SseConnection {
  const frames: SseFrame[] = [];
  const waiters = new Set<() => void>();
  let resolveEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffered = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffered += decoder.decode(chunk, { stream: true });
          let boundary: number;
          while ((boundary = buffered.indexOf('\n\n')) >= 0) {
            const block = buffered.slice(0, boundary);
            buffered = buffered.slice(boundary + 2);
            let event = 'message';
            let id: string | null = null;
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('id: ')) id = line.slice(4);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (data.length > 0) frames.push({ event, id, data: JSON.parse(data.join('\n')) });
            for (const wake of waiters) wake();
          }
        }
      } catch {
        // Aborted by close().
      }
      resolveEnded();
    })();
  } else {
    resolveEnded();
  }
  return {
    response,
    frames,
    ended,
    next(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got: ${frames.map((frame) => frame.event).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close,
  };
}
