import type { SVGTemplateResult } from 'lit';
import type { OperatorAction, ScheduleOperatorAction } from '../../core/vocabulary/actions.ts';
import { alertIcon, pauseIcon, playIcon, promoteIcon, redriveIcon, retryIcon, slidersIcon, stopIcon, trashIcon } from '../shared/icons.ts';

/**
 * The icon beside each operator action's name. Decorative, like every icon. The schedule actions'
 * are in schedule-copy.ts, with the views that offer them.
 */
export const ACTION_ICONS: Readonly<Record<Exclude<OperatorAction, ScheduleOperatorAction>, SVGTemplateResult>> = Object.freeze({
  'job.retry': retryIcon,
  'job.redrive': redriveIcon,
  'job.resume': playIcon,
  'job.cancel': stopIcon,
  'job.fail': alertIcon,
  'job.promote': promoteIcon,
  'job.delete': trashIcon,
  'queue.pause': pauseIcon,
  'queue.resume': playIcon,
  'queue.configure': slidersIcon,
});
