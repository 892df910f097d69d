// Taawun's pages in a real browser: Debian's Chromium, driven by playwright-core.
// Starts the `taawun` binary (TAAWUN_BIN, default target/debug/taawun) on a free port with a
// fresh data directory, checks the Arabic right-to-left layout and the English left-to-right one,
// and keeps screenshots in screenshots/ for people to look at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.env.TAAWUN_BIN ?? resolve(here, '../../target/debug/taawun');
const shots = join(here, 'screenshots');
// The real HRC voting records, read in place (never copied into the repository).
const sharedDir = process.env.TAAWUN_SHARED_DIR ?? resolve(here, '../../../shared');
mkdirSync(shots, { recursive: true });

let server;
let baseUrl;
let browser;
let dataDir;
let invitationPath;

// Runs an import of the command line; false (and why, on stderr) when this build has no such
// command or it fails.
before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'taawun-browser-'));
  execFileSync(binary, ['import', 'votes', '--format', 'hrc', '--data-dir', dataDir,
    join(sharedDir, 'data/votes/hrc')], {
    env: { ...process.env, RUST_LOG: 'error', TAAWUN_DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The General Assembly's roll calls too: outcomes, dates and kinds are checked on them.
  execFileSync(binary, ['import', 'votes', '--format', 'unga', '--data-dir', dataDir,
    join(sharedDir, 'data/votes/unga')], {
    env: { ...process.env, RUST_LOG: 'error', TAAWUN_DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The first administrator's invitation, as an operator would make it.
  const printed = execFileSync(binary, ['users', 'create-admin', 'admin@example.org', '--data-dir', dataDir], {
    env: { ...process.env, RUST_LOG: 'error', TAAWUN_DATABASE_URL: '' },
  }).toString();
  invitationPath = printed.match(/\/invitations\/[A-Za-z0-9_-]+/)[0];
  server = spawn(binary, ['serve', '--addr', '127.0.0.1:0', '--data-dir', dataDir], {
    env: { ...process.env, RUST_LOG: 'error', TAAWUN_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  baseUrl = await new Promise((resolveUrl, reject) => {
    let seen = '';
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/http:\/\/[0-9.:]+/);
      if (match) resolveUrl(match[0]);
    });
    server.on('exit', (code) => reject(new Error(`taawun exited with ${code}`)));
    setTimeout(() => reject(new Error('taawun did not print its address in 20 s')), 20000);
  });
  // The Council's outcome decision on Slovenia's review, from the UN's PDF itself: imported
  // once the server has started (and put the example resolution into the empty registry).
  execFileSync(binary, ['import', 'resolution', '--data-dir', dataDir,
    join(sharedDir, 'data/upr/ohchr-slovenia/A_HRC_DEC_59_112-outcome-decision.pdf')], {
    env: { ...process.env, RUST_LOG: 'error', TAAWUN_DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The review's records (UPR Info's compilation) and the SDG framework: the UPR tests below
  // check the pages with the real data.
  for (const args of [['import', 'sdg', '--data-dir', dataDir, join(sharedDir, 'data/sdg')],
    ['import', 'upr', '--format', 'upr-info', '--data-dir', dataDir, join(sharedDir, 'data/upr')]]) {
    execFileSync(binary, args, {
      env: { ...process.env, RUST_LOG: 'error', TAAWUN_DATABASE_URL: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  // The server may still be writing its data directory (the search index) when it is told to
  // stop: wait until it has exited before removing it.
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolveExit) => server.once('exit', resolveExit));
    server.kill();
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

async function pageIn(lang) {
  const context = await browser.newContext({
    locale: lang,
    extraHTTPHeaders: { 'Accept-Language': lang },
    viewport: { width: 1200, height: 900 },
  });
  return context.newPage();
}

test('the Arabic home page is laid out right to left', async () => {
  const page = await pageIn('ar');
  await page.goto(`${baseUrl}/`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
  // The brand starts the header: on the right in Arabic.
  const brand = await page.locator('header .brand').boundingBox();
  assert.ok(brand.x > 600, `brand at x=${brand.x} should be on the right`);
  await page.screenshot({ path: join(shots, 'home-ar.png'), fullPage: true });
});

test('codes and numbers inside Arabic text stay left to right', async () => {
  const page = await pageIn('ar');
  await page.goto(`${baseUrl}/states/VNM`);
  const code = page.locator('h1 bdi.code');
  assert.equal(await code.textContent(), 'VNM');
  assert.equal(await code.evaluate((el) => getComputedStyle(el).direction), 'ltr');
  const heading = await page.locator('h1').textContent();
  assert.ok(heading.includes('فييت نام'), heading);
  // The English name row is isolated left-to-right inside the Arabic page.
  const english = page.locator('td[lang="en"]');
  assert.equal(await english.evaluate((el) => getComputedStyle(el).direction), 'ltr');
  await page.screenshot({ path: join(shots, 'state-ar.png'), fullPage: true });
});

test('the Arabic list puts its first column on the right', async () => {
  const page = await pageIn('ar');
  await page.goto(`${baseUrl}/states?group=african&status=member&per_page=10`);
  const first = await page.locator('thead th').first().boundingBox();
  const last = await page.locator('thead th').last().boundingBox();
  assert.ok(first.x > last.x, 'the name column is the rightmost');
  assert.ok(await page.locator('nav.pager a').count() > 0, 'a pager for 54 States at 10 a page');
  await page.screenshot({ path: join(shots, 'states-ar.png'), fullPage: true });
});

test('English is left to right and the switcher changes the language', async () => {
  const page = await pageIn('en');
  await page.goto(`${baseUrl}/states?group=african&status=member&per_page=10`);
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  const first = await page.locator('thead th').first().boundingBox();
  const last = await page.locator('thead th').last().boundingBox();
  assert.ok(first.x < last.x);
  await page.screenshot({ path: join(shots, 'states-en.png'), fullPage: true });
  await page.click('nav.languages a[hreflang="ar"]');
  await page.waitForLoadState();
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.ok(page.url().includes('/states?'), page.url());
});

test('the keyboard reaches the skip link first', async () => {
  const page = await pageIn('ar');
  await page.goto(`${baseUrl}/`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
});

test('the resolver form finds a State from a damaged Arabic name', async () => {
  const page = await pageIn('ar');
  await page.goto(`${baseUrl}/`);
  await page.fill('#name', 'الكامبيون');
  await page.press('#name', 'Enter');
  await page.waitForURL(/\/states\/resolve/);
  assert.ok(await page.locator('a[href="/states/CMR"]').count() > 0);
  await page.screenshot({ path: join(shots, 'resolve-ar.png'), fullPage: true });
});

test('a resolution keeps its Arabic text right to left inside an English page', async () => {
  const page = await pageIn('en');
  await page.goto(`${baseUrl}/resolutions/A/HRC/RES/56/2`);
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  const text = page.locator('article.resolution-text');
  assert.equal(await text.evaluate((el) => getComputedStyle(el).direction), 'rtl');
  // Operative paragraph 22 is reachable by its anchor and starts at the right edge of the text.
  await page.goto(`${baseUrl}/resolutions/A/HRC/RES/56/2#op-22`);
  const op = await page.locator('#op-22').boundingBox();
  const article = await text.boundingBox();
  assert.ok(op.x + op.width > article.x + article.width - 5, 'the paragraph hugs the right edge');
  // Footnote markers link to their notes.
  assert.ok(await page.locator('article a[href="#fn-1"]').count() > 0);
  await page.screenshot({ path: join(shots, 'resolution-en.png'), fullPage: false });
});

test('the vote table lists States by regional group in Arabic', async () => {
  const page = await pageIn('ar');
  await page.goto(`${baseUrl}/resolutions/A/HRC/RES/56/2#vote`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const rows = page.locator('table.vote tbody tr');
  assert.ok(await rows.count() >= 4, 'several regional groups voted');
  assert.ok(await page.locator('table.vote a[href="/states/CMR/votes?body=human-rights-council"]').count() === 1, 'each State leads to its Council voting record');
  await page.locator('#vote').screenshot({ path: join(shots, 'vote-ar.png') });
});

// Pages must not need anything the Content-Security-Policy forbids (inline styles, scripts).
function watchConsole(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

test('the vote charts lay out right to left in Arabic and need no inline style', async () => {
  const page = await pageIn('ar');
  const errors = watchConsole(page);
  await page.goto(`${baseUrl}/resolutions/A/HRC/RES/56/2`);
  const charts = page.locator('#vote figure.chart svg');
  assert.equal(await charts.count(), 2, 'a bar chart and a world map');
  // Each chart names itself for assistive technology.
  for (const svg of await charts.all()) {
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.ok(await svg.getAttribute('aria-labelledby'));
  }
  // In the bar chart, a group's label is right of its bar (the bar grows leftwards).
  const bars = charts.first();
  const label = await bars.locator('text', { hasText: 'مجموعة الدول الأفريقية' }).first().boundingBox();
  const segment = await bars.locator('rect[class*="taawun-cat-yes"]').first().boundingBox();
  assert.ok(label && segment, 'the African Group has a labelled bar');
  assert.ok(label.x > segment.x + segment.width - 1, `label at ${label.x}, bar ends at ${segment.x + segment.width}`);
  // The map colours the States that voted: Cameroon voted yes on 56/2.
  const map = charts.nth(1);
  assert.ok(await map.locator('title', { hasText: 'الكاميرون' }).count() >= 1);
  assert.deepEqual(errors, [], 'no console errors (CSP violations show there)');
  await page.locator('#vote').screenshot({ path: join(shots, 'vote-charts-ar.png') });
});

test('a State voting record page is right to left with its downloads', async () => {
  const page = await pageIn('ar');
  const errors = watchConsole(page);
  await page.goto(`${baseUrl}/states/EGY/votes?body=human-rights-council&with=USA`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.ok(await page.locator('a[href*="format=csv"]').count() >= 1);
  assert.ok(await page.locator('p.comparison').count() === 1, 'the agreement with the chosen State');
  // Symbols stay left to right inside the Arabic table.
  const symbol = page.locator('td bdi.code').first();
  assert.equal(await symbol.evaluate((e) => getComputedStyle(e).direction), 'ltr');
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(shots, 'state-votes-ar.png'), fullPage: false });
});

test('the agreement explorer draws the voting map with every State labelled or titled', async () => {
  const page = await pageIn('en');
  const errors = watchConsole(page);
  await page.goto(`${baseUrl}/votes?body=human-rights-council&state=EGY`);
  const svg = page.locator('figure.chart svg');
  assert.equal(await svg.count(), 1);
  const points = await svg.locator('title').count();
  assert.ok(points > 50, `${points} titled shapes`);
  // The ranking lists the other States, highest agreement first.
  const figures = await page.locator('section[aria-labelledby="ranking-heading"] meter').evaluateAll(
    (meters) => meters.map((m) => Number(m.value)),
  );
  assert.ok(figures.length > 50);
  for (let i = 1; i < figures.length; i += 1) assert.ok(figures[i - 1] >= figures[i]);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(shots, 'explorer-en.png'), fullPage: true });
});

test('the Arabic explorer names issues and States in Arabic, and gives the map as a table', async () => {
  const page = await pageIn('ar');
  const errors = watchConsole(page);
  await page.goto(`${baseUrl}/votes?body=general-assembly`);
  // The issue filter: the UN's Arabic terms, no English to read.
  const issues = await page.locator('select[name="issue"] option[value]:not([value=""])').allTextContents();
  assert.ok(issues.length >= 6, `${issues.length} issues`);
  for (const label of issues) assert.doesNotMatch(label, /[A-Za-z]/, label);
  // The map's labels are Arabic names, and the table beside it names every State placed.
  const labels = await page.locator('figure.chart svg .taawun-labels text').allTextContents();
  assert.ok(labels.length > 20, `${labels.length} labels`);
  for (const label of labels) assert.doesNotMatch(label, /^[A-Z]{3}$/, label);
  const points = await page.locator('figure.chart svg title').count();
  await page.locator('#map-table summary').click();
  const rows = await page.locator('#map-table tbody tr').count();
  assert.ok(rows > 100 && rows <= points, `${rows} rows, ${points} points`);
  const first = page.locator('#map-table tbody tr').first();
  assert.equal(await first.locator('td').nth(1).locator('a').count(), 3, 'three nearest States');
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(shots, 'explorer-ar.png'), fullPage: true });
});

for (const [lang, kind] of [['en', 'Decision'], ['ar', 'مقرر']]) {
  test(`a decision imported from the UN's PDF reads as a decision in ${lang}`, async () => {
    const page = await pageIn(lang);
    const errors = watchConsole(page);
    await page.goto(`${baseUrl}/resolutions/A/HRC/DEC/59/112`);
    assert.equal((await page.locator('#text-kind').textContent()).trim(), kind);
    assert.equal(await page.locator('p.pp').count(), 2, 'two preambular paragraphs');
    assert.equal(await page.locator('p.op').count(), 1, 'one operative paragraph');
    assert.equal(await page.locator('p.op a.number').count(), 0, 'a sole paragraph, unnumbered as printed');
    // Its two footnotes, each marked in the paragraph and linked back to it.
    assert.equal(await page.locator('section.footnotes li').count(), 2);
    assert.equal(await page.locator('p.op sup a').count(), 2);
    // The body text is English: left to right inside an Arabic page.
    const direction = await page.locator('p.op').evaluate((p) => getComputedStyle(p).direction);
    assert.equal(direction, 'ltr');
    assert.deepEqual(errors, []);
    await page.screenshot({ path: join(shots, `decision-${lang}.png`), fullPage: true });
  });
}

test('Arabic search finds the seed and highlights right to left', async () => {
  const page = await pageIn('ar');
  const errors = watchConsole(page);
  await page.goto(`${baseUrl}/search`);
  await page.fill('#q', 'والتعاون الدولي');
  await page.press('#q', 'Enter');
  await page.waitForURL(/\/search\?q=/);
  // The query is kept in the URL, so the page can be shared.
  assert.equal(new URL(page.url()).searchParams.get('q'), 'والتعاون الدولي');
  const snippet = page.locator('.snippet').first();
  assert.equal(await snippet.evaluate((e) => getComputedStyle(e).direction), 'rtl');
  assert.ok(await page.locator('.snippet mark').count() > 0, 'matches are highlighted');
  // The facets sit at the start of the line: on the right in Arabic.
  const facets = await page.locator('aside.facets').boundingBox();
  const hits = await page.locator('section.hits').boundingBox();
  assert.ok(facets.x > hits.x, 'facets right of the hits');
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(shots, 'search-ar.png'), fullPage: false });
});

for (const lang of ['ar', 'en']) {
  test(`results lacking a word of the query are said apart, in ${lang}`, async () => {
    const page = await pageIn(lang);
    const api = await (await page.request.get(`${baseUrl}/api/v1/search?q=${encodeURIComponent('التعاون zzqxv')}`)).json();
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('التعاون zzqxv')}`);
    // No document has the made-up word: the page says so before listing what has the other one.
    assert.equal(api.total, 0);
    assert.ok(api.hits.length > 0 && api.hits.every((h) => h.partial), 'the API flags the hits as partial');
    const notice = page.locator('.partial-notice');
    assert.ok(await notice.isVisible());
    assert.equal(await page.locator('ol.partial > li').count(), api.hits.length);
    assert.equal(await page.locator('.hits .empty').count(), 0);
    // The notice comes before the list, in reading order.
    const noticeBox = await notice.boundingBox();
    const listBox = await page.locator('ol.partial').boundingBox();
    assert.ok(noticeBox.y < listBox.y);
  });
}

test('an administrator accepts the invitation in Arabic and verifies the audit trail', async () => {
  const page = await pageIn('ar');
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(`${baseUrl}${invitationPath}`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await page.fill('#display_name', 'ليلى حداد');
  await page.fill('#password', 'التعاون الدولي في ميدان حقوق الإنسان');
  await page.fill('#confirm', 'التعاون الدولي في ميدان حقوق الإنسان');
  await page.screenshot({ path: join(shots, 'invitation-ar.png'), fullPage: true });
  await page.click('form.stack button[type=submit]');
  await page.waitForURL(`${baseUrl}/account`);
  // Signed in: the header names the person, on the left end of a right-to-left header.
  const account = page.locator('nav.account a[href="/account"]');
  assert.equal(await account.textContent(), 'ليلى حداد');
  assert.ok((await page.locator('body').textContent()).includes('مسؤول النظام'));
  // Labels sit to the right of nothing and fields span from the right edge.
  const label = await page.locator('label[for=display_name]').boundingBox();
  const field = await page.locator('#display_name').boundingBox();
  assert.ok(label.x + label.width >= field.x + field.width - 2, 'the label ends where the field does, on the right');
  // Latin quoted inside Arabic reads left to right with its own punctuation: the header's
  // "Authorization: Bearer …" keeps its ellipsis at its end, inside the quotation marks.
  const positions = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode()) && !node.textContent.includes('Authorization: Bearer'));
    const text = node.textContent;
    const at = (s) => { const r = document.createRange(); const i = text.indexOf(s); r.setStart(node, i); r.setEnd(node, i + s.length); return r.getBoundingClientRect().x; };
    return { open: at('«'), bearer: at('Bearer'), ellipsis: at('…'), close: at('»') };
  });
  assert.ok(positions.ellipsis > positions.bearer, `the ellipsis follows Bearer: ${JSON.stringify(positions)}`);
  assert.ok(positions.open > positions.ellipsis && positions.close < positions.bearer, `inside the quotes: ${JSON.stringify(positions)}`);
  await page.screenshot({ path: join(shots, 'account-ar.png'), fullPage: true });

  await page.goto(`${baseUrl}/admin/audit?verify=1`);
  assert.ok(await page.locator('.chain-intact').isVisible(), 'the chain verifies');
  const table = await page.locator('table.audit').boundingBox();
  const firstHeader = await page.locator('table.audit th').first().boundingBox();
  assert.ok(firstHeader.x > table.x + table.width / 2, 'the first column is on the right');
  await page.screenshot({ path: join(shots, 'audit-ar.png'), fullPage: true });

  // Signing out from the header ends the session.
  await page.click('nav.account button');
  await page.goto(`${baseUrl}/account`);
  assert.ok(page.url().includes('/sign-in'), `signed out: ${page.url()}`);
  assert.deepEqual(errors, []);
});

// What the pages say must be true; what the public sees must be for the public.

async function phoneIn(lang) {
  const context = await browser.newContext({
    locale: lang,
    extraHTTPHeaders: { 'Accept-Language': lang },
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
  });
  return context.newPage();
}

// Nothing on a page is wider than a 390 px screen: tables and charts scroll inside their own box.
async function noWiderThanScreen(page, label) {
  for (const selector of ['#outcome', '#vote-outcome', '#vote-rule', '#voted-on', '#text-language', '#official-document']) {
    const element = page.locator(selector);
    if (await element.count() === 0) continue;
    const box = await element.first().boundingBox();
    assert.ok(box.width <= 390, `${label}: ${selector} is ${box.width} px wide`);
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${label}: the page is ${width} px wide at 390 px`);
}

for (const lang of ['ar', 'en']) {
  test(`a failed Council amendment reads rejected, with its rule, in ${lang}`, async () => {
    for (const open of [pageIn, phoneIn]) {
      const page = await open(lang);
      await page.goto(`${baseUrl}/resolutions/A/HRC/57/L.43`);
      const outcome = (await page.locator('#outcome').textContent()).trim();
      assert.equal(outcome, lang === 'ar' ? 'رُفض' : 'Rejected');
      assert.equal((await page.locator('#vote-outcome').textContent()).trim(), outcome);
      assert.ok(await page.locator('#vote-rule').isVisible());
      const body = await page.locator('main').innerText();
      assert.ok(!body.includes('Adopted by a recorded vote') && !body.includes('اعتُمد بتصويت مسجل'));
      assert.ok(!body.includes('taawun import'), 'the public is not told to run a command');
      assert.match(await page.locator('#official-document').getAttribute('href'),
        new RegExp(`^https://undocs\\.org/${lang}/A/HRC/57/L\\.43$`));
      assert.equal(await page.locator('#warnings').count(), 0);
      const phone = open === phoneIn;
      if (phone) await noWiderThanScreen(page, `L.43 (${lang})`);
      await page.screenshot({ path: join(shots, `rejected-${lang}${phone ? '-390' : ''}.png`), fullPage: !phone });
    }
  });

  test(`an Assembly motion of 1946 shows its kind, its result and no invented day in ${lang}`, async () => {
    for (const open of [pageIn, phoneIn]) {
      const page = await open(lang);
      await page.goto(`${baseUrl}/resolutions/A/RES/1/79`);
      assert.equal((await page.locator('#outcome').textContent()).trim(), lang === 'ar' ? 'رُفض' : 'Rejected');
      const votedOn = await page.locator('#voted-on').innerText();
      assert.ok(votedOn.includes('ADJOURNING DEBATE'), votedOn);
      assert.ok(votedOn.startsWith(lang === 'ar' ? 'اقتراح إجرائي' : 'Procedural motion'), votedOn);
      const facts = await page.locator('dl.facts').innerText();
      assert.ok(facts.includes(lang === 'ar' ? 'اليوم غير مسجل' : 'day not recorded'), facts);
      assert.ok(!/\b[12] (January|كانون الثاني)/.test(facts), facts);
      assert.equal(await page.locator('#official-document').getAttribute('href'),
        `https://undocs.org/${lang}/A/RES/79(I)`);
      const phone = open === phoneIn;
      if (phone) await noWiderThanScreen(page, `A/RES/1/79 (${lang})`);
      await page.screenshot({ path: join(shots, `unga-1946-${lang}${phone ? '-390' : ''}.png`), fullPage: !phone });
    }
  });

  test(`the list counts records, gives results and says what it covers in ${lang}`, async () => {
    const page = await pageIn(lang);
    await page.goto(`${baseUrl}/resolutions?body=general-assembly&session=1`);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes(lang === 'ar' ? 'رُفض ·' : 'Rejected ·'), 'failed roll calls read rejected');
    assert.ok(await page.locator('#coverage').isVisible());
    const phone = await phoneIn(lang);
    await phone.goto(`${baseUrl}/resolutions?body=general-assembly&session=1`);
    await phone.screenshot({ path: join(shots, `list-unga-1-${lang}-390.png`) });
  });
}

test('cited symbols in the Arabic text of 56/2 read in their right order, left to right', async () => {
  for (const open of [pageIn, phoneIn]) {
    const page = await open('ar');
    await page.goto(`${baseUrl}/resolutions/A/HRC/RES/56/2`);
    const cited = await page.locator('#text bdi.cited-symbol').allTextContents();
    for (const symbol of ['70/1', '69/313', '77/213', '50/4', '41/128', '48/141', '33/134', '66/3', '76/1']) {
      assert.ok(cited.includes(symbol), `${symbol} in ${cited.join(' ')}`);
    }
    const first = page.locator('#pp-2 bdi.cited-symbol').first();
    assert.equal(await first.evaluate((el) => getComputedStyle(el).direction), 'ltr');
    const paragraph = await page.locator('#pp-2').innerText();
    assert.ok(paragraph.includes('70/1') && !paragraph.includes('1/70'), paragraph);
    assert.ok((await page.locator('#fn-3').innerText()).includes('66/3'));
    // The count beside the vote table and the map's legend agree.
    const stated = (await page.locator('#not-members').innerText()).match(/\d+/)[0];
    const legend = await page.locator('#vote svg.taawun-map .taawun-legend').textContent();
    assert.ok(legend.includes(`(${stated})`), `legend ${legend} has ${stated}`);
    assert.equal(await page.locator('#warnings').count(), 0, 'the public sees no parser notes');
    const phone = open === phoneIn;
    if (phone) await noWiderThanScreen(page, '56/2 (ar)');
    await page.locator('#pp-2').screenshot({ path: join(shots, `cited-symbols-ar${phone ? '-390' : ''}.png`) });
  }
});

test('the English page of the Arabic-only 56/2 has its English title and says so', async () => {
  for (const open of [pageIn, phoneIn]) {
    const page = await open('en');
    await page.goto(`${baseUrl}/resolutions/A/HRC/RES/56/2`);
    assert.equal(await page.getAttribute('h1', 'lang'), 'en');
    assert.match(await page.locator('h1').innerText(), /international cooperation/i);
    assert.match((await page.locator('#text-language').innerText()).replace(/[\u2068\u2069]/g, ''), /Arabic only/);
    assert.equal(await page.locator('#warnings').count(), 0);
    const phone = open === phoneIn;
    if (phone) await noWiderThanScreen(page, '56/2 (en)');
    await page.screenshot({ path: join(shots, `seed-en${phone ? '-390' : ''}.png`) });
  }
});

// Every public page, in both languages, on a 390 px phone: no wider than the screen, its menu
// folded behind one button that opens it, the search button visible.
const publicPages = [
  '/', '/resolutions', '/resolutions?body=general-assembly&page=50', '/resolutions/A/HRC/RES/56/2',
  '/resolutions/A/HRC/57/L.43', '/resolutions/A/HRC/18/L.33', '/mandates', '/states', '/states/FRA', '/states/FRA/votes',
  '/states/BRA/votes?body=unga', '/votes', '/votes?state=FRA', '/search?q=%D8%A7%D9%84%D8%AA%D9%86%D9%85%D9%8A%D8%A9',
  '/search?q=Venezuela', '/search?q=zzzzqqq', '/resolutions/A/HRC/DEC/59/112', '/votes?body=general-assembly&issue=Human%20rights', '/about/sources', '/about/api', '/sign-in', '/states/resolve?name=%D9%81%D8%B1%D9%86%D8%B3%D8%A7', '/organisations', '/history/resolution/A/HRC/RES/56/2',
  '/upr', '/upr/recommendations', '/upr/recommendations?reviewed=SVN&session=20', '/upr/states/SVN', '/upr/states/FRA', '/sdg',
];

for (const lang of ['ar', 'en']) {
  test(`every public page fits a 390 px phone in ${lang}, its menu folded`, async () => {
    const page = await phoneIn(lang);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const path of publicPages) {
      const response = await page.goto(`${baseUrl}${path}`);
      assert.equal(response.status(), 200, path);
      await noWiderThanScreen(page, `${path} (${lang})`);
    }
    await page.goto(`${baseUrl}/resolutions`);
    const menu = page.locator('header .menus').first();
    assert.equal(await menu.isVisible(), false, 'the menu is folded on a phone');
    await page.locator('.menu-button').first().click();
    assert.equal(await menu.isVisible(), true, 'the button opens the menu');
    await noWiderThanScreen(page, `/resolutions with its menu open (${lang})`);
    await page.screenshot({ path: join(shots, `menu-open-${lang}-390.png`) });
    // The platform's own fonts, not whatever the phone has.
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
    assert.ok(loaded.includes(lang === 'ar' ? 'Noto Naskh Arabic' : 'Noto Sans'), `${lang}: ${loaded}`);
    assert.deepEqual(errors, []);
  });
}

// The Universal Periodic Review: a State's page and the list, in both languages, on a desktop and
// a phone; nothing wider than the screen, no console (CSP) errors, English texts marked inside
// Arabic pages.
for (const lang of ['ar', 'en']) {
  for (const [device, open] of [['desktop', pageIn], ['390', phoneIn]]) {
    test(`the UPR State page and list lay out in ${lang} on ${device}`, async () => {
      const page = await open(lang);
      const errors = watchConsole(page);
      page.on('pageerror', (e) => errors.push(e.message));
      for (const [path, name] of [['/upr/states/SVN', 'upr-state'], ['/upr/recommendations?reviewed=SVN', 'upr-list'], ['/upr', 'upr-overview']]) {
        const response = await page.goto(`${baseUrl}${path}`);
        assert.equal(response.status(), 200, path);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        const viewport = page.viewportSize().width;
        assert.ok(width <= viewport, `${path} (${lang}, ${device}) is ${width} px wide`);
        await page.screenshot({ path: join(shots, `${name}-${lang}-${device}.png`), fullPage: true });
      }
      {
        await page.goto(`${baseUrl}/upr/recommendations?reviewed=SVN&session=20`);
        const text = page.locator('p.upr-text').first();
        assert.equal(await text.getAttribute('lang'), 'en');
        assert.equal(await text.evaluate((e) => getComputedStyle(e).direction), 'ltr');
        assert.ok(await page.locator('a[href*="format=csv"]').count() >= 1);
        await page.goto(`${baseUrl}/upr/states/SVN`);
        assert.ok(await page.locator('#upr-sessions tbody tr').count() >= 1, 'Slovenia has sessions');
        if (device === 'desktop') {
          // The chart's labels stay readable: at least 11 px.
          const sizes = await page.locator('figure.upr-chart svg text').evaluateAll((ts) => ts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
          assert.ok(sizes.length > 0 && Math.min(...sizes) >= 11, `chart label sizes ${sizes}`);
        } else {
          assert.equal(await page.locator('figure.upr-chart').isVisible(), false, 'on a phone the table stands in for the chart');
        }
        await page.goto(`${baseUrl}/sdg/16.3`);
        const title = await page.locator('p.sdg-title').textContent();
        assert.ok(!title.includes('\u0640'), 'no tatweel in the title');
        await page.screenshot({ path: join(shots, `sdg-target-${lang}-${device}.png`), fullPage: true });
      }
      assert.deepEqual(errors, [], 'no console errors (CSP violations show there)');
    });
  }
}

// The assistance funds' procedures, in both languages, on a desktop and a phone: the page's
// headings and the fund's terms right to left in Arabic, every stage listed with its target,
// nothing wider than the screen, no console (CSP) errors.
for (const lang of ['ar', 'en']) {
  for (const [device, open] of [['desktop', pageIn], ['390', phoneIn]]) {
    test(`the funds' procedure pages lay out in ${lang} on ${device}`, async () => {
      const page = await open(lang);
      const errors = watchConsole(page);
      page.on('pageerror', (e) => errors.push(e.message));
      const funds = await (await fetch(`${baseUrl}/api/v1/funds`)).json();
      assert.ok(funds.funds.length >= 1);
      const response = await page.goto(`${baseUrl}/funds`);
      assert.equal(response.status(), 200);
      assert.equal(await page.locator('ul.funds > li').count(), funds.funds.length);
      for (const fund of funds.funds) {
        await page.goto(`${baseUrl}/funds/${fund.id}`);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
        const title = page.locator('main h1');
        assert.equal((await title.textContent()).trim(), fund.name[lang]);
        assert.equal(await title.evaluate((e) => getComputedStyle(e).direction), lang === 'ar' ? 'rtl' : 'ltr');
        const stages = await page.locator('#stages > li').evaluateAll((items) => items.map((li) => li.dataset.stage));
        assert.deepEqual(stages, fund.stages.map((s) => s.stage));
        for (const stage of fund.stages.filter((s) => s.target_days !== null)) {
          const target = page.locator(`#stages > li[data-stage="${stage.stage}"] .target`);
          assert.ok((await target.textContent()).includes(String(stage.target_days)) || stage.target_days <= 2,
            `${fund.id}: ${stage.stage} shows its ${stage.target_days} days`);
        }
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        const viewport = page.viewportSize().width;
        assert.ok(width <= viewport, `/funds/${fund.id} (${lang}, ${device}) is ${width} px wide`);
      }
      await page.goto(`${baseUrl}/funds/${funds.funds[0].id}`);
      await page.screenshot({ path: join(shots, `fund-${lang}-${device}.png`), fullPage: true });
      assert.deepEqual(errors, [], 'no console errors (CSP violations show there)');
    });
  }
}
