// Subscribes to every telemetry channel of the contract and keeps what is published, for tests
// that drive the real console and look at what it reported.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { telemetryContract, type TelemetryMessage } from '../../../core/index.ts';

export interface Recorder {
  /** Everything received since the recorder started. */
  readonly all: readonly TelemetryMessage[];
  /** What arrived since the last `take`, as `family.event` with tags, in order. */
  take(): { name: string; tags: Record<string, string>; measurements: Record<string, number> }[];
  close(): void;
}

export function recordTelemetry(): Recorder {
  const all: TelemetryMessage[] = [];
  let taken = 0;
  const listener = (message: unknown) => void all.push(message as TelemetryMessage);
  const channels = Object.values(telemetryContract.families).map((family) => family.channel);
  for (const name of channels) subscribe(name, listener);
  return {
    all,
    take() {
      const fresh = all.slice(taken);
      taken = all.length;
      return fresh.map((message) => ({
        name: `${message.family}.${String(message.event)}`,
        tags: { ...(message.tags as Record<string, string>) },
        measurements: { ...(message.measurements as Record<string, number>) },
      }));
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
