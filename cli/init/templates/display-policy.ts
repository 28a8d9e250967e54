import { typesOnly, type Flavour } from '../flavour.ts';

/** `ops-jobs/display-policy`: redaction by key pattern, marked as a starter. */
export function displayPolicyModule(flavour: Flavour): string {
  const ts = typesOnly(flavour);
  return `// What operators see of job data, output and errors.
//
// A starter written by \`npx ops-jobs init\`. Name the keys your job payloads keep secrets and
// personal data under, list the fields operators may filter jobs on, then delete the
// \`starter: true\` line below: until then \`npx ops-jobs doctor\` reports this module, as an error
// when NODE_ENV is production. Kinds and helpers: docs/guides/policy-seams.md in the ops-jobs package.
import { hideKeysMatching${ts(', type DisplayPolicy')} } from 'ops-jobs';

/** Everything except the values of secret-looking keys, at any depth. */
export const opsJobsDisplayPolicy${ts(': DisplayPolicy')} = {
  ...hideKeysMatching(/pass|secret|token|card|ssn|key|auth|cookie|session|iban/i, { searchable: [] }),
  starter: true,
};
`;
}
