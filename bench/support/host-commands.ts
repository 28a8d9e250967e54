// The commands the host's own Redis connections send, counted by the server (MONITOR, on a server of
// the bench's own): the host's client (the console's engine and bull-board read through it) and the
// connections BullMQ's event readers hold (named `<prefix>:<queue in base64>:qe`). The workload's
// connections, and commands run inside Lua scripts, are left out.
import type { Redis } from 'ioredis';

export interface HostCommands {
  /** Starts counting afresh. */
  reset(): void;
  /** Commands counted since `reset` from the host's connections, as they are now. */
  count(): Promise<number>;
  close(): void;
}

const addressOf = (client: Redis) => `${client.stream.localAddress}:${client.stream.localPort}`;

/** Counts through MONITOR on `monitorClient`; `listClient` (neither the host's nor the monitor) asks which connections are the host's. */
export async function countHostCommands(monitorClient: Redis, listClient: Redis, hostClient: Redis, prefix: string): Promise<HostCommands> {
  const monitor = await monitorClient.monitor();
  let bySource = new Map<string, number>();
  monitor.on('monitor', (_time: string, _args: string[], source: string) => {
    bySource.set(source, (bySource.get(source) ?? 0) + 1);
  });
  async function hostAddresses(): Promise<Set<string>> {
    const list = (await listClient.call('CLIENT', 'LIST')) as string;
    const addresses = new Set([addressOf(hostClient)]);
    for (const line of list.split('\n')) {
      const name = /(?:^| )name=(\S*)/.exec(line)?.[1] ?? '';
      const addr = /(?:^| )addr=(\S+)/.exec(line)?.[1];
      if (addr && name.startsWith(`${prefix}:`) && name.endsWith(':qe')) addresses.add(addr);
    }
    return addresses;
  }
  return {
    reset() {
      bySource = new Map();
    },
    async count() {
      const addresses = await hostAddresses();
      let total = 0;
      for (const [source, count] of bySource) if (addresses.has(source)) total += count;
      return total;
    },
    close() {
      monitor.disconnect();
    },
  };
}
