import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hideKeysMatching, REDACTED, showEverything } from '../../../core/index.ts';

const context = { actor: {} };

test('hideKeysMatching hides matching keys at any depth, in objects and arrays', () => {
  const policy = hideKeysMatching(/pass|secret|token|card|ssn|key/i);
  const value = {
    amount: 5,
    cardToken: 'tok_live_1',
    customer: { name: 'Ann', ssn: '123-45-6789', addresses: [{ city: 'Oslo', apiKey: 'k1' }] },
    list: [[{ Password: 'p' }], 'plain'],
  };
  const decision = policy.display('job_data', value, context);
  assert.deepEqual(decision, {
    show: {
      amount: 5,
      cardToken: REDACTED,
      customer: { name: 'Ann', ssn: REDACTED, addresses: [{ city: 'Oslo', apiKey: REDACTED }] },
      list: [[{ Password: REDACTED }], 'plain'],
    },
  });
  assert.equal(value.cardToken, 'tok_live_1', 'the original is not modified');
});

test('hideKeysMatching survives cycles and global regular expressions', () => {
  const policy = hideKeysMatching(/secret/gi);
  const cyclic: Record<string, unknown> = { secret: 's', a: { secret: 't' } };
  cyclic.self = cyclic;
  const shown = (policy.display('job_output', cyclic, context) as { show: Record<string, unknown> }).show;
  assert.equal(shown.secret, REDACTED);
  assert.deepEqual(shown.a, { secret: REDACTED });
  assert.equal(shown.self, REDACTED);
});

test('hideKeysMatching hides kinds it does not know', () => {
  const policy = hideKeysMatching(/secret/);
  assert.deepEqual(policy.display('some_future_kind' as never, 'x', context), { hide: true });
  assert.deepEqual(policy.display('actor_label', 'Ann', context), { show: 'Ann' });
});

test('showEverything marks itself so deployment checks can flag it', () => {
  const policy = showEverything();
  assert.equal(policy.showsEverything, true);
  assert.deepEqual(policy.display('job_data', { secret: 1 }, context), { show: { secret: 1 } });
});

test('hideKeysMatching marks only listed fields searchable, never one under a hidden key', () => {
  const policy = hideKeysMatching(/token|card/i, { searchable: ['customer.id', 'card.last4'] });
  assert.equal(policy.searchable?.('customer.id', context), true);
  assert.equal(policy.searchable?.('customer.name', context), false);
  assert.equal(policy.searchable?.('card.last4', context), false);
  assert.equal(hideKeysMatching(/x/).searchable?.('customer.id', context), false, 'nothing is searchable by default');
});

test('hideKeysMatching lists its searchable fields, leaving out one under a hidden key', () => {
  const policy = hideKeysMatching(/token|card/i, { searchable: ['customer.id', 'card.last4', 'region', 'apiToken'] });
  assert.deepEqual(policy.searchableFields, ['customer.id', 'region']);
  assert.equal(policy.searchable!('customer.id', context), true);
  assert.equal(policy.searchable!('card.last4', context), false);
  assert.deepEqual(hideKeysMatching(/secret/).searchableFields, []);
});
