import { resolveOptions } from '../../../core/options.ts';
import type { Check } from '../context.ts';
import { passed } from '../finding.ts';

/**
 * The thresholds the console judges by, as the options set them or by default: when a worker
 * process is late or missing, and when the overview's diagnosis calls a backlog or failures worth
 * a look, and which escalation hooks incidents go to. Always a passing finding: it says what is in force, so an operator reading an alert
 * knows what it was measured against.
 */
export const checkThresholds: Check = async ({ config }) => {
  if (!config) return [];
  let resolved: ReturnType<typeof resolveOptions>;
  try {
    resolved = resolveOptions(config.options);
  } catch {
    // The options check names what is wrong with them.
    return [];
  }
  const { workers, diagnosis, escalation } = resolved;
  const hooks = [escalation.onIncident && 'onIncident', escalation.onRepair && 'onRepair'].filter(Boolean);
  const escalates = hooks.length > 0
    ? ` Incidents escalate through ${hooks.join(' and ')}, each call given ${escalation.timeoutSeconds} s.`
    : ' No escalation hook (onIncident, onRepair) is set: incidents are only shown in the console.';
  return [passed(
    'thresholds',
    `Workers are late after ${workers.lateAfterHeartbeats} missed heartbeats and missing after ${workers.missingAfterHeartbeats}; ` +
      `the diagnosis runs every ${diagnosis.intervalSeconds} s`,
    `A backlog is worth a look once its oldest ready job has waited ${diagnosis.backlogSeconds} s (critical at ${4 * diagnosis.backlogSeconds} s); ` +
      `failures are compared over windows of ${diagnosis.failureWindowSeconds} s. Set them with createOpsJobs({ workers, diagnosis }).${escalates}`,
  )];
};
