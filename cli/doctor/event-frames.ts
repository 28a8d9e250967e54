/** One Server-Sent Event: its name and its data lines joined. */
export interface EventFrame {
  readonly event: string;
  readonly data: string;
}

/** Reads events off a `text/event-stream` body one at a time, each wait bounded by a deadline. */
export interface EventReader {
  /** The next event, `ended` when the server closed the stream, or `timeout` at `deadline` (ms since the epoch). */
  next(deadline: number): Promise<EventFrame | 'ended' | 'timeout'>;
  cancel(): void;
}

function parse(block: string): EventFrame | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  // Comments and `retry:` alone are not events.
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}

export function readEvents(body: ReadableStream<Uint8Array>): EventReader {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const frames: EventFrame[] = [];
  let buffered = '';
  let ended = false;
  // A read outlives a timeout: the next call waits on the same one rather than starting another.
  let pending: ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']> | null = null;

  const take = (chunk: Uint8Array) => {
    buffered += decoder.decode(chunk, { stream: true }).replaceAll('\r\n', '\n');
    let boundary: number;
    while ((boundary = buffered.indexOf('\n\n')) >= 0) {
      const frame = parse(buffered.slice(0, boundary));
      buffered = buffered.slice(boundary + 2);
      if (frame) frames.push(frame);
    }
  };

  return {
    async next(deadline) {
      for (;;) {
        const frame = frames.shift();
        if (frame) return frame;
        if (ended) return 'ended';
        pending ??= reader.read();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()))));
        const result = await Promise.race([pending.catch(() => ({ done: true, value: undefined }) as const), timeout]);
        clearTimeout(timer);
        if (result === 'timeout') return 'timeout';
        pending = null;
        if (result.done) ended = true;
        else take(result.value);
      }
    },
    cancel() {
      void reader.cancel().catch(() => {});
    },
  };
}
