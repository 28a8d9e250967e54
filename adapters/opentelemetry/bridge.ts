import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import {
  telemetryContract, type TelemetryFamily, type TelemetryMeasurementName, type TelemetryMessage,
} from '../../core/telemetry/contract.ts';
import { OptionsError } from '../../core/errors.ts';
import type { AttributesLike, CounterLike, HistogramLike, MeterLike } from './meter-like.ts';

/** How each measurement becomes an instrument: its name after `ops_jobs.<family>.<event>`, and its kind. */
const INSTRUMENTS = Object.freeze({
  count: { suffix: '', kind: 'counter' },
  duration_ms: { suffix: '.duration', kind: 'histogram' },
  jobs: { suffix: '.jobs', kind: 'counter' },
} as const satisfies Record<TelemetryMeasurementName, { suffix: string; kind: 'counter' | 'histogram' }>);

type Instrument = { readonly measurement: string; readonly record: (value: number, attributes: AttributesLike) => void };

export interface BridgeTelemetryOptions {
  /** Only these families; every family of the contract when absent. */
  readonly families?: readonly TelemetryFamily[];
}

/** A running bridge. */
export interface TelemetryBridge {
  /** Stops recording: unsubscribes from every channel. Safe to call twice. */
  close(): void;
}

function familiesOf(options: BridgeTelemetryOptions): TelemetryFamily[] {
  const all = Object.keys(telemetryContract.families) as TelemetryFamily[];
  if (options.families === undefined) return all;
  for (const family of options.families) {
    if (!all.includes(family)) throw new OptionsError('families', `holds ${JSON.stringify(family)}, which is not a telemetry family; use some of ${all.join(', ')}`);
  }
  return [...new Set(options.families)];
}

function instrumentsOf(meter: MeterLike, family: TelemetryFamily): Map<string, Instrument[]> {
  const byEvent = new Map<string, Instrument[]>();
  const events = telemetryContract.families[family].events as Readonly<Record<string, { description: string; measurements: readonly TelemetryMeasurementName[] }>>;
  for (const [event, spec] of Object.entries(events)) {
    byEvent.set(event, spec.measurements.map((measurement) => {
      const { suffix, kind } = INSTRUMENTS[measurement];
      const name = `ops_jobs.${family}.${event}${suffix}`;
      const options = { description: measurement === 'count' ? spec.description : `${spec.description} ${telemetryContract.measurements[measurement].description}`, unit: telemetryContract.measurements[measurement].unit };
      if (kind === 'histogram') {
        const histogram: HistogramLike = meter.createHistogram(name, options);
        return { measurement, record: (value, attributes) => histogram.record(value, attributes) };
      }
      const counter: CounterLike = meter.createCounter(name, options);
      return { measurement, record: (value, attributes) => counter.add(value, attributes) };
    }));
  }
  return byEvent;
}

/**
 * Records the console's telemetry on the host's OpenTelemetry meter: for each event a counter
 * `ops_jobs.<family>.<event>`, a histogram `ops_jobs.<family>.<event>.duration` (ms) where the event
 * measures a duration, and a counter `ops_jobs.<family>.<event>.jobs` where it counts jobs; the
 * event's tags are the attributes. No SDK or exporter is bundled: configure those in the host.
 *
 * @example
 * import { metrics } from '@opentelemetry/api';
 * const bridge = bridgeTelemetry(metrics.getMeter('ops-jobs'));
 * // on shutdown: bridge.close();
 */
export function bridgeTelemetry(meter: MeterLike, options: BridgeTelemetryOptions = {}): TelemetryBridge {
  if (typeof meter?.createCounter !== 'function' || typeof meter?.createHistogram !== 'function') {
    throw new OptionsError('meter', "must be an OpenTelemetry Meter, such as metrics.getMeter('ops-jobs') from @opentelemetry/api");
  }
  const subscriptions = familiesOf(options).map((family) => {
    const instruments = instrumentsOf(meter, family);
    const listener = (message: unknown) => {
      const { event, tags, measurements } = message as TelemetryMessage;
      for (const instrument of instruments.get(event) ?? []) {
        const value = (measurements as Readonly<Record<string, number | undefined>>)[instrument.measurement];
        if (value !== undefined) instrument.record(value, tags as AttributesLike);
      }
    };
    const name = telemetryContract.families[family].channel;
    subscribe(name, listener);
    return { name, listener };
  });
  let open = true;
  return {
    close() {
      if (!open) return;
      open = false;
      for (const { name, listener } of subscriptions) unsubscribe(name, listener);
    },
  };
}
