import type { SVGTemplateResult } from 'lit';
import type { OperatorAction } from '../../core/vocabulary/actions.ts';
import { pauseIcon, playIcon, promoteIcon, redriveIcon, retryIcon, slidersIcon, stopIcon, trashIcon } from '../shared/icons.ts';

/** The icon beside each operator action's name. Decorative, like every icon. */
export const ACTION_ICONS: Readonly<Record<OperatorAction, SVGTemplateResult>> = Object.freeze({
  'job.retry': retryIcon,
  'job.redrive': redriveIcon,
  'job.resume': playIcon,
  'job.cancel': stopIcon,
  'job.promote': promoteIcon,
  'job.delete': trashIcon,
  'queue.pause': pauseIcon,
  'queue.resume': playIcon,
  'queue.configure': slidersIcon,
  'schedule.run': promoteIcon,
  'schedule.remove': trashIcon,
});
