/**
 * `ops-jobs/opentelemetry`: records the console's telemetry channels on an OpenTelemetry meter the
 * host passes in. `@opentelemetry/api` is an optional peer; nothing here imports it.
 *
 * ```ts
 * import { metrics } from '@opentelemetry/api';
 * import { bridgeTelemetry } from 'ops-jobs/opentelemetry';
 * const bridge = bridgeTelemetry(metrics.getMeter('ops-jobs'));
 * ```
 */
export { bridgeTelemetry, type BridgeTelemetryOptions, type TelemetryBridge } from './bridge.ts';
export type { AttributesLike, CounterLike, HistogramLike, InstrumentOptionsLike, MeterLike } from './meter-like.ts';
