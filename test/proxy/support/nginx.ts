// Debian's nginx in front of the demo, configured from a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { proxyDir, requireExecutable, runProxy, type ProxyProcess } from './proxy-process.ts';

/** How nginx fronts the demo; without `location` directives it runs on nginx's defaults. */
export interface NginxOptions {
  /** The demo's origin, such as `http://127.0.0.1:41234`. */
  readonly upstream: string;
  /** The path prefix nginx serves the demo under, stripped on the way in. Default `/edge/`. */
  readonly prefix?: string;
  /** Directives for the proxied location, such as `proxy_read_timeout 1s;`. None: nginx's defaults. */
  readonly location?: readonly string[];
  /** Directives for the `http` block, such as an `upstream`. */
  readonly http?: readonly string[];
  /** What `proxy_pass` points at. Default the upstream origin with a trailing slash. */
  readonly proxyPass?: string;
}

/** The whole nginx.conf: one server on 127.0.0.1:`port`, every path nginx writes inside `dir`. */
export function nginxConfig(dir: string, port: number, options: NginxOptions): string {
  const prefix = options.prefix ?? '/edge/';
  const temp = join(dir, 'temp');
  return [
    // A master process running as root would hand the workers to `nobody`, who cannot write here.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} info;`,
    'events { worker_connections 1024; }',
    'http {',
    `  access_log ${join(dir, 'access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(temp, kind)};`),
    ...(options.http ?? []).map((line) => `  ${line}`),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    `    location ${prefix} {`,
    `      proxy_pass ${options.proxyPass ?? `${options.upstream}/`};`,
    ...(options.location ?? []).map((line) => `      ${line}`),
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * Writes nginx.conf into a temp dir and runs `nginx -p <dir> -c <dir>/nginx.conf -g 'daemon off;'`
 * as a foreground child. Fails, saying how to install it, when nginx is missing.
 */
export async function startNginx(options: NginxOptions): Promise<ProxyProcess & { readonly prefix: string }> {
  const nginx = requireExecutable('nginx', 'nginx');
  const dir = proxyDir('nginx');
  mkdirSync(join(dir, 'temp'));
  const port = await freePort();
  const config = join(dir, 'nginx.conf');
  writeFileSync(config, nginxConfig(dir, port, options));
  // `-e` sends the errors nginx logs before reading its config here too, not to /var/log/nginx.
  const proxy = await runProxy({
    command: nginx,
    args: ['-p', dir, '-c', config, '-e', join(dir, 'error.log'), '-g', 'daemon off;'],
    dir,
    port,
    logFiles: ['error.log'],
  });
  return { ...proxy, prefix: options.prefix ?? '/edge/' };
}
