// How core checks a `queue.configure` request: the values against what the engine says it can
// change, then against the queue as it is (a real dead letter queue, a change at all).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { QueueDescription } from '../../../core/contracts/jobs.ts';
import { InvalidInputError } from '../../../core/errors.ts';
import { driftedSettings, parseSettingValues, planSettingChanges, valuesOf } from '../../../core/services/queue-settings.ts';
import type { EditableQueueSetting } from '../../../core/vocabulary/queue-settings.ts';

const EDITABLE: readonly EditableQueueSetting[] = [
  { name: 'retryLimit', type: 'integer', min: 0, max: 100 },
  { name: 'backoff', type: 'boolean' },
  { name: 'backoffMax', type: 'integer', min: 0, nullable: true, requires: 'backoff' },
  { name: 'rateMax', type: 'integer', min: 1, nullable: true, pairedWith: 'rateMs' },
  { name: 'rateMs', type: 'integer', min: 1, nullable: true, pairedWith: 'rateMax' },
  { name: 'deadLetterQueue', type: 'queue', nullable: true },
];

const QUEUE: QueueDescription = {
  name: 'payments',
  deadLetterQueue: null,
  settings: { retryLimit: 2, backoff: false, backoffMax: null, rateMax: null, rateMs: null, policy: 'standard' },
};

const QUEUES = new Map<string, QueueDescription>([['payments', QUEUE], ['payments-dlq', { name: 'payments-dlq', deadLetterQueue: null, settings: {} }]]);
const find = async (name: string) => QUEUES.get(name) ?? null;

/** The parameter an invalid input names, or a failure when it is accepted. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof InvalidInputError, String(error));
    return String(error.extensions.parameter);
  }
  assert.fail('accepted');
}

async function planRefusal(values: Record<string, unknown>): Promise<string> {
  try {
    await planSettingChanges(EDITABLE, QUEUE, parseSettingValues(EDITABLE, values), find);
  } catch (error) {
    assert.ok(error instanceof InvalidInputError, String(error));
    return String(error.extensions.parameter);
  }
  assert.fail('accepted');
}

describe('parseSettingValues', () => {
  test('accepts values of each type within bounds, and null where a setting can be cleared', () => {
    assert.deepEqual(parseSettingValues(EDITABLE, { retryLimit: 0, backoff: true, backoffMax: null, deadLetterQueue: 'payments-dlq' }),
      { retryLimit: 0, backoff: true, backoffMax: null, deadLetterQueue: 'payments-dlq' });
    assert.deepEqual(parseSettingValues(EDITABLE, { retryLimit: 100 }), { retryLimit: 100 });
  });

  test('refuses what is not an object of known settings', () => {
    for (const raw of [undefined, null, [], 'retryLimit', {}]) assert.equal(refusal(() => parseSettingValues(EDITABLE, raw)), 'settings');
    assert.equal(refusal(() => parseSettingValues(EDITABLE, { policy: 'singleton' })), 'settings');
    assert.equal(refusal(() => parseSettingValues(EDITABLE, { retryLimit: 1, __proto__x: 1 })), 'settings');
    assert.equal(refusal(() => parseSettingValues([], { retryLimit: 1 })), 'settings');
  });

  test('refuses wrong types, numbers out of bounds or not whole, and null where it cannot be cleared', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ retryLimit: '3' }, 'settings.retryLimit'],
      [{ retryLimit: -1 }, 'settings.retryLimit'],
      [{ retryLimit: 101 }, 'settings.retryLimit'],
      [{ retryLimit: 2.5 }, 'settings.retryLimit'],
      [{ retryLimit: Number.NaN }, 'settings.retryLimit'],
      [{ retryLimit: null }, 'settings.retryLimit'],
      [{ backoff: 1 }, 'settings.backoff'],
      [{ backoff: null }, 'settings.backoff'],
      [{ deadLetterQueue: '' }, 'settings.deadLetterQueue'],
      [{ deadLetterQueue: 7 }, 'settings.deadLetterQueue'],
      [{ deadLetterQueue: 'x'.repeat(501) }, 'settings.deadLetterQueue'],
      [{ deadLetterQueue: 'bad\u0000name' }, 'settings.deadLetterQueue'],
    ];
    for (const [raw, parameter] of cases) assert.equal(refusal(() => parseSettingValues(EDITABLE, raw)), parameter, JSON.stringify(raw));
  });
});

describe('planSettingChanges', () => {
  test('lists only the settings that change, in the engine order, with before and after', async () => {
    const changes = await planSettingChanges(EDITABLE, QUEUE, { deadLetterQueue: 'payments-dlq', retryLimit: 2, backoff: true, backoffMax: 60 }, find);
    assert.deepEqual(changes, [
      { setting: 'backoff', before: false, after: true },
      { setting: 'backoffMax', before: null, after: 60 },
      { setting: 'deadLetterQueue', before: null, after: 'payments-dlq' },
    ]);
    assert.deepEqual(valuesOf(changes), { backoff: true, backoffMax: 60, deadLetterQueue: 'payments-dlq' });
  });

  test('refuses a request that changes nothing', async () => {
    assert.equal(await planRefusal({ retryLimit: 2, backoffMax: null }), 'settings');
  });

  test('refuses a dead letter queue that does not exist or is the queue itself', async () => {
    assert.equal(await planRefusal({ deadLetterQueue: 'nowhere' }), 'settings.deadLetterQueue');
    assert.equal(await planRefusal({ deadLetterQueue: 'payments' }), 'settings.deadLetterQueue');
  });

  test('refuses a value that needs a switch that stays off, and half of a pair', async () => {
    assert.equal(await planRefusal({ backoffMax: 30 }), 'settings.backoffMax');
    assert.equal(await planRefusal({ rateMax: 10 }), 'settings.rateMax');
    const paired = await planSettingChanges(EDITABLE, QUEUE, { rateMax: 10, rateMs: 1000 }, find);
    assert.deepEqual(paired.map((change) => change.setting), ['rateMax', 'rateMs']);
  });

  test('refuses turning a switch off while a setting that needs it keeps its value', async () => {
    const withBackoff: QueueDescription = { ...QUEUE, settings: { ...QUEUE.settings, backoff: true, backoffMax: 60 } };
    await assert.rejects(planSettingChanges(EDITABLE, withBackoff, { backoff: false }, find), (error: unknown) => error instanceof InvalidInputError && error.extensions.parameter === 'settings.backoffMax');
    const both = await planSettingChanges(EDITABLE, withBackoff, { backoff: false, backoffMax: null }, find);
    assert.equal(both.length, 2);
  });
});

describe('driftedSettings', () => {
  test('names the settings whose value is no longer the one previewed', () => {
    const changes = [{ setting: 'retryLimit', before: 2, after: 5 }, { setting: 'deadLetterQueue', before: null, after: 'payments-dlq' }];
    assert.deepEqual(driftedSettings(QUEUE, changes), []);
    assert.deepEqual(driftedSettings({ ...QUEUE, settings: { ...QUEUE.settings, retryLimit: 3 } }, changes), ['retryLimit']);
    assert.deepEqual(driftedSettings({ ...QUEUE, deadLetterQueue: 'other' }, changes), ['deadLetterQueue']);
  });
});
