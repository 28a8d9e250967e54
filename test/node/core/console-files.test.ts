// Core reads the console's browser files only through the ConsoleFiles port: from files a host
// hands it, from the package's build when a Node adapter fills the port, and never from disk itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOpsJobs, hideKeysMatching, OptionsError, type ConsoleFiles } from '../../../core/index.ts';
import { memoryEngine, memoryStore } from '../support/memory-engine.ts';

const viewer = { name: 'vera' };

/** A bundle of one script, held in memory, recording what was read. */
function memoryFiles(): ConsoleFiles & { reads: string[] } {
  const encode = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
  const files: Record<string, Uint8Array<ArrayBuffer>> = {
    'manifest.json': encode(JSON.stringify({ entry: 'console-x1.js', files: { 'console-x1.js': { type: 'text/javascript' } } })),
    'console-x1.js': encode('export {};'),
    'console-x1.js.gz': encode('gzip bytes'),
    'console-x1.js.br': encode('brotli bytes'),
  };
  const reads: string[] = [];
  return {
    location: 'memory',
    reads,
    async read(name) {
      reads.push(name);
      const file = files[name];
      if (!file) throw new Error(`no file ${name}`);
      return file;
    },
  };
}

function console_(consoleFiles?: ConsoleFiles) {
  const errors: unknown[] = [];
  const opsJobs = createOpsJobs<{ actor?: typeof viewer }>({
    ...(consoleFiles ? { consoleFiles } : {}),
    engine: memoryEngine(['payments'], []),
    store: memoryStore(),
    auth: { currentActor: (host) => host.actor ?? null, authorize: () => true, auditPrincipal: (actor) => ({ id: (actor as typeof viewer).name, type: 'user', label: (actor as typeof viewer).name }) },
    displayPolicy: hideKeysMatching(/token/i),
    logger: { error: (_message, error) => void errors.push(error), warn: () => {} },
  });
  const get = (path: string) => opsJobs.handle(new Request(`http://127.0.0.1/ops/jobs${path}`, { headers: { 'accept-encoding': 'br' } }), { actor: viewer });
  return { opsJobs, get, errors };
}

test('the shell and the assets come from the files the host passes', async () => {
  const files = memoryFiles();
  const { get } = console_(files);
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.match(await page.text(), /console-x1\.js/);
  const asset = await get('/assets/console-x1.js');
  assert.equal(asset.status, 200);
  assert.equal(asset.headers.get('content-encoding'), 'br');
  assert.equal(await asset.text(), 'brotli bytes');
  assert.equal((await get('/assets/elsewhere.js')).status, 404);
  assert.deepEqual(files.reads.sort(), ['console-x1.js', 'console-x1.js.br', 'console-x1.js.gz', 'manifest.json']);
});

test('without files the pages answer 500 and the log says how to supply them; the API still answers', async () => {
  const { opsJobs, get, errors } = console_();
  assert.equal((await get('/')).status, 500);
  assert.match(String(errors[0]), /builtConsoleFiles/);
  assert.equal((await get('/api/queues')).status, 200);
  const files = memoryFiles();
  opsJobs.useConsoleFiles(files);
  opsJobs.useConsoleFiles(memoryFiles());
  assert.equal((await get('/')).status, 200);
  assert.ok(files.reads.includes('manifest.json'), 'the first files given are the ones read');
  assert.throws(() => opsJobs.useConsoleFiles({} as ConsoleFiles), OptionsError);
});

test('files without a read method are refused when the console is built', () => {
  assert.throws(() => console_({ location: 'x' } as unknown as ConsoleFiles), (error: unknown) => error instanceof OptionsError && /consoleFiles/.test(error.message));
});
