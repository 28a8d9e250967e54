import { createServer } from 'node:http';
import type { RequestListener } from 'node:http';
import type { Demo } from './boot.ts';

function portFrom(value: string | undefined): number {
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got ${JSON.stringify(value)}`);
  return port;
}

/**
 * Serves `listener` on 127.0.0.1:`PORT` (default 3000) and stops the server and the demo cleanly
 * on SIGINT or SIGTERM; a second signal exits at once.
 */
export function serve(listener: RequestListener, demo: Demo): void {
  const port = portFrom(process.env.PORT);
  const server = createServer(listener);
  let stopping = false;

  const stop = async (reason: string, code: number) => {
    if (stopping) process.exit(code || 130);
    stopping = true;
    console.log(`ops-jobs demo: ${reason}, stopping (running jobs get up to 5 s to finish)`);
    server.close();
    // Open live streams and keep-alive sockets would hold close() open indefinitely.
    server.closeAllConnections();
    try {
      await demo.stop();
      console.log('ops-jobs demo: stopped');
    } catch (error) {
      console.error('ops-jobs demo: error while stopping', error);
      code = code || 1;
    }
    process.exit(code);
  };

  server.on('error', (error) => void stop(`cannot listen on 127.0.0.1:${port} (${error.message})`, 1));
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`ops-jobs demo: http://127.0.0.1:${actual}${demo.mount} (sign in at http://127.0.0.1:${actual}/login)`);
  });
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
}
