import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { DEAD_LETTER_SETTING, type EditableQueueSetting, type QueueSettingValue } from '../../../../core/vocabulary/queue-settings.ts';
import type { QueueDescription } from '../../../../core/contracts/jobs.ts';
import { UNKNOWN_QUEUE } from './context.ts';
import type { ConformanceContext } from './context.ts';

function valueOf(queue: QueueDescription | null, name: string): QueueSettingValue | undefined {
  if (!queue) return undefined;
  return name === DEAD_LETTER_SETTING ? queue.deadLetterQueue : queue.settings[name];
}

/** A valid value other than `current` for an integer setting that needs no other. */
function anotherInteger(setting: EditableQueueSetting, current: QueueSettingValue | undefined): number {
  const low = setting.min ?? 0;
  const candidate = typeof current === 'number' ? current + 1 : low + 1;
  return setting.max !== undefined && candidate > setting.max ? low : candidate;
}

/** The queue settings an engine can change (`queue.configure`), when it declares any. */
export function queueSettingsCases(context: ConformanceContext): void {
  describe('queue settings', () => {
    const engine = () => context.engine();
    const declared = () => engine().capabilities.queueSettings ?? [];

    context.test('declares settings it describes, with sound bounds, and changes them when it declares any', async () => {
      if (declared().length === 0) return;
      assert.equal(typeof engine().configureQueue, 'function', 'configureQueue applies the declared settings');
      const queue = await engine().findQueue(await context.run().freshQueue('settings_described'));
      const names = declared().map((setting) => setting.name);
      assert.equal(new Set(names).size, names.length, 'each setting once');
      for (const setting of declared()) {
        assert.ok(['integer', 'boolean', 'queue'].includes(setting.type), `${setting.name} has a known type`);
        if (setting.min !== undefined && setting.max !== undefined) assert.ok(setting.min <= setting.max, `${setting.name}: min <= max`);
        assert.ok(setting.name === DEAD_LETTER_SETTING || setting.name in (queue?.settings ?? {}), `findQueue describes ${setting.name}`);
        for (const other of [setting.requires, setting.pairedWith]) if (other) assert.ok(names.includes(other), `${setting.name} refers to a declared setting`);
      }
    });

    context.test('an integer setting changed shows in findQueue; the other settings and queues stay as they were', async () => {
      const setting = declared().find((candidate) => candidate.type === 'integer' && !candidate.requires && !candidate.pairedWith);
      if (!setting) return;
      const name = await context.run().freshQueue('settings_changed');
      const other = await context.run().freshQueue('settings_other');
      const before = await engine().findQueue(name);
      const otherBefore = await engine().findQueue(other);
      const value = anotherInteger(setting, valueOf(before, setting.name));
      await engine().configureQueue!(name, { [setting.name]: value });
      const after = await engine().findQueue(name);
      assert.equal(valueOf(after, setting.name), value);
      for (const rest of declared().filter((candidate) => candidate.name !== setting.name)) {
        assert.deepEqual(valueOf(after, rest.name), valueOf(before, rest.name), `${rest.name} is left alone`);
      }
      assert.deepEqual(await engine().findQueue(other), otherBefore, 'another queue is left alone');
      await engine().configureQueue!(UNKNOWN_QUEUE, { [setting.name]: value }).catch(() => undefined);
      assert.equal(await engine().findQueue(UNKNOWN_QUEUE), null, 'an unknown queue is not created');
    });
  });
}
