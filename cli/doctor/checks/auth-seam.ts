import type { Check } from '../context.ts';
import { inProduction, passed } from '../finding.ts';

/** The auth seam is the host's own, not the starter `init` wrote. */
export const checkAuthSeam: Check = async ({ config, production }) => {
  const auth = config?.options.auth;
  if (auth === null || typeof auth !== 'object') return [];
  if (auth.starter === true) {
    return [inProduction(production, 'auth.starter', 'The auth seam is the starter `ops-jobs init` wrote',
      'It still carries `starter: true`: its session lookup and role table are guesses, not your rules.',
      'Make the auth module (ops-jobs/auth) read the operator from your own session and give each of your roles the actions it needs, then delete its `starter: true` line.')];
  }
  return [passed('auth.starter', 'The auth seam is your own', 'It does not carry the starter mark.')];
};
