// Many signed-in live streams held open at once over plain node:http, counting what arrives.
import { request, type ClientRequest } from 'node:http';

/** Streams held open, with what each has received so far. */
export interface OpenStreams {
  readonly count: number;
  /** Frames received per stream, by event name, since the streams opened. */
  frames(): readonly Readonly<Record<string, number>>[];
  /** Streams the server ended while they were meant to be open. */
  ended(): number;
  close(): void;
}

function openOne(url: URL, cookie: string, onFrame: (event: string) => void, onEnd: () => void): Promise<ClientRequest> {
  return new Promise((resolve, reject) => {
    // One connection per stream, as separate browsers would have.
    const req = request(url, { agent: false, headers: { accept: 'text/event-stream', cookie } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`the live stream answered ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffered = '';
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let boundary: number;
        while ((boundary = buffered.indexOf('\n\n')) >= 0) {
          const event = /^event: (.+)$/m.exec(buffered.slice(0, boundary))?.[1];
          if (event) onFrame(event);
          buffered = buffered.slice(boundary + 2);
        }
      });
      res.on('close', onEnd);
      resolve(req);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens `count` streams at `url`, the cookies taken in turn, and resolves once all answered. */
export async function openStreams(url: URL, cookies: readonly string[], count: number): Promise<OpenStreams> {
  const frames = Array.from({ length: count }, () => ({}) as Record<string, number>);
  let closing = false;
  let ended = 0;
  const requests = await Promise.all(frames.map((counts, index) =>
    openOne(url, cookies[index % cookies.length]!, (event) => (counts[event] = (counts[event] ?? 0) + 1), () => {
      if (!closing) ended += 1;
    })));
  return {
    count,
    frames: () => frames,
    ended: () => ended,
    close() {
      closing = true;
      for (const req of requests) req.destroy();
    },
  };
}
