// One quiet demo behind several configurations of a proxy, for a test file.
import type { DemoProcess } from './demo-process.ts';
import type { Edge } from './edge-client.ts';
import type { ProxyProcess } from './proxy-process.ts';

/** The demo through each proxy configuration, by name. */
export interface Proxied<Name extends string> {
  readonly edges: Readonly<Record<Name, Edge>>;
  /** Stops the proxies; the demo is the caller's. */
  stop(): Promise<void>;
}

/**
 * Checks the proxy is installed, then starts one proxy per configuration in front of the demo.
 * The proxies that started are stopped again if a later one fails.
 */
export async function startProxies<Name extends string, Options>(
  demo: DemoProcess,
  checkInstalled: () => void,
  start: (upstream: string, options: Options) => Promise<ProxyProcess & { readonly prefix: string }>,
  configurations: Readonly<Record<Name, Options>>,
): Promise<Proxied<Name>> {
  checkInstalled();
  const proxies: ProxyProcess[] = [];
  const stop = async () => {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
  };
  try {
    const edges = {} as Record<Name, Edge>;
    for (const [name, options] of Object.entries(configurations) as [Name, Options][]) {
      const proxy = await start(demo.origin, options);
      proxies.push(proxy);
      edges[name] = { base: `${proxy.origin}${proxy.prefix.replace(/\/$/, '')}`, mount: demo.mount };
    }
    return { edges, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
