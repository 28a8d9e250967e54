// Every TypeScript block in README.md and docs/ compiles under `strict` as a host would copy it,
// against the built package's declarations (imports such as `ops-jobs/express` resolve through the
// package's `exports` to dist/), so the docs cannot drift from the API. A block that is
// deliberately a fragment says so with `<!-- fragment: why -->` just before its fence.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { typeScriptBlocks, type CodeBlock } from './support/code-blocks.ts';
import { docProject, type DocProject } from './support/doc-project.ts';

let project: DocProject;
before(async () => {
  project = await docProject();
});
after(() => project?.remove());

/** A file name for a block that says where it came from: `docs-guides-getting-started-md-L42.ts`. */
function fileFor(block: CodeBlock): string {
  return `${block.file.replace(/[^A-Za-z0-9]+/g, '-')}-L${block.line}.ts`;
}

/** Rewrites tsc's `file.ts(line,col)` into the Markdown file and line a reader would open. */
function locate(output: string, blocks: readonly CodeBlock[]): string {
  return output.replace(/(\S+\.ts)\((\d+),(\d+)\)/g, (whole, file: string, line: string, column: string) => {
    const block = blocks.find((candidate) => file.endsWith(fileFor(candidate)));
    return block ? `${block.file}:${block.line + Number(line) - 1}:${column}` : whole;
  });
}

/**
 * Module augmentations (`declare module 'express-session'`) are global to a program, and two
 * blocks may each declare their own `user`: such blocks are checked one per program, the rest
 * together.
 */
function programs(blocks: readonly CodeBlock[]): CodeBlock[][] {
  const augmenting = blocks.filter((block) => /^declare (module|global)\b/m.test(block.code));
  const plain = blocks.filter((block) => !augmenting.includes(block));
  return [plain, ...augmenting.map((block) => [block])].filter((group) => group.length > 0);
}

async function check(blocks: readonly CodeBlock[]): Promise<string[]> {
  const failures: string[] = [];
  const groups = programs(blocks);
  // Two compilers at a time: this machine has two cores.
  for (let index = 0; index < groups.length; index += 2) {
    const outputs = await Promise.all(groups.slice(index, index + 2).map(async (group, offset) => {
      for (const block of group) await project.write(fileFor(block), `${block.code}\n`);
      return locate(await project.typecheck(group.map(fileFor), `group-${index + offset}`), group);
    }));
    failures.push(...outputs.filter((output) => output !== ''));
  }
  return failures;
}

test('every TypeScript block of README.md and docs/ type-checks under strict against the built package', async () => {
  const blocks = typeScriptBlocks().filter((block) => block.fragment === null);
  assert.ok(blocks.length >= 12, `expected the guides' TypeScript blocks, found ${blocks.length}`);
  const failures = await check(blocks);
  assert.deepEqual(failures, [], `doc blocks that do not compile:\n${failures.join('\n')}`);
});

test('fragments are rare and say why', () => {
  const fragments = typeScriptBlocks().filter((block) => block.fragment !== null);
  assert.ok(fragments.length <= 3, `fragment marks: ${fragments.map((block) => `${block.file}:${block.line}`).join(', ')}`);
  for (const block of fragments) assert.ok(block.fragment!.length >= 10, `${block.file}:${block.line} says why it is a fragment`);
});

test('the check fails a block that misuses the API, resolving adapters from the built package', async () => {
  const broken: CodeBlock = {
    file: 'docs/broken.md', line: 10, lang: 'ts', section: 'Broken', fragment: null,
    code: [
      "import { type Request } from 'express';",
      "import { createOpsJobs, hideKeysMatching, type JobEngine, type OpsStore } from 'ops-jobs';",
      "import { toExpress, toExpressMiddleware } from 'ops-jobs/express';",
      "import { toKoa } from 'ops-jobs/koa';",
      'declare const engine: JobEngine;',
      'declare const store: OpsStore;',
      'interface User { id: string; roles: string[] }',
      'const opsJobs = createOpsJobs({',
      '  engine, store, displayPolicy: hideKeysMatching(/secret/),',
      '  auth: {',
      '    currentActor: (req: Request): User | null => null,',
      "    authorize: (user, action) => user.role === 'admin' || action === 'jobs.view',",
      "    auditPrincipal: (user) => ({ id: user.id, type: 'user', label: user.id }),",
      '  },',
      '});',
      'toExpress(opsJobs);',
      'toKoa(opsJobs);',
      'toExpressMiddleware;',
    ].join('\n'),
  };
  const [output = ''] = await check([broken]);
  // An export the package does not have, from its declarations in dist/.
  assert.match(output, /docs\/broken\.md:12:\d+: error TS2305: Module '"ops-jobs\/express"' has no exported member 'toExpressMiddleware'/);
  // The operator type comes from currentActor: `user` is a User, which has no `role`.
  assert.match(output, /docs\/broken\.md:21:\d+: error TS\d+: Property 'role' does not exist on type 'User'/);
  // A console whose currentActor reads an Express request cannot be mounted on Koa.
  assert.match(output, /docs\/broken\.md:26:\d+: error TS2345: /);
  assert.equal(output.match(/error TS/g)?.length, 3, output);
});
