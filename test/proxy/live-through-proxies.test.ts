// The live stream through real reverse proxies in front of the demo: Debian's nginx and Caddy
// (`apt-get install -y nginx caddy`), each with its defaults, with a read timeout shorter and one
// longer than the heartbeat, and with the settings docs/guides/reverse-proxies.md recommends.
// Every test awaits its proxy's setup, so a missing proxy fails its tests rather than skipping.
import { after, describe, test } from 'node:test';
import { startCaddy, type CaddyOptions } from './support/caddy.ts';
import { startDemo } from './support/demo-process.ts';
import type { Edge } from './support/edge-client.ts';
import { startNginx, type NginxOptions } from './support/nginx.ts';
import { requireExecutable } from './support/proxy-process.ts';
import { startProxies, type Proxied } from './support/proxied-demo.ts';
import {
  changeArrivesPromptly, consoleLoadsUnderPrefix, signInUnderPrefix, heartbeatsHoldTheStream, LONG_READ_TIMEOUT_SECONDS, originCheckThroughProxy, QUIET_DEMO_ENV,
  resumesAfterCut, SHORT_READ_TIMEOUT_SECONDS, signedOutCannotReconnect,
} from './support/scenarios.ts';

/** The guide's nginx location block, word for word; its `upstream ops_app` is declared below. */
const NGINX_RECOMMENDED_LOCATION = [
  'proxy_http_version 1.1;',
  'proxy_set_header Connection "";',
  'proxy_set_header Host $http_host;',
  'proxy_buffering off;',
  'proxy_cache off;',
  'proxy_read_timeout 1h;',
  'gzip off;',
];

const caddyReadTimeout = (seconds: number) => ['transport http {', `\tread_timeout ${seconds}s`, '}'];

type Variant = 'defaults' | 'short' | 'long' | 'recommended';

const demo = startDemo(QUIET_DEMO_ENV);
const nginx = demo.then((running) => startProxies(running, () => requireExecutable('nginx', 'nginx'),
  (upstream, options: Omit<NginxOptions, 'upstream'>) => startNginx({ upstream, ...options }), {
    defaults: {},
    short: { location: [`proxy_read_timeout ${SHORT_READ_TIMEOUT_SECONDS}s;`] },
    long: { location: [`proxy_read_timeout ${LONG_READ_TIMEOUT_SECONDS}s;`] },
    recommended: {
      http: [`upstream ops_app { server ${new URL(running.origin).host}; keepalive 16; }`],
      proxyPass: 'http://ops_app/',
      location: NGINX_RECOMMENDED_LOCATION,
    },
  }));
const caddy = demo.then((running) => startProxies(running, () => requireExecutable('caddy', 'caddy'),
  (upstream, options: Omit<CaddyOptions, 'upstream'>) => startCaddy({ upstream, ...options }), {
    defaults: {},
    short: { reverseProxy: caddyReadTimeout(SHORT_READ_TIMEOUT_SECONDS) },
    long: { reverseProxy: caddyReadTimeout(LONG_READ_TIMEOUT_SECONDS) },
    // The guide's site block: compression for the rest of the site, the proxy's own defaults.
    recommended: { site: ['encode gzip'] },
  }));
// Each test that awaits a failed setup reports its error.
for (const setup of [demo, nginx, caddy]) setup.catch(() => {});

after(async () => {
  await Promise.all([nginx, caddy].map(async (setup) => (await setup.catch(() => null))?.stop()));
  await (await demo.catch(() => null))?.stop();
});

/** Whether each proxy passes the browser's `Host` on with its defaults. */
const HOST_BY_DEFAULT = { nginx: false, Caddy: true } as const;

function proxyTests(name: keyof typeof HOST_BY_DEFAULT, setup: Promise<Proxied<Variant>>): void {
  const edge = async (variant: Variant): Promise<Edge> => (await setup).edges[variant];
  describe(`live stream through ${name}`, { timeout: 60_000 }, () => {
    test(`with ${name}'s defaults${name === 'nginx' ? ' (proxy buffering on)' : ''}, a change arrives within seconds`, async () =>
      changeArrivesPromptly(await edge('defaults')));
    test(`a read timeout (${LONG_READ_TIMEOUT_SECONDS} s) longer than the heartbeat keeps a quiet stream open`, async () =>
      heartbeatsHoldTheStream(await edge('long')));
    test(`a read timeout (${SHORT_READ_TIMEOUT_SECONDS} s) shorter than the heartbeat cuts the stream; Last-Event-ID resumes without a missed change`,
      async () => resumesAfterCut(await edge('short')));
    test(`a signed-out actor cannot reconnect once ${name} has cut the stream`, async () => signedOutCannotReconnect(await edge('short')));
    test('the recommended settings: changes arrive promptly and uncompressed, the console loads and sign-in works under the /edge/ prefix', async () => {
      await changeArrivesPromptly(await edge('recommended'));
      await consoleLoadsUnderPrefix(await edge('recommended'));
      await signInUnderPrefix(await edge('recommended'));
    });
    test(`same-origin check on changes: ${HOST_BY_DEFAULT[name] ? 'the defaults pass' : 'the defaults refuse, the recommended settings pass'} the browser's Host on`, async () => {
      await originCheckThroughProxy(await edge('defaults'), HOST_BY_DEFAULT[name]);
      await originCheckThroughProxy(await edge('recommended'), true);
    });
  });
}

proxyTests('nginx', nginx);
proxyTests('Caddy', caddy);
