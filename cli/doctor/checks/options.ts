import { createOpsJobs } from '../../../core/create-ops-jobs.ts';
import type { Check } from '../context.ts';
import { failure, messageOf, passed } from '../finding.ts';

/** `createOpsJobs` accepts the config's options: every seam present and well-formed. */
export const checkOptions: Check = async ({ config }) => {
  if (!config) return [];
  try {
    createOpsJobs(config.options).close();
    return [passed('options', 'createOpsJobs accepts the options', 'engine, store, auth and displayPolicy are present and well-formed.')];
  } catch (error) {
    return [failure('options', 'createOpsJobs refuses the options', messageOf(error),
      'Supply the option it names, as the message says, in the options your config builds (the same ones your application passes to createOpsJobs).')];
  }
};
