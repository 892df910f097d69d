// A practice submitted in Arabic and published, in a real browser: the first administrator,
// also a focal point and the secretariat, writes a practice through the form (a wrong field
// named first), submits it, publishes it, and reads it in the compendium with its number and
// citation; then the compendium and the practice on a 390 px phone in Arabic and English,
// nothing wider than the screen. Starts its own `taawun` (TAAWUN_BIN) on a fresh data
// directory; screenshots go to screenshots/

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
mkdirSync(shots, { recursive: true });

let server;
let baseUrl;
let browser;
let dataDir;
let invitationPath;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'taawun-practices-'));
  const env = { ...process.env, RUST_LOG: 'error', TAAWUN_DATABASE_URL: '' };
  const printed = execFileSync(binary, ['users', 'create-admin', 'admin@example.org', '--data-dir', dataDir], { env }).toString();
  invitationPath = printed.match(/\/invitations\/[A-Za-z0-9_-]+/)[0];
  server = spawn(binary, ['serve', '--addr', '127.0.0.1:0', '--data-dir', dataDir], { env, stdio: ['ignore', 'pipe', 'inherit'] });
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
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolveExit) => server.once('exit', resolveExit));
    server.kill();
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

async function contextIn(lang, width) {
  return browser.newContext({
    locale: lang,
    extraHTTPHeaders: { 'Accept-Language': lang },
    viewport: { width, height: 844 },
  });
}

async function fitsThePhone(page, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${label}: the page is ${width} px wide at 390 px`);
}


test('a practice is submitted and published in Arabic, and reads on a phone', async () => {
  const context = await contextIn('ar', 1200);
  const page = await context.newPage();
  const errors = [];
  // The refused form answers 422, which the browser logs; any other error fails the test.
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 422/.test(message.text())) errors.push(message.text());
  });
  await page.goto(`${baseUrl}${invitationPath}`);
  await page.fill('#display_name', 'أمل');
  await page.fill('#password', 'cooperation in good faith 56/2');
  await page.fill('#confirm', 'cooperation in good faith 56/2');
  await page.click('form.stack button[type=submit]');
  await page.waitForURL(`${baseUrl}/account`);
  for (const [role, state] of [['focal-point', 'KEN'], ['secretariat', null]]) {
    await page.goto(`${baseUrl}/admin/users/1`);
    await page.selectOption('#role', role);
    if (state) await page.selectOption('#state', state);
    await page.click('form[action="/admin/users/1/roles"] button[type=submit]');
    await page.waitForLoadState('load');
  }

  await page.goto(`${baseUrl}/practices`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await page.click('#submit-practice');
  await page.waitForURL(`${baseUrl}/practices/new`);
  const form = page.locator('#practice-form');
  await form.locator('[name=title]').fill('المحاكم المتنقلة في المناطق النائية');
  await form.locator('[name=summary]').fill('تبادلت دولتان تصميم محاكم متنقلة تنظر في القضايا في المناطق النائية.');
  await form.locator('[name=modality]').selectOption('south-south');
  await form.locator('[name=region]').selectOption('african');
  await form.locator('[name=partners]').fill('KEN, XYZ');
  await form.locator('[name=rights]').fill('الحق في محاكمة عادلة');
  await form.locator('[name=sdg_targets]').fill('16.3');
  await form.locator('[name=start]').fill('2024-03-01');
  await form.locator('[name=results]').fill('نُظر في 4000 قضية خلال عامين | https://example.org/evaluation');
  await form.locator('[name=contact]').fill('focal.point@example.org');
  await form.locator('[name=languages]').fill('ar, en');
  await form.locator('button[type=submit]').click();
  await page.waitForLoadState('load');
  // The unknown State is named, and what was typed is kept.
  const refused = page.locator('#form-errors');
  assert.equal(await refused.count(), 1, 'the wrong partner is refused');
  assert.match(await refused.textContent(), /partners\[1\]/);
  assert.equal(await form.locator('[name=title]').inputValue(), 'المحاكم المتنقلة في المناطق النائية');
  await form.locator('[name=partners]').fill('KEN, MAR');
  await form.locator('button[type=submit]').click();
  await page.waitForURL(/\/practices\/\d+$/);
  assert.equal(await page.getAttribute('#stage', 'data-stage'), 'draft');

  for (const step of ['submit', 'publish']) {
    const stepForm = page.locator(`form.step-form[data-step="${step}"]`);
    assert.equal(await stepForm.count(), 1, `the page offers “${step}”`);
    await stepForm.locator('button[type=submit]').click();
    await page.waitForLoadState('load');
  }
  await page.waitForURL(/\/practices\/P-\d{4}-\d{4}$/);
  assert.equal(await page.getAttribute('#stage', 'data-stage'), 'published');
  const number = new URL(page.url()).pathname.split('/').pop();
  const citation = await page.locator('#citation').textContent();
  assert.ok(citation.includes(number), `the citation names ${number}: ${citation}`);
  assert.equal(await page.locator('#history li').count(), 2);
  await page.screenshot({ path: join(shots, 'practice-ar-desktop.png'), fullPage: true });

  // The public compendium lists it, and its SDG facet finds it.
  await context.close();
  for (const lang of ['ar', 'en']) {
    const phoneContext = await contextIn(lang, 390);
    const phone = await phoneContext.newPage();
    await phone.goto(`${baseUrl}/practices?sdg=16`);
    assert.equal(await phone.locator('#practices li').count(), 1);
    await fitsThePhone(phone, `compendium ${lang}`);
    await phone.screenshot({ path: join(shots, `practices-${lang}-390.png`), fullPage: true });
    await phone.goto(`${baseUrl}/practices/${number}`);
    assert.equal(await phone.locator('#stage').count(), 0, 'the public sees no stage');
    await fitsThePhone(phone, `practice ${lang}`);
    await phone.screenshot({ path: join(shots, `practice-${lang}-390.png`), fullPage: true });
    await phoneContext.close();
  }
  assert.deepEqual(errors, []);
});
