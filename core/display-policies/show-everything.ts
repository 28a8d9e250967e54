import type { DisplayPolicy } from '../contracts/display-policy.ts';

/**
 * A display policy that shows every value unchanged. Meant for local development only: it marks
 * itself with `showsEverything` so that deployment checks flag it in production.
 */
export function showEverything(): DisplayPolicy {
  return Object.freeze({ showsEverything: true, display: (_kind: unknown, value: unknown) => ({ show: value }) });
}
