/**
 * A queue's settings that an engine lets operators change (`queue.configure`): how each is
 * described, the values it takes, and how a change is recorded. Settings are the queue's own
 * configuration, never job data.
 */

/** A setting's value: a number, a switch, a queue name, or null where the setting can be cleared. */
export type QueueSettingValue = number | boolean | string | null;

/**
 * The name under which a queue's dead letter queue is changed. Its value is read from
 * `QueueDescription.deadLetterQueue`; every other setting's from `QueueDescription.settings`.
 */
export const DEAD_LETTER_SETTING = 'deadLetterQueue';

/** One setting an engine can change, with the values it accepts. */
export interface EditableQueueSetting {
  /** The key in `QueueDescription.settings` (or `deadLetterQueue`, see `DEAD_LETTER_SETTING`). */
  readonly name: string;
  /**
   * `integer`: a whole number between `min` and `max`; `boolean`: true or false; `queue`: the name
   * of another queue that exists (for a dead letter queue: never the queue itself).
   */
  readonly type: 'integer' | 'boolean' | 'queue';
  /** For an integer: the least and most it may be, inclusive. */
  readonly min?: number;
  readonly max?: number;
  /** For an integer: what it counts, so the console can read it as a duration. */
  readonly unit?: 'seconds' | 'milliseconds';
  /** Whether null is accepted, clearing the setting (no limit, no dead letter queue...). */
  readonly nullable?: boolean;
  /** A value other than null is accepted only while this boolean setting is (or becomes) true. */
  readonly requires?: string;
  /** This setting and the one named here are set together: both have a value, or both are null. */
  readonly pairedWith?: string;
}

/** One setting a `queue.configure` changes: its value before and after. */
export interface QueueSettingChange {
  readonly setting: string;
  readonly before: QueueSettingValue;
  readonly after: QueueSettingValue;
}

/** New values by setting name, as an operator asks for them and as an engine applies them. */
export type QueueSettingValues = Readonly<Record<string, QueueSettingValue>>;
