import type { Check } from '../context.ts';
import { checkAnonymous } from './anonymous.ts';
import { checkAnonymousUrl } from './anonymous-url.ts';
import { checkAuthSeam } from './auth-seam.ts';
import { checkConfig } from './config.ts';
import { checkConsoleUrl } from './console-url.ts';
import { checkDisplayPolicy } from './display-policy.ts';
import { checkDisplaySecrets } from './display-secrets.ts';
import { checkEngine } from './engine.ts';
import { checkListingIndex } from './listing-index.ts';
import { checkLiveStream } from './live-stream.ts';
import { checkOptions } from './options.ts';
import { checkPermissions } from './permissions.ts';
import { checkReadOnly } from './read-only.ts';
import { checkStore } from './store.ts';
import { checkThresholds } from './thresholds.ts';

/** Every check, in the order their findings are listed. */
export const CHECKS: readonly Check[] = Object.freeze([
  checkConfig,
  checkOptions,
  checkThresholds,
  checkAuthSeam,
  checkAnonymous,
  checkDisplayPolicy,
  checkDisplaySecrets,
  checkStore,
  checkEngine,
  checkListingIndex,
  checkPermissions,
  checkReadOnly,
  checkConsoleUrl,
  checkAnonymousUrl,
  checkLiveStream,
]);
