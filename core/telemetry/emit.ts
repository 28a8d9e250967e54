import { channel, type Channel } from 'node:diagnostics_channel';
import { checkEvent } from './check.ts';
import {
  telemetryContract, type TelemetryEventName, type TelemetryFamily, type TelemetryMeasurements, type TelemetryTags,
} from './contract.ts';

const channels = new Map<string, Channel>(
  Object.values(telemetryContract.families).map((family) => [family.channel, channel(family.channel)]),
);

/**
 * Publishes one event on `ops-jobs:<family>`, checked against `telemetryContract`. Costs one
 * property read when nothing subscribes to the family. `count` defaults to 1.
 */
export function emitTelemetry<F extends TelemetryFamily, E extends TelemetryEventName<F>>(
  family: F,
  event: E,
  tags: TelemetryTags<F, E>,
  measurements: TelemetryMeasurements<F, E> = {},
): void {
  const target = Object.hasOwn(telemetryContract.families, family) ? channels.get(telemetryContract.families[family].channel) : undefined;
  if (!target) {
    checkEvent(family, event, tags, measurements); // reports the unknown family
    return;
  }
  if (!target.hasSubscribers) return;
  const message = checkEvent(family, event, tags, measurements);
  if (message) target.publish(message);
}
