// An Express application that holds the console in pages of its own, three ways: a plain HTML
// page, a React 19 page, and a page under a strict Content-Security-Policy. Run it with
// `npm run example:embedding`, then open http://127.0.0.1:3100/.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { toExpress } from 'ops-jobs/express';
import { buildReactPage } from './react-build.ts';
import { startExampleJobs } from './jobs.ts';

/** The strict page's policy: nothing inline, everything from this origin. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const REACT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme admin (React)</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/host.css"><script type="module" src="/react/app.js"></script></head><body><div id="app"></div></body></html>`;

const INDEX_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ops-jobs embedding examples</title></head><body><h1>The console in a page of your own</h1><ul><li><a href="/plain/jobs/">A plain HTML page</a></li><li><a href="/react/jobs/">A React 19 page</a></li><li><a href="/strict/jobs/">A page under a strict Content-Security-Policy</a></li></ul></body></html>`;

export interface RunningExample {
  readonly url: string;
  close(): Promise<void>;
}

function file(name: string): Promise<string> {
  return readFile(new URL(name, import.meta.url), 'utf8');
}

/** Starts the example on `port` (0 for any free one) on 127.0.0.1. */
export async function startEmbeddingExample(port = 3100): Promise<RunningExample> {
  const [jobs, reactBundle, plain, strict, hostCss] = await Promise.all([
    startExampleJobs(), buildReactPage(), file('plain.html'), file('strict-csp.html'), file('host.css'),
  ]);
  const app = express();
  app.use(toExpress(jobs.opsJobs)); // the console and its API under /ops/jobs

  // Each page is served for every path under it, so the console's own links can be reloaded.
  app.get(['/plain/jobs', '/plain/jobs/{*rest}'], (_req, res) => void res.type('html').send(plain));
  app.get(['/react/jobs', '/react/jobs/{*rest}'], (_req, res) => void res.type('html').send(REACT_PAGE));
  app.get(['/strict/jobs', '/strict/jobs/{*rest}'], (_req, res) => {
    res.set('content-security-policy', STRICT_CSP).type('html').send(strict);
  });
  app.get('/react/app.js', (_req, res) => void res.type('text/javascript').send(reactBundle));
  app.get('/host.css', (_req, res) => void res.type('text/css').send(hostCss));
  app.get('/', (_req, res) => void res.type('html').send(INDEX_PAGE));

  const server: Server = app.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const { port: chosen } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${chosen}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.stop();
    },
  };
}

if (import.meta.main) {
  const running = await startEmbeddingExample(Number(process.env.PORT ?? 3100));
  console.log(`Embedding examples at ${running.url}/`);
}
