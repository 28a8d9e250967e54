import type { EditableQueueSetting, QueueSettingChange, QueueSettingValue } from '../../core/vocabulary/queue-settings.ts';
import { formatCount, formatDuration } from './format.ts';
import { msg } from './locale.ts';

/** The names of the settings the engines this console knows describe, in words of the console's language. */
function knownSettingName(key: string): string | null {
  switch (key) {
    case 'policy': return msg('Policy');
    case 'partition': return msg('Partitioned');
    case 'retryLimit': return msg('Retry limit');
    case 'retryDelay': return msg('Retry delay');
    case 'retryBackoff': return msg('Retry backoff');
    case 'retryDelayMax': return msg('Longest retry delay');
    case 'expireInSeconds': return msg('Running jobs expire after');
    case 'heartbeatSeconds': return msg('Heartbeat');
    case 'retentionSeconds': return msg('Waiting jobs kept for');
    case 'deleteAfterSeconds': return msg('Finished jobs kept for');
    case 'warningQueueSize': return msg('Warn at queue size');
    case 'notify': return msg('Notify');
    case 'deadLetterQueue': return msg('Dead letter queue');
    case 'globalConcurrency': return msg('Global concurrency');
    case 'rateLimitMax': return msg('Rate limit: jobs');
    case 'rateLimitDurationMs': return msg('Rate limit: per');
    case 'writtenBy': return msg('Written by');
    default: return null;
  }
}

/**
 * A setting's name in words: those of the engines the console knows from its catalog, any other
 * read from its camelCase (`maxStalls` as "Max stalls").
 */
export function settingName(key: string): string {
  const known = knownSettingName(key);
  if (known !== null) return known;
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
