import type { Incident, IncidentSweep } from '../contracts/incidents.ts';
import type { OpsStore } from '../contracts/store.ts';
import type { Logger } from '../options.ts';
import { emitTelemetry } from '../telemetry/emit.ts';
import type { OperatorAction } from '../vocabulary/actions.ts';
import type { IncidentKind } from '../vocabulary/incident-kinds.ts';
import { escalate, type EscalationHooks } from './escalation.ts';
import { summaryOf } from './summary.ts';

/** How an executed repair is told to the keeper. */
export interface Repair {
  readonly action: OperatorAction;
  readonly auditId: string;
  readonly principalLabel: string;
}

/**
 * Keeps the diagnosis's incidents in the store and tells the host: each pass's sweep is written,
 * opened and resolved incidents counted, and the host's hooks called for each incident opened or
 * repaired, after the store's transaction and never inside it. Does nothing with a store that
 * keeps no incidents.
 */
export interface IncidentKeeper {
  /** Whether the store keeps incidents. */
  readonly enabled: boolean;
  /** Writes one pass's sweep, then escalates what it opened. Rejects only if the store does. */
  keep(sweep: IncidentSweep): Promise<void>;
  /** Counts and escalates incidents an operator action resolved (already committed). Never rejects. */
  repaired(incidents: readonly Incident[], repair: Repair): Promise<void>;
}

export function createIncidentKeeper(options: {
  readonly store: OpsStore;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly hooks: EscalationHooks;
  readonly hookTimeoutMs: number;
}): IncidentKeeper {
  const { store, hooks } = options;
  const context = { store, logger: options.logger, clock: options.clock, timeoutMs: options.hookTimeoutMs };
  const enabled = typeof store.recordIncidents === 'function';

  function countByKind(incidents: readonly Incident[]): Map<IncidentKind, number> {
    const counts = new Map<IncidentKind, number>();
    for (const incident of incidents) counts.set(incident.kind, (counts.get(incident.kind) ?? 0) + 1);
    return counts;
  }

  return {
    enabled,
    async keep(sweep) {
      if (!store.recordIncidents) return;
      const changes = await store.recordIncidents(sweep);
      for (const [kind, count] of countByKind(changes.opened)) emitTelemetry('incidents', 'opened', { kind }, { count });
      for (const [kind, count] of countByKind(changes.resolved)) emitTelemetry('incidents', 'resolved', { kind }, { count });
      for (const incident of changes.opened) {
        const summary = summaryOf(incident);
        await escalate(context, 'onIncident', hooks.onIncident && (() => hooks.onIncident!(summary)), summary);
      }
    },
    async repaired(incidents, repair) {
      for (const [kind, count] of countByKind(incidents)) emitTelemetry('incidents', 'repaired', { kind, action: repair.action }, { count });
      for (const incident of incidents) {
        const summary = { ...summaryOf(incident), action: repair.action, auditId: repair.auditId, principalLabel: repair.principalLabel };
        await escalate(context, 'onRepair', hooks.onRepair && (() => hooks.onRepair!(summary)), summary);
      }
    },
  };
}
