// The message catalog is complete: every string the elements show goes through msg() or plural()
// with literal text, the German catalog translates each of them (and holds nothing else), keeps
// every placeholder, and gives both German plural forms. Also: the server's own pages come in the
// same two languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageCopy } from '../../core/http/page-copy.ts';
import { consoleShell } from '../../core/http/shell.ts';
import { forbiddenPage, signedOutPage } from '../../core/http/status-pages.ts';
import { catalog } from '../../elements/locales/de.ts';
import { sourceMessages } from './support/catalog-source.ts';

const source = await sourceMessages();
const messages = new Set([...source.messages.values()].flat());
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

// Words that are the same in German: names of things, technical terms and loanwords.
const SAME_IN_GERMAN = new Set(['Live', 'Median', 'Job', 'Jobs', 'Details', 'Heartbeat', 'in', 'Job {id}', 'Job {id} in {queue}', 'Jobs in {queue}', 'in {queue}', '{verb} in {queue}']);

describe('message catalog', () => {
  it('reads every msg() and plural() call in the elements as literal text', () => {
    assert.deepEqual(source.unreadable, []);
    assert.ok(messages.size > 300, `${messages.size} strings found`);
    assert.ok(source.plurals.size > 25, `${source.plurals.size} plural phrases found`);
  });

  it('has a German text for every string, and none the elements do not use', () => {
    const missing = [...messages].filter((text) => typeof catalog[text] !== 'string');
    const missingPlurals = [...source.plurals.keys()].filter((other) => typeof catalog[other] !== 'object');
    assert.deepEqual(missing, [], 'strings without a German text');
    assert.deepEqual(missingPlurals, [], 'plural phrases without German forms');
    const unused = Object.keys(catalog).filter((key) => !messages.has(key) && !source.plurals.has(key));
    assert.deepEqual(unused, [], 'German texts no element uses');
  });

  it('keeps every placeholder, and gives one and other forms for each plural', () => {
    for (const text of messages) {
      const german = catalog[text] as string;
      assert.deepEqual(placeholders(german), placeholders(text), `placeholders of "${text}"`);
    }
    for (const [other, one] of source.plurals) {
      const forms = catalog[other] as Record<string, string>;
      assert.equal(typeof forms.one, 'string', `one form of "${other}"`);
      assert.equal(typeof forms.other, 'string', `other form of "${other}"`);
      for (const form of [forms.one!, forms.other!]) {
        const allowed = new Set([...placeholders(other), ...placeholders(one), 'count']);
        for (const name of placeholders(form)) assert.ok(allowed.has(name), `{${name}} in "${form}" is given by "${other}"`);
      }
      assert.deepEqual(placeholders(forms.other!), placeholders(other), `placeholders of the other form of "${other}"`);
    }
  });

  it('translates: no German text is the English one, but for words German shares', () => {
    const same = [...messages].filter((text) => catalog[text] === text);
    assert.deepEqual(same.filter((text) => !SAME_IN_GERMAN.has(text)), []);
  });
});

describe('server pages', () => {
  it('come in German for a German locale, in English otherwise, each text translated', () => {
    const english = pageCopy(null);
    const german = pageCopy('de-AT');
    assert.equal(german.lang, 'de');
    assert.equal(pageCopy('fr').lang, 'en');
    assert.equal(pageCopy('en-GB'), english);
    for (const key of Object.keys(english) as Array<keyof typeof english>) {
      if (key === 'lang' || key === 'brand') continue;
      assert.notEqual(german[key], english[key], `${key} is translated`);
    }
  });

  it('mark the shell with the language and hand the console its locale; the 401 and 403 pages follow it', async () => {
    const assets = { entry: 'entry.js', preload: [], lazy: () => [], get: () => Promise.resolve(null) };
    const german = await (await consoleShell('/', '', assets, 'de-AT')).text();
    assert.match(german, /<html lang="de">/);
    assert.match(german, /<ops-jobs-console root="\.\/" locale="de-AT"><\/ops-jobs-console>/);
    const english = await (await consoleShell('/', '', assets)).text();
    assert.match(english, /<html lang="en">/);
    assert.match(english, /<ops-jobs-console root="\.\/"><\/ops-jobs-console>/);
    const signedOut = await (await signedOutPage('/login', 'de')).text();
    assert.match(signedOut, /<html lang="de">.*<h1>Anmeldung erforderlich<\/h1>.*>Anmelden<\/a>.*>Erneut versuchen<\/a>/s);
    const forbidden = await (await forbiddenPage('Nur für das Finanzteam.', { signOutUrl: '/logout', signInUrl: null }, 'de')).text();
    assert.match(forbidden, /<h1>Kein Zugriff auf die Job-Konsole<\/h1>.*Nur für das Finanzteam\..*>Abmelden oder Person wechseln<\/a>/s);
    assert.match(await (await signedOutPage(null)).text(), /<html lang="en">.*Sign in required/s);
  });
});
