// Debian's Caddy in front of the demo, configured from a test.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { proxyDir, requireExecutable, runProxy, type ProxyProcess } from './proxy-process.ts';

/** How Caddy fronts the demo; without options it runs on Caddy's defaults. */
export interface CaddyOptions {
  /** The demo's origin, such as `http://127.0.0.1:41234`. */
  readonly upstream: string;
  /** The path prefix Caddy serves the demo under, stripped on the way in. Default `/edge/`. */
  readonly prefix?: string;
  /** Lines inside `reverse_proxy { }`, such as a `transport http { read_timeout 1s }` block. */
  readonly reverseProxy?: readonly string[];
  /** Lines for the site block ahead of the proxied prefix, such as `encode gzip`. */
  readonly site?: readonly string[];
}

/** The whole Caddyfile: plain HTTP on 127.0.0.1:`port`, no admin endpoint, storage inside `dir`. */
export function caddyfile(dir: string, port: number, options: CaddyOptions): string {
  const prefix = options.prefix ?? '/edge/';
  return [
    '{',
    '\tadmin off',
    '\tauto_https off',
    `\tstorage file_system ${join(dir, 'data')}`,
    '}',
    `http://:${port} {`,
    '\tbind 127.0.0.1',
    ...(options.site ?? []).map((line) => `\t${line}`),
    `\thandle_path ${prefix}* {`,
    `\t\treverse_proxy ${new URL(options.upstream).host} {`,
    ...(options.reverseProxy ?? []).map((line) => `\t\t\t${line}`),
    '\t\t}',
    '\t}',
    '}',
    '',
  ].join('\n');
}

/** Writes a Caddyfile into a temp dir and runs `caddy run` as a foreground child. */
export async function startCaddy(options: CaddyOptions): Promise<ProxyProcess & { readonly prefix: string }> {
  const caddy = requireExecutable('caddy', 'caddy');
  const dir = proxyDir('caddy');
  const port = await freePort();
  const config = join(dir, 'Caddyfile');
  writeFileSync(config, caddyfile(dir, port, options));
  const proxy = await runProxy({
    command: caddy,
    args: ['run', '--config', config, '--adapter', 'caddyfile'],
    // Caddy keeps its state under these; inside the temp dir, nothing outside it is touched.
    env: { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
    dir,
    port,
    logFiles: [],
  });
  return { ...proxy, prefix: options.prefix ?? '/edge/' };
}
