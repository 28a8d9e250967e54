import type { Check } from '../context.ts';
import { inProduction, passed } from '../finding.ts';

/** The display policy neither shows everything (`showEverything()`) nor is the starter `init` wrote. */
export const checkDisplayPolicy: Check = async ({ config, production }) => {
  const policy = config?.options.displayPolicy;
  if (policy === null || typeof policy !== 'object') return [];
  const findings = [];
  if (policy.showsEverything === true) {
    findings.push(inProduction(production, 'display.shows-everything', 'The display policy shows everything',
      'It is showEverything() (it carries `showsEverything: true`): every job payload, output and error reaches operators unredacted, secrets included.',
      "Use hideKeysMatching(/pass|secret|token|card|ssn|key/i) from 'ops-jobs', or a display policy of your own, wherever NODE_ENV is production."));
  }
  if (policy.starter === true) {
    findings.push(inProduction(production, 'display.starter', 'The display policy is the starter `ops-jobs init` wrote',
      'It still carries `starter: true`: its list of secret keys is a guess, not your payloads.',
      'Name the keys your job payloads keep secrets and personal data under in the display policy module (ops-jobs/display-policy), then delete its `starter: true` line.'));
  }
  if (findings.length === 0) findings.push(passed('display.policy', 'The display policy is your own', 'It is neither showEverything() nor the starter.'));
  return findings;
};
