// Subscribes to every telemetry channel of the contract and keeps what is published, for tests
// that drive the real console and look at what it reported.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { telemetryContract, type TelemetryMessage } from '../../../core/index.ts';

export interface Recorder {
  /** Everything received since the recorder started. */
  readonly all: readonly TelemetryMessage[];
  /** What arrived since the last `take`, as `family.event` with tags, in order. */
  take(): { name: string; tags: Record<string, string>; measurements: Record<string, number> }[];
  /** Resolves once an event named `family.event` has arrived (already, or later); rejects after `timeoutMs`. */
  when(name: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

export function recordTelemetry(): Recorder {
  const all: TelemetryMessage[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  const nameOf = (message: TelemetryMessage) => `${message.family}.${String(message.event)}`;
  const listener = (message: unknown) => {
    all.push(message as TelemetryMessage);
    for (const wake of waiters) wake();
  };
  const channels = Object.values(telemetryContract.families).map((family) => family.channel);
  for (const name of channels) subscribe(name, listener);
  return {
    all,
    take() {
      const fresh = all.slice(taken);
      taken = all.length;
      return fresh.map((message) => ({
        name: nameOf(message),
        tags: { ...(message.tags as Record<string, string>) },
        measurements: { ...(message.measurements as Record<string, number>) },
      }));
    },
    when(name, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!all.some((message) => nameOf(message) === name)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${name} event within ${timeoutMs} ms; got: ${all.map(nameOf).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      for (const name of channels) unsubscribe(name, listener);
    },
  };
}

/** Just names and tags, for exact comparisons; measurements vary with timing. */
export function namesAndTags(events: ReturnType<Recorder['take']>): { name: string; tags: Record<string, string> }[] {
  return events.map(({ name, tags }) => ({ name, tags }));
}
