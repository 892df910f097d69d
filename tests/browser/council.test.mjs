// The Council's calendar and a mandate followed to its output, in Arabic, in a real browser: the
// secretariat adds the sixty-third session (the built-in table stops at the sixty-first), finds the
// seed's report mandate due at it marked late, records the report and reads it delivered; then the
// sessions, the mandates dashboard and the mandate read on a 390 px phone in Arabic and English,
// nothing wider than the screen. Starts its own `taawun` (TAAWUN_BIN) on a fresh data directory;
// screenshots go to screenshots/

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
  dataDir = mkdtempSync(join(tmpdir(), 'taawun-council-'));
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

const isoDay = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

test('the secretariat adds a session and records a mandate delivered, in Arabic; the pages fit a phone', async () => {
  const context = await contextIn('ar', 1200);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(`${baseUrl}${invitationPath}`);
  await page.fill('#display_name', 'أمل');
  await page.fill('#password', 'cooperation in good faith 56/2');
  await page.fill('#confirm', 'cooperation in good faith 56/2');
  await page.click('form.stack button[type=submit]');
  await page.waitForURL(`${baseUrl}/account`);
  await page.goto(`${baseUrl}/admin/users/1`);
  await page.selectOption('#role', 'secretariat');
  await page.click('form[action="/admin/users/1/roles"] button[type=submit]');
  await page.waitForLoadState('load');

  // The built-in calendar stops at the 61st session; the 63rd is added, closed ten days ago.
  await page.goto(`${baseUrl}/sessions`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.locator('#regular-63').count(), 0);
  assert.equal(await page.locator('#regular-61').count(), 1);
  const form = page.locator('#amend-session');
  await form.locator('[name=kind]').selectOption('regular');
  await form.locator('[name=number]').fill('63');
  await form.locator('[name=opening]').fill(isoDay(-40));
  await form.locator('[name=closing]').fill(isoDay(-10));
  await form.locator('[name=reason]').fill('برنامج عمل الدورة الثالثة والستين');
  await form.locator('button[type=submit]').click();
  await page.waitForURL(/\/sessions/);
  const added = page.locator('#regular-63');
  assert.equal(await added.count(), 1, 'the 63rd session is in the calendar');
  assert.match(await added.textContent(), /برنامج عمل الدورة الثالثة والستين/);

  // The seed's report due at the 63rd session is now late.
  const listed = await (await fetch(`${baseUrl}/api/v1/mandates?due_session=63`)).json();
  const report = listed.items.find((m) => m.output === 'report');
  assert.ok(report, 'the seed asks for a report at the 63rd session');
  assert.equal(report.status, 'late');
  await page.goto(`${baseUrl}${report.href}`);
  assert.equal(await page.getAttribute('#status', 'data-status'), 'late');
  assert.match(await page.locator('#status').textContent(), /متأخرة/);

  // The report recorded as issued: the mandate reads delivered.
  const add = page.locator('#add-output');
  await add.locator('[name=kind]').selectOption('report');
  await add.locator('[name=title]').fill('التقرير الموجز عن الحلقات الدراسية الإقليمية');
  await add.locator('[name=state]').selectOption('delivered');
  await add.locator('[name=document_symbol]').fill('A/HRC/63/21');
  await add.locator('[name=delivered_on]').fill(isoDay(-12));
  await add.locator('button[type=submit]').click();
  await page.waitForLoadState('load');
  assert.equal(await page.getAttribute('#status', 'data-status'), 'delivered');
  assert.equal(await page.locator('#outputs tr[data-state=delivered]').count(), 1);
  // The symbol reads left to right inside the Arabic page.
  const symbolDir = await page.locator('#outputs bdi.code').first().getAttribute('dir');
  assert.equal(symbolDir, 'ltr');
  await page.screenshot({ path: join(shots, 'mandate-ar-desktop.png'), fullPage: true });
  const mandatePath = report.href;
  await context.close();

  for (const lang of ['ar', 'en']) {
    const phoneContext = await contextIn(lang, 390);
    const phone = await phoneContext.newPage();
    for (const [path, name] of [['/sessions', 'sessions'], ['/mandates', 'mandates'], [mandatePath, 'mandate']]) {
      await phone.goto(`${baseUrl}${path}`);
      assert.equal(await phone.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await fitsThePhone(phone, `${name} ${lang}`);
      await phone.screenshot({ path: join(shots, `council-${name}-${lang}-390.png`), fullPage: true });
    }
    // The dashboard counts the delivered mandate.
    await phone.goto(`${baseUrl}/mandates`);
    const delivered = await phone.locator('#by-session tr[data-session="63"] td[data-status=delivered]').textContent();
    assert.equal(delivered.trim(), '1');
    await phoneContext.close();
  }
  assert.deepEqual(errors, []);
});
