import type { EditableQueueSetting, QueueSettingChange, QueueSettingValue } from '../../core/vocabulary/queue-settings.ts';
import { formatCount, formatDuration } from './format.ts';
import { msg } from './locale.ts';

/** `retryLimit` as "Retry limit": the engine's setting names, read as words. */
export function settingName(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A setting's value in words: "None" for null, "On" or "Off" for a switch, a duration for a number
 * of seconds or milliseconds (when the engine says which), a grouped number otherwise.
 */
export function settingValueText(value: QueueSettingValue, setting?: EditableQueueSetting): string {
  if (value === null) return msg('None');
  if (typeof value === 'boolean') return value ? msg('On') : msg('Off');
  if (typeof value === 'string') return value;
  if (setting?.unit === 'seconds' && value > 0) return formatDuration(value * 1000);
  if (setting?.unit === 'milliseconds' && value > 0) return formatDuration(value);
  return formatCount(value);
}

/** One change in words: "Retry limit: from 2 to 5". */
export function settingChangeText(change: QueueSettingChange, settings: readonly EditableQueueSetting[] = []): string {
  const setting = settings.find((candidate) => candidate.name === change.setting);
  return msg('{setting}: from {before} to {after}', {
    setting: settingName(change.setting),
    before: settingValueText(change.before, setting),
    after: settingValueText(change.after, setting),
  });
}
