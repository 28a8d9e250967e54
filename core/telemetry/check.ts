import { eventSpec, telemetryContract, type TelemetryMessage } from './contract.ts';
import { nameOf, reportViolation } from './report.ts';

/**
 * Holds one event against the contract. An unknown family or event is dropped whole; a tag key
 * the event does not have, or a value outside the key's list, drops that tag only, so the event
 * is still counted; a measurement the event does not have, or one that is not a finite number of
 * at least zero, is dropped. Each violation is reported (see `reportViolation`).
 */
export function checkEvent(family: string, event: string, tags: object, measurements: object): TelemetryMessage | null {
  const spec = eventSpec(family, event);
  if (!spec) {
    reportViolation(family, '(event)', event, `event ${nameOf(event)} of family ${nameOf(family)} is not in the contract; it was dropped`);
    return null;
  }
  const allowed = spec.tags as Readonly<Record<string, readonly string[]>>;
  const checkedTags: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    if (!Object.hasOwn(allowed, key)) {
      reportViolation(family, key, value, `${family}.${event} has no tag ${nameOf(key)}; the tag was dropped`);
    } else if (typeof value !== 'string' || !allowed[key]?.includes(value)) {
      reportViolation(family, key, value, `${family}.${event} got a value for tag ${nameOf(key)} that is not in its list; the tag was dropped`);
    } else {
      checkedTags[key] = value;
    }
  }
  for (const key of Object.keys(allowed)) {
    if (!Object.hasOwn(checkedTags, key) && !Object.hasOwn(tags, key)) {
      reportViolation(family, key, undefined, `${family}.${event} was emitted without its tag ${nameOf(key)}`);
    }
  }
  const checkedMeasurements: Record<string, number> = { count: 1 };
  for (const [key, value] of Object.entries(measurements)) {
    if (!spec.measurements.includes(key) || !Object.hasOwn(telemetryContract.measurements, key)) {
      reportViolation(family, key, '(measurement)', `${family}.${event} has no measurement ${nameOf(key)}; it was dropped`);
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      reportViolation(family, key, '(invalid number)', `${family}.${event} got a measurement ${nameOf(key)} that is not a finite number of at least 0; it was dropped`);
    } else {
      checkedMeasurements[key] = value;
    }
  }
  return Object.freeze({
    family,
    event,
    tags: Object.freeze(checkedTags),
    measurements: Object.freeze(checkedMeasurements),
  }) as unknown as TelemetryMessage;
}
