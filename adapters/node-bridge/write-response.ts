import type { ServerResponse } from 'node:http';

/**
 * Writes a Fetch `Response` to a Node response, streaming the body with backpressure. If the
 * client goes away, the body stream is cancelled so that its producer stops.
 */
export async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.statusCode = response.status;
  const cookies = response.headers.getSetCookie();
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') outgoing.setHeader(name, value);
  }
  if (cookies.length > 0) outgoing.setHeader('set-cookie', cookies);
  if (!response.body) {
    outgoing.end();
    return;
  }
  outgoing.flushHeaders();
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  outgoing.once('close', cancel);
  let failed = false;
  let written: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let flushed = true;
      written = new Promise<void>((resolve) => {
        flushed = outgoing.write(value, () => resolve());
      });
      if (!flushed) {
        await new Promise<void>((resolve) => {
          const settle = () => {
            outgoing.off('drain', settle);
            outgoing.off('close', settle);
            resolve();
          };
          outgoing.once('drain', settle);
          outgoing.once('close', settle);
        });
      }
      if (outgoing.destroyed) break;
    }
  } catch {
    // A body that fails part way must not end like a complete one: once what it said has gone
    // out, the connection is cut, so the client sees an unfinished transfer.
    failed = true;
    await written;
    outgoing.destroy();
  } finally {
    outgoing.off('close', cancel);
    if (!failed) outgoing.end();
  }
}
