// `ops-jobs init` in a real host project: what it writes for Express and Koa, in TypeScript and
// JavaScript; that it overwrites nothing without --force; and that what it wrote type-checks,
// imports, mounts the console on a real app, and is what the doctor calls a starter.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import { askFramework } from '../../../cli/init/ask.ts';
import { hostProject, type HostProject } from './support/host-project.ts';
import { startGeneratedApp } from './support/generated-app.ts';
import { DATABASE_URL } from '../support/database.ts';
import { reportOf, root, runCli } from './support/run-cli.ts';

const FILES = ['ops-jobs/auth', 'ops-jobs/display-policy', 'ops-jobs/options', 'ops-jobs/mount', 'ops-jobs.config'];
const projects: HostProject[] = [];
after(() => Promise.all(projects.map((project) => project.remove())));

async function project(packageJson?: Record<string, unknown>): Promise<string> {
  const created = await hostProject(packageJson);
  projects.push(created);
  return created.dir;
}

async function sessionAs(url: string, role?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/ops/jobs/api/session`, { headers: role ? { 'x-test-role': role } : {} });
  return { status: response.status, body: await response.json() };
}

describe('init', { timeout: 120_000 }, () => {
  test('Express, JavaScript in an ES module project: five .js files, the seams marked as starters', async () => {
    const dir = await project({ name: 'host', type: 'module' });
    const run = await runCli(['init', '--framework', 'express'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    for (const file of FILES) {
      assert.ok(existsSync(join(dir, `${file}.js`)), `${file}.js written`);
      assert.match(run.stdout, new RegExp(`${file}\\.js`));
    }
    assert.match(await readFile(join(dir, 'ops-jobs/auth.js'), 'utf8'), /^\s+starter: true,$/m);
    assert.match(await readFile(join(dir, 'ops-jobs/display-policy.js'), 'utf8'), /^\s+starter: true,$/m);
    assert.match(await readFile(join(dir, 'ops-jobs/mount.js'), 'utf8'), /toExpress\(opsJobs\)/);
    assert.match(run.stdout, /npx ops-jobs migrate/);
  });

  test('never overwrites without --force: writes nothing at all when one file exists; --force writes them all', async () => {
    const dir = await project({ name: 'host', type: 'module' });
    assert.equal((await runCli(['init', '--framework', 'express'], { cwd: dir })).code, 0);
    await writeFile(join(dir, 'ops-jobs/auth.js'), '// my own auth seam\n');
    await rm(join(dir, 'ops-jobs/mount.js'));

    const again = await runCli(['init', '--framework', 'express'], { cwd: dir });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /nothing written/);
    assert.match(again.stderr, /ops-jobs\/auth\.js/);
    assert.match(again.stderr, /--force/);
    assert.equal(await readFile(join(dir, 'ops-jobs/auth.js'), 'utf8'), '// my own auth seam\n');
    assert.equal(existsSync(join(dir, 'ops-jobs/mount.js')), false, 'not even the missing file is written');

    const forced = await runCli(['init', '--framework', 'express', '--force'], { cwd: dir });
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /ops-jobs\/auth\.js .*\(overwritten\)/);
    assert.match(await readFile(join(dir, 'ops-jobs/auth.js'), 'utf8'), /starter: true/);
    assert.ok(existsSync(join(dir, 'ops-jobs/mount.js')));
  });

  test('Koa, JavaScript in a CommonJS project: .mjs files that import, mount on a real Koa app and enforce the starter roles', async () => {
    const dir = await project({ name: 'host' });
    const run = await runCli(['init', '--framework', 'koa', '--dir', dir]);
    assert.equal(run.code, 0, run.stderr);
    for (const file of FILES) assert.ok(existsSync(join(dir, `${file}.mjs`)), `${file}.mjs written`);
    assert.match(await readFile(join(dir, 'ops-jobs/mount.mjs'), 'utf8'), /toKoa\(opsJobs\)/);

    const app = await startGeneratedApp(dir, 'koa', '.mjs');
    try {
      assert.equal((await sessionAs(app.url)).status, 401);
      const viewer = await sessionAs(app.url, 'viewer');
      assert.equal(viewer.status, 200);
      assert.equal(viewer.body.actor.label, 'viewer@example.com');
      assert.equal(viewer.body.permissions['jobs.view'], true);
      assert.equal(viewer.body.permissions['job.retry'], false);
      const operator = await sessionAs(app.url, 'operator');
      assert.equal(operator.body.permissions['job.retry'], true);
      assert.equal(operator.body.permissions['job.delete'], false);
      const stranger = await sessionAs(app.url, 'intern');
      assert.equal(stranger.body.permissions['queues.view'], false, 'a role the table does not list may do nothing');
    } finally {
      await app.close();
    }
  });

  test('Express, TypeScript where tsconfig.json exists: .ts files that type-check strictly and run on Node', async () => {
    const dir = await project({ name: 'host', type: 'module' });
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, module: 'nodenext', moduleResolution: 'nodenext',
        target: 'es2023', noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, types: ['node'], lib: ['es2023', 'dom'],
      },
      include: ['ops-jobs', 'ops-jobs.config.ts'],
    }));
    const run = await runCli(['init', '--framework', 'express'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    for (const file of FILES) assert.ok(existsSync(join(dir, `${file}.ts`)), `${file}.ts written`);
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });

    const app = await startGeneratedApp(dir, 'express', '.ts');
    try {
      assert.equal((await sessionAs(app.url)).status, 401);
      const admin = await sessionAs(app.url, 'admin');
      assert.equal(admin.status, 200);
      assert.equal(admin.body.permissions['audit.export'], true);
    } finally {
      await app.close();
    }
  });

  test('Koa in TypeScript type-checks too; --lang js wins over tsconfig.json', async () => {
    const dir = await project({ name: 'host', type: 'module' });
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2023', noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, types: ['node'] },
      include: ['ops-jobs', 'ops-jobs.config.ts'],
    }));
    assert.equal((await runCli(['init', '--framework', 'koa'], { cwd: dir })).code, 0);
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });
    const js = await project({ name: 'host', type: 'module' });
    await writeFile(join(js, 'tsconfig.json'), '{}');
    assert.equal((await runCli(['init', '--framework', 'koa', '--lang', 'js'], { cwd: js })).code, 0);
    assert.ok(existsSync(join(js, 'ops-jobs/auth.js')));
  });

  test('the doctor calls what init wrote a starter: an error in production, exit 2', async () => {
    const dir = await project({ name: 'host', type: 'module' });
    assert.equal((await runCli(['init', '--framework', 'express'], { cwd: dir })).code, 0);
    const run = await runCli(['doctor', '--json'], { cwd: dir, env: { NODE_ENV: 'production', DATABASE_URL } });
    const report = reportOf(run);
    assert.equal(run.code, 2);
    const severities = Object.fromEntries(report.findings.map((finding) => [finding.id, finding.severity]));
    assert.equal(severities['config'], 'ok');
    assert.equal(severities['auth.starter'], 'error');
    assert.equal(severities['display.starter'], 'error');
    assert.equal(severities['permissions.read-only'], 'ok', "the starter's viewer role changes nothing");
  });

  test('without --framework and without a terminal to ask on, it says which flag to pass', async () => {
    const dir = await project({ name: 'host', type: 'module' });
    const run = await runCli(['init'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--framework express or --framework koa/);
    assert.equal(existsSync(join(dir, 'ops-jobs')), false);
    assert.equal((await runCli(['init', '--framework', 'hapi'], { cwd: dir })).code, 2);
    assert.equal((await runCli(['init', '--framework', 'koa', '--mount', 'ops/'], { cwd: dir })).code, 2);
  });

  test('on a terminal it asks for the framework until the answer is one it knows', async () => {
    // Answers one prompt at a time, as a person at the terminal does.
    const converse = async (answers: string[]) => {
      const input = new PassThrough();
      const output = new PassThrough();
      let asked = '';
      output.on('data', (chunk: Buffer) => {
        asked += chunk.toString();
        if (chunk.toString().includes('[express]')) input.write(`${answers.shift()}\n`);
      });
      return { framework: await askFramework(input, output), asked };
    };
    const { framework, asked } = await converse(['hapi', 'Koa']);
    assert.equal(framework, 'koa');
    assert.match(asked, /express\/koa/);
    assert.match(asked, /Please answer express or koa/);
    assert.equal((await converse([''])).framework, 'express');
  });
});
