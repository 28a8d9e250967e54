// The element fixture tests (test/components/*.browser-test.ts), each element rendered on its own
// in Debian's Chromium. `npm test` runs them through test/components/web-test-runner.test.ts.
import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const ELEMENT_SOURCE = /^elements\/[a-z-]+\/[a-z-]+\.ts$/;

// `/__element-docs?file=elements/<dir>/<name>.ts` answers the `@csspart` and `@cssprop` names of
// that element's doc comment, read from the source (the served modules have no comments left), so
// a fixture test can hold the rendered element to what its documentation promises.
const elementDocs = {
  name: 'element-docs',
  async serve(context) {
    if (context.path !== '/__element-docs') return undefined;
    const file = context.URL.searchParams.get('file') ?? '';
    if (!ELEMENT_SOURCE.test(file)) return undefined;
    const source = await readFile(new URL(`./${file}`, import.meta.url), 'utf8');
    const tags = (tag) => [...source.matchAll(new RegExp(`^\\s*\\* @${tag} (\\S+)`, 'gm'))].map((match) => match[1]);
    return { body: JSON.stringify({ parts: tags('csspart'), cssprops: tags('cssprop') }), type: 'json' };
  },
};

// cronstrue ships a UMD build only; the Rollup build turns it into a module, and so does this for
// the fixture pages: the UMD code fills `module.exports`, which becomes the default export. Its
// German locale, UMD too, requires cronstrue itself to register with it.
const umdAsModule = {
  name: 'umd-as-module',
  transform(context) {
    const locale = context.path.includes('/node_modules/cronstrue/locales/');
    if (!locale && !context.path.includes('/node_modules/cronstrue/dist/')) return undefined;
    const requires = locale ? `import cronstrue from 'cronstrue';\nconst require = () => cronstrue;\n` : '';
    return { body: `${requires}const module = { exports: {} };\nconst exports = module.exports;\n${context.body}\nexport default module.exports;\n` };
  },
};

export default {
  files: 'test/components/**/*.browser-test.ts',
  nodeResolve: true,
  plugins: [
    elementDocs,
    umdAsModule,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
};
