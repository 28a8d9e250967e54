// The console in German and right to left, in real Chromium with the real bundle: every view the
// operator can reach shows no English string of the catalog (text, labels, titles, placeholders),
// the console marks itself lang="de", the locale attribute switches a view in place, numbers and
// dates follow the locale, axe finds nothing in German nor right to left, and right to left mirrors
// the layout (a screenshot is written for a person to look at).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { catalog } from '../../elements/locales/de.ts';
import { actionApi, auditRecords, OPERATOR_SESSION } from './support/action-fixtures.ts';
import { describeViolations, violations } from './support/axe.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { settled } from './support/console-page.ts';
import { failedJobDetail, problem } from './support/fixtures.ts';
import { startServer, type ApiHandler, type TestServer } from './support/server.ts';

const now = Date.now();
const { api } = actionApi(now);
const failed = failedJobDetail(now);
const records = auditRecords(now);
const pending = records.find((record) => record.outcome === 'pending')!;
let browser: Browser;
let server: TestServer;

before(async () => {
  browser = await launchChromium();
  server = await startServer({ api });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface Place {
  readonly name: string;
  readonly path: string;
  readonly api?: ApiHandler;
  readonly enter?: (page: Page) => Promise<void>;
}

const withSession = (handler: (path: string) => ReturnType<ApiHandler> | undefined): ApiHandler => (path, url, request) => handler(path) ?? api(path, url, request);

// An operator who may pause a queue whose engine can, and who can sign out: the queue's own action and its preview.
const queueActionApi: ApiHandler = async (path, url, request) => {
  if (path === 'session') return { body: { ...OPERATOR_SESSION, signOutUrl: '/logout', engine: { ...OPERATOR_SESSION.engine, queueActions: ['queue.pause', 'queue.resume'] } } };
  if (path === 'actions/preview' && request?.method === 'POST') {
    return { body: { token: 'pv-queue', expiresAt: new Date(now + 300_000).toISOString(), action: 'queue.pause', queue: 'email-send', count: 1, sample: [], warnings: [], queueJobs: { queued: 1204, active: 3 } } };
  }
  const answer = await api(path, url, request);
  return path === 'queues/email-send' && typeof answer === 'object' ? { ...answer, body: { ...(answer.body as object), paused: false } } : answer;
};

// Every view, the action dialog at each step, and the error states, as the German operator meets them.
const PLACES: readonly Place[] = [
  { name: 'queue list', path: '' },
  { name: 'jobs of a queue', path: 'queues/email-send' },
  { name: 'failed jobs with a selection', path: 'queues/email-send?state=failed', enter: async (page) => {
    await settled(page);
    await page.locator('td.select input').first().check();
  } },
  { name: 'no jobs in a state', path: 'queues/email-send-dlq?state=queued' },
  { name: 'failed job', path: `queues/email-send/jobs/${failed.id}` },
  { name: 'action dialog: preview', path: `queues/email-send/jobs/${failed.id}`, enter: async (page) => {
    await settled(page);
    await page.getByRole('group', { name: 'Aktionen für diesen Job' }).getByRole('button', { name: 'Wiederholen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Weiter' }).waitFor();
  } },
  { name: 'action dialog: reason', path: 'queues/email-send?state=failed', enter: async (page) => {
    await settled(page);
    await page.getByRole('group', { name: /^Aktionen für Jobs in / }).getByRole('button', { name: /^Wiederholen: alle 127 Jobs/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: /^Warum 127 Jobs wiederholen/ }).waitFor();
    await page.getByRole('dialog').locator('[part="confirm"]').click();
    await page.getByText(/^Schreiben Sie mindestens \d+ Zeichen/).waitFor();
  } },
  { name: 'action dialog: done', path: `queues/email-send/jobs/${failed.id}`, enter: async (page) => {
    await settled(page);
    await page.getByRole('group', { name: 'Aktionen für diesen Job' }).getByRole('button', { name: 'Wiederholen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Weiter' }).click();
    await dialog.getByRole('textbox').fill('Ausfall beim Anbieter ist vorbei');
    await dialog.locator('[part="confirm"]').click();
    await dialog.getByRole('button', { name: 'Fertig' }).waitFor();
  } },
  { name: 'queue action dialog: preview', path: 'queues/email-send', api: queueActionApi, enter: async (page) => {
    await settled(page);
    await page.getByRole('button', { name: 'Warteschlange pausieren' }).click();
    await page.getByRole('dialog').getByText('Ihre 1.204 wartenden Jobs warten weiter.').waitFor();
  } },
  { name: 'audit log', path: 'audit' },
  { name: 'audit record', path: `audit/${records[1]!.id}` },
  { name: 'audit record, open intent', path: `audit/${pending.id}` },
  { name: 'audit log, nothing found', path: 'audit?queue=nowhere' },
  { name: 'no such job', path: 'queues/email-send/jobs/missing' },
  { name: 'not found', path: 'nowhere/at/all' },
  { name: 'error state', path: 'queues/email-send', api: withSession((path) => (path.startsWith('queues/email-send/jobs') ? problem(500, 'Internal Server Error', 'The engine did not answer.') : undefined)), enter: (page) => page.getByRole('alert').first().waitFor() },
  { name: 'signed out (401)', path: '', api: withSession((path) => (path === 'session' ? problem(401, 'Sign in required', 'No operator is signed in.') : undefined)), enter: (page) => page.getByRole('heading', { name: 'Sie sind abgemeldet' }).waitFor() },
];

/** Sets the console's attributes (and the page's direction) as a host page would write them. */
async function host(page: Page, attributes: Record<string, string>, dir?: 'rtl'): Promise<void> {
  await page.addInitScript(({ attributes, dir }) => {
    new MutationObserver((_, observer) => {
      if (dir && document.documentElement) document.documentElement.dir = dir;
      const element = document.querySelector('ops-jobs-console');
      if (!element) return;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, { attributes, dir });
}

async function visit(page: Page, place: Place): Promise<void> {
  server.api = place.api ?? api;
  await page.goto(server.url(place.path));
  await page.locator('ops-jobs-console[lang="de"]').waitFor();
  await (place.enter ? place.enter(page) : settled(page));
}

/** Every text node, and every label, title, placeholder and mobile column label, through shadow roots. */
function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.currentNode as Node | null; node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement?.localName;
          if (parent !== 'style' && parent !== 'script') found.push(node.textContent ?? '');
          continue;
        }
        if (!(node instanceof Element)) continue;
        const element = node;
        for (const name of ['aria-label', 'title', 'placeholder', 'data-label', 'label']) {
          const value = element.getAttribute(name);
          if (value) found.push(value);
        }
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document.body);
    found.push(document.title);
    return found.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
}

// The English side of the catalog, as patterns: a placeholder stands for any text. Strings German
// writes the same way, and patterns with too few letters of their own to tell ("{count} jobs {done}"
// would match any sentence with "jobs" in it), are left out.
const ENGLISH = Object.entries(catalog)
  .flatMap(([english, german]) => (typeof german === 'string' ? (german === english ? [] : [english]) : [english, german.one === english ? '' : english]))
  .filter((english) => {
    const letters = english.replace(/\{\w+\}/g, '').replace(/[^A-Za-z]/g, '').length;
    return english.includes('{') ? letters >= 8 : letters >= 4;
  })
  .map((english) => ({
    english,
    pattern: new RegExp(`^${english.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '.+')}$`),
  }));

// What the fixtures hold that happens to read as a catalog string: the failed job's error class.
const DATA = new Set(['Error']);

function englishIn(texts: readonly string[]): string[] {
  const left: string[] = [];
  for (const text of texts) {
    if (DATA.has(text)) continue;
    const hit = ENGLISH.find(({ pattern }) => pattern.test(text));
    if (hit) left.push(`"${text}" (English "${hit.english}")`);
  }
  return [...new Set(left)];
}

describe('the console in German', () => {
  it('shows no English string of the catalog in any view, dialog step or error state', async () => {
    const found: string[] = [];
    for (const place of PLACES) {
      const { page, errors } = await openPage(browser, { width: 1280, height: 900 });
      try {
        await host(page, { locale: 'de' });
        await visit(page, place);
        found.push(...englishIn(await shownTexts(page)).map((text) => `${place.name}: ${text}`));
        assert.deepEqual(errors.filter((error) => error.startsWith('pageerror')), [], place.name);
      } finally {
        await page.context().close();
      }
    }
    server.api = api;
    assert.deepEqual(found, []);
  });

  it('marks itself lang="de", formats numbers and dates in German, and switches back when the attribute changes', async () => {
    const { page } = await openPage(browser, { width: 1280, height: 900 });
    await host(page, { locale: 'de' });
    await visit(page, { name: 'failed job', path: `queues/email-send/jobs/${failed.id}` });
    const console_ = page.locator('ops-jobs-console');
    assert.equal(await console_.getAttribute('lang'), 'de');
    assert.equal(await page.locator('h1').first().innerText(), `Job ${failed.id.slice(0, 8)}`);
    // An exact time in German: "5. Dez. 2026, 03:12:09 UTC".
    assert.match(await page.locator('ops-jobs-chronology ops-jobs-relative-time').first().locator('time').innerText(), /^\d{1,2}\. \S+ \d{4}, \d\d:\d\d:\d\d \S+$/);
    assert.match(await page.title(), /^Job \w{8} · email-send · Jobs$/);
    await console_.evaluate((element) => element.setAttribute('locale', 'en'));
    await page.getByRole('heading', { name: 'Chronology' }).waitFor();
    assert.equal(await console_.getAttribute('lang'), 'en');
    assert.match(await page.locator('ops-jobs-chronology ops-jobs-relative-time').first().locator('time').innerText(), /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d:\d\d [AP]M \S+$/);
    await console_.evaluate((element) => element.setAttribute('locale', 'de-CH'));
    await page.getByRole('heading', { name: 'Chronik' }).waitFor();
    assert.equal(await console_.getAttribute('lang'), 'de');
    await console_.evaluate((element) => element.removeAttribute('locale'));
    await page.getByRole('heading', { name: 'Chronology' }).waitFor();
    await page.context().close();
  });

  it('counts in German: grouping, plural forms', async () => {
    const { page } = await openPage(browser, { width: 1280, height: 900 });
    await host(page, { locale: 'de' });
    await visit(page, { name: 'failed jobs', path: 'queues/email-send?state=failed' });
    const bulk = page.getByRole('group', { name: /^Aktionen für Jobs in / });
    await bulk.getByRole('button', { name: /^Wiederholen: alle 127 Jobs im Status „fehlgeschlagen“$/ }).waitFor();
    await page.locator('td.select input').first().check();
    await bulk.getByRole('button', { name: 'Wiederholen: 1 ausgewählte' }).waitFor();
    await page.context().close();
  });
});

describe('axe in German and right to left', () => {
  for (const [mode, dir] of [['German', undefined], ['German, right to left', 'rtl']] as const) {
    it(`finds no violation: ${mode}`, async () => {
      const found: string[] = [];
      for (const place of PLACES) {
        const { page } = await openPage(browser, { width: 1280, height: 900 });
        try {
          await host(page, { locale: 'de' }, dir);
          await visit(page, place);
          found.push(...describeViolations(place.name, await violations(page)));
        } finally {
          await page.context().close();
        }
      }
      server.api = api;
      assert.deepEqual(found, []);
    });
  }
});

describe('right to left', () => {
  it('mirrors the layout: the header, the tables and the icons that point', async () => {
    const { page } = await openPage(browser, { width: 1280, height: 900 });
    await host(page, { locale: 'de' }, 'rtl');
    await visit(page, { name: 'failed job', path: `queues/email-send/jobs/${failed.id}` });
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const brand = await box('a.brand');
    const live = await box('[part="live"]');
    assert.ok(brand.x > live.x, `the brand (x ${brand.x}) starts the header on the right, the live indicator (x ${live.x}) is left of it`);
    const facts = await box('[part="facts"]');
    const chronology = await box('[part="chronology"]');
    assert.ok(chronology.x < facts.x + facts.width / 2, 'the chronology column is on the left');
    await page.locator('ops-jobs-chronology a.all').waitFor();
    const arrow = await page.locator('ops-jobs-chronology a.all svg.icon').first().evaluate((icon) => getComputedStyle(icon).transform);
    assert.equal(arrow, 'matrix(-1, 0, 0, 1, 0, 0)', 'the arrow points left');
    await mkdir(new URL('../../dist/screenshots/', import.meta.url), { recursive: true });
    await page.screenshot({ path: new URL('../../dist/screenshots/rtl-job.png', import.meta.url).pathname, fullPage: true });
    await visit(page, { name: 'jobs', path: 'queues/email-send' });
    const heads = await page.locator('thead th').evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().x));
    assert.ok(heads.length > 3 && heads.every((x, index) => index === 0 || x < heads[index - 1]!), 'table columns run right to left');
    await page.screenshot({ path: new URL('../../dist/screenshots/rtl-jobs.png', import.meta.url).pathname, fullPage: true });
    await page.context().close();
  });
});
