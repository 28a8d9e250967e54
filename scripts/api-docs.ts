// Writes the API reference, Markdown generated from the TSDoc of the built declarations, to
// api-reference/. API Extractor reads one entry point per run, so each of the package's entry
// points (`ops-jobs`, `ops-jobs/express`, ...) is its own run and its own package in the model;
// API Documenter then writes one set of pages for all of them. Run `npm run docs:api`.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel, type IConfigFile } from '@microsoft/api-extractor';

const root = new URL('..', import.meta.url).pathname;
const output = join(root, 'api-reference');
const models = join(output, '.models');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  version: string;
  exports: Record<string, string | { types?: string }>;
};

await rm(output, { recursive: true, force: true });
await mkdir(models, { recursive: true });

/** `.` is `ops-jobs`; `./express` is `ops-jobs-express`, since a package name in the model cannot hold a slash. */
const modelName = (entry: string) => (entry === '.' ? 'ops-jobs' : `ops-jobs-${entry.slice(2)}`);

let failed = false;
for (const [entry, target] of Object.entries(pkg.exports)) {
  if (typeof target === 'string' || !target.types) continue;
  const configObject: IConfigFile = {
    projectFolder: root,
    mainEntryPointFilePath: join(root, target.types),
    compiler: {
      overrideTsconfig: {
        compilerOptions: {
          target: 'es2023', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2023', 'dom', 'dom.iterable'],
          types: ['node'], strict: true, skipLibCheck: true, experimentalDecorators: true,
        },
      },
    },
    apiReport: { enabled: false, reportFileName: modelName(entry) },
    docModel: { enabled: true, apiJsonFilePath: join(models, `${modelName(entry)}.api.json`) },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      extractorMessageReporting: {
        // Release tags (@public, @beta) are not used here: everything exported is public.
        'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
        // Types used by an entry point but exported from another one.
        'ae-forgotten-export': { logLevel: ExtractorLogLevel.None },
      },
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
    },
  };
  const config = ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: undefined,
    packageJsonFullPath: join(root, 'package.json'),
    packageJson: { name: modelName(entry), version: pkg.version },
  });
  const result = Extractor.invoke(config, { localBuild: true });
  console.log(`${entry === '.' ? 'ops-jobs' : `ops-jobs/${entry.slice(2)}`}: ${result.succeeded ? 'ok' : `${result.errorCount} errors`}`);
  failed ||= !result.succeeded;
}
if (failed) process.exit(1);

execFileSync(join(root, 'node_modules/.bin/api-documenter'), ['markdown', '--input-folder', models, '--output-folder', output], { stdio: 'inherit' });
await rm(models, { recursive: true, force: true });
console.log(`API reference: ${output}/index.md`);
