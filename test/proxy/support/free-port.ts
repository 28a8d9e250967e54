import { connect, createServer } from 'node:net';
import { waitUntil } from '../../node/support/wait.ts';

/** A TCP port on 127.0.0.1 that was free a moment ago, for a child process to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on 127.0.0.1:`port`, or rejects after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs: number, alive: () => boolean): Promise<void> {
  const accepts = async (): Promise<boolean> => {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (!open && !alive()) throw new Error(`the process meant to listen on port ${port} has exited`);
    return open;
  };
  await waitUntil(accepts, `something to listen on 127.0.0.1:${port}`, { timeoutMs });
}
