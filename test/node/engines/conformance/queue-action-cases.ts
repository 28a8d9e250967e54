import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { QUEUE_ACTIONS } from '../../../../core/vocabulary/actions.ts';
import { UNKNOWN_QUEUE } from './context.ts';
import type { ConformanceContext } from './context.ts';

/** The actions an engine takes on a queue itself, when it declares any. */
export function queueActionCases(context: ConformanceContext): void {
  describe('queue actions', () => {
    const engine = () => context.engine();
    const declared = () => engine().capabilities.queueActions ?? [];

    context.test('declares only queue actions, and applies them when it declares any', async () => {
      for (const action of declared()) assert.ok((QUEUE_ACTIONS as readonly string[]).includes(action), `${action} is a queue action`);
      if (declared().length > 0) assert.equal(typeof engine().applyToQueue, 'function', 'applyToQueue carries out the declared actions');
    });

    context.test('pause and resume: change the queue once, say so, and show in findQueue', async () => {
      if (!declared().includes('pause') || !declared().includes('resume')) return;
      const apply = engine().applyToQueue!.bind(engine());
      const queue = await context.run().freshQueue('paused');
      const other = await context.run().freshQueue('not_paused');
      assert.equal((await engine().findQueue(queue))?.paused, false, 'a new queue is not paused');

      assert.equal(await apply('pause', queue), true, 'pausing changes the queue');
      assert.equal((await engine().findQueue(queue))?.paused, true);
      assert.equal(await apply('pause', queue), false, 'pausing a paused queue changes nothing');
      assert.equal((await engine().findQueue(other))?.paused, false, 'another queue is left alone');
      const listed = (await engine().listQueues()).find((description) => description.name === queue);
      assert.equal(listed?.paused, true, 'listQueues agrees');

      assert.equal(await apply('resume', queue), true, 'resuming changes the queue');
      assert.equal((await engine().findQueue(queue))?.paused, false);
      assert.equal(await apply('resume', queue), false, 'resuming a running queue changes nothing');

      assert.equal(await apply('pause', UNKNOWN_QUEUE), false, 'an unknown queue is not changed');
      assert.equal(await apply('resume', UNKNOWN_QUEUE), false);
      assert.equal(await engine().findQueue(UNKNOWN_QUEUE), null, 'nor created');
    });
  });
}
