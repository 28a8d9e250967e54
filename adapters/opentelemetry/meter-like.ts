/**
 * The parts of an OpenTelemetry `Meter` (from `@opentelemetry/api`) the bridge uses, so that the
 * API stays an optional peer: the host passes its own meter and nothing here imports the API.
 */

/** Attribute values the bridge records: an event's tags, which are always strings. */
export type AttributesLike = Readonly<Record<string, string>>;

export interface InstrumentOptionsLike {
  description?: string;
  unit?: string;
}

export interface CounterLike {
  add(value: number, attributes?: AttributesLike): void;
}

export interface HistogramLike {
  record(value: number, attributes?: AttributesLike): void;
}

/** A `Meter`, such as `metrics.getMeter('ops-jobs')` from `@opentelemetry/api`. */
export interface MeterLike {
  createCounter(name: string, options?: InstrumentOptionsLike): CounterLike;
  createHistogram(name: string, options?: InstrumentOptionsLike): HistogramLike;
}
