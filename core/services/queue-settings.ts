import type { JobEngine } from '../contracts/engine.ts';
import type { QueueDescription } from '../contracts/jobs.ts';
import { InvalidInputError } from '../errors.ts';
import { plainText } from '../plain-text.ts';
import {
  DEAD_LETTER_SETTING,
  type EditableQueueSetting,
  type QueueSettingChange,
  type QueueSettingValue,
  type QueueSettingValues,
} from '../vocabulary/queue-settings.ts';

/** The most settings one `queue.configure` may name: more than any engine has. */
const MAX_SETTINGS = 50;
const MAX_QUEUE_NAME = 500;

/** The settings this engine can change: none unless it both describes them and can apply them. */
export function editableSettings(engine: JobEngine): readonly EditableQueueSetting[] {
  return typeof engine.configureQueue === 'function' ? (engine.capabilities.queueSettings ?? []) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A setting's value as the queue holds it now; null when the engine does not say. */
export function currentSetting(queue: QueueDescription, name: string): QueueSettingValue {
  if (name === DEAD_LETTER_SETTING) return queue.deadLetterQueue;
  return queue.settings[name] ?? null;
}

/**
 * Checks the `settings` of a `queue.configure` preview body against what the engine can change:
 * an object naming at least one setting, each one the engine lists, each value of its type and
 * within its bounds. Says which setting is at fault (`settings.<name>`). Checks nothing about the
 * queue itself: see {@link planSettingChanges}.
 */
export function parseSettingValues(editable: readonly EditableQueueSetting[], raw: unknown): QueueSettingValues {
  const names = editable.map((setting) => setting.name);
  if (!isObject(raw) || Object.keys(raw).length === 0) {
    throw new InvalidInputError('settings', `settings must be an object with the new value of each setting to change: ${names.join(', ')}.`);
  }
  const entries = Object.entries(raw);
  if (entries.length > MAX_SETTINGS) throw new InvalidInputError('settings', `At most ${MAX_SETTINGS} settings can be changed at once.`);
  const values: Record<string, QueueSettingValue> = {};
  for (const [name, value] of entries) {
    const setting = editable.find((candidate) => candidate.name === name);
    if (!setting) {
      throw new InvalidInputError('settings', `Unknown setting ${JSON.stringify(name.slice(0, 60))}. Settings this engine can change: ${names.join(', ')}.`);
    }
    values[name] = checkValue(setting, value);
  }
  return values;
}

function checkValue(setting: EditableQueueSetting, value: unknown): QueueSettingValue {
  const parameter = `settings.${setting.name}`;
  if (value === null) {
    if (!setting.nullable) throw new InvalidInputError(parameter, `${setting.name} cannot be cleared; give it a value.`);
    return null;
  }
  switch (setting.type) {
    case 'integer': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new InvalidInputError(parameter, `${setting.name} must be a whole number${boundsText(setting)}.`);
      if ((setting.min !== undefined && value < setting.min) || (setting.max !== undefined && value > setting.max)) {
        throw new InvalidInputError(parameter, `${setting.name} must be${boundsText(setting)}; ${value} is not.`);
      }
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw new InvalidInputError(parameter, `${setting.name} must be true or false.`);
      return value;
    case 'queue':
      if (typeof value !== 'string' || value.length === 0 || value.length > MAX_QUEUE_NAME) {
        throw new InvalidInputError(parameter, `${setting.name} must be a queue name${setting.nullable ? ', or null for none' : ''}.`);
      }
      return plainText(parameter, value);
  }
}

function boundsText(setting: EditableQueueSetting): string {
  const { min, max } = setting;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

/**
 * The changes a `queue.configure` would make to `queue`, in the engine's order of its settings:
 * only the settings whose value differs from the current one. Refuses (as bad input, changing
 * nothing) a request that changes nothing, a dead letter queue that is the queue itself or does
 * not exist (`findQueue` is asked, by name), a value that needs a switch that is off, and one of a
 * pair set without the other.
 */
export async function planSettingChanges(
  editable: readonly EditableQueueSetting[],
  queue: QueueDescription,
  values: QueueSettingValues,
  findQueue: (name: string) => Promise<QueueDescription | null>,
): Promise<QueueSettingChange[]> {
  const changes: QueueSettingChange[] = [];
  for (const setting of editable) {
    if (!(setting.name in values)) continue;
    const after = values[setting.name] ?? null;
    const before = currentSetting(queue, setting.name);
    if (after !== before) changes.push({ setting: setting.name, before, after });
  }
  if (changes.length === 0) throw new InvalidInputError('settings', `Nothing to change: queue ${JSON.stringify(queue.name)} already has these settings.`);
  const after = (name: string): QueueSettingValue => (name in values ? values[name] ?? null : currentSetting(queue, name));
  for (const setting of editable) {
    const value = after(setting.name);
    const parameter = `settings.${setting.name}`;
    const changed = changes.some((change) => change.setting === setting.name);
    if (setting.type === 'queue' && changed && typeof value === 'string') {
      if (value === queue.name) throw new InvalidInputError(parameter, `Queue ${JSON.stringify(queue.name)} cannot be its own dead letter queue.`);
      if (!(await findQueue(value))) throw new InvalidInputError(parameter, `There is no queue named ${JSON.stringify(value)}.`);
    }
    if (setting.requires && value !== null && after(setting.requires) !== true && (changed || setting.requires in values)) {
      throw new InvalidInputError(parameter, `${setting.name} can have a value only while ${setting.requires} is on; turn it on too, or clear ${setting.name}.`);
    }
    if (setting.pairedWith && (changed || setting.pairedWith in values) && (value === null) !== (after(setting.pairedWith) === null)) {
      throw new InvalidInputError(parameter, `${setting.name} and ${setting.pairedWith} are set together: give both a value, or clear both.`);
    }
  }
  return changes;
}

/** The settings of `changes` whose value on `queue` is no longer the one they were previewed with. */
export function driftedSettings(queue: QueueDescription, changes: readonly QueueSettingChange[]): string[] {
  return changes.filter((change) => currentSetting(queue, change.setting) !== change.before).map((change) => change.setting);
}

/** The new values of `changes`, as the engine is given them. */
export function valuesOf(changes: readonly QueueSettingChange[]): QueueSettingValues {
  return Object.fromEntries(changes.map((change) => [change.setting, change.after]));
}
