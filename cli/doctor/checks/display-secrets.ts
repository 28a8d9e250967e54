import type { DisplayPolicy } from '../../../core/contracts/display-policy.ts';
import type { Check } from '../context.ts';
import { inProduction, messageOf, passed } from '../finding.ts';

/** A value no real payload has: where it shows up in a policy's answer, the policy let it through. */
const CANARY = 'ops-jobs-doctor-canary-8f3a';

/** Keys under which job payloads commonly keep secrets. */
const SECRET_KEYS = ['password', 'apiKey', 'accessToken', 'secret', 'cardNumber', 'authorization'] as const;

function leakedKeys(policy: DisplayPolicy, actor: unknown): string[] {
  const payload = { customer: Object.fromEntries(SECRET_KEYS.map((key) => [key, `${CANARY}-${key}`])) };
  let answer: unknown;
  try {
    answer = policy.display('job_data', payload, { actor, queue: 'doctor', jobId: '00000000-0000-4000-8000-000000000000' });
  } catch {
    return [];
  }
  const shown = answer !== null && typeof answer === 'object' && 'show' in answer ? JSON.stringify(answer.show) ?? '' : '';
  return SECRET_KEYS.filter((key) => shown.includes(`${CANARY}-${key}`));
}

/**
 * Shows the display policy a job payload with secrets under common key names, as each role's
 * operator would see it, and reports any secret that came through.
 */
export const checkDisplaySecrets: Check = async ({ config, production }) => {
  const policy = config?.options.displayPolicy;
  if (policy === null || typeof policy !== 'object' || typeof policy.display !== 'function') return [];
  const named = Object.entries(config?.roles ?? {});
  const roles = named.length > 0 ? named : [['(no role)', null] as const];
  const leaks: string[] = [];
  try {
    for (const [role, actor] of roles) {
      const keys = leakedKeys(policy, actor);
      if (keys.length > 0) leaks.push(`${role}: ${keys.join(', ')}`);
    }
  } catch (error) {
    leaks.push(`the policy failed: ${messageOf(error)}`);
  }
  if (leaks.length === 0) {
    return [passed('display.secrets', 'The display policy hides secret-looking keys', `Values under ${SECRET_KEYS.join(', ')} in job data were hidden from every role.`)];
  }
  return [inProduction(production, 'display.secrets', 'The display policy shows values under secret-looking keys',
    `Given job data with ${SECRET_KEYS.join(', ')}, it showed: ${leaks.join('; ')}.`,
    'Hide those keys in your display policy, e.g. hideKeysMatching(/pass|secret|token|card|key|auth/i), unless your payloads never carry secrets under them.')];
};
