// A State's implementation plan in a real browser: made by the State's focal point through the
// pages (plan, cluster, action with indicators, publication), then read by the public on a
// 390 px phone in Arabic and English, with nothing wider than the screen. Starts its own
// `taawun` (TAAWUN_BIN) on a fresh data directory; screenshots go to screenshots/.

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
  dataDir = mkdtempSync(join(tmpdir(), 'taawun-plans-'));
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
  // The server may still be writing its data directory (the search index) when it is told to
  // stop: wait until it has exited before removing it.
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

test('a focal point makes and publishes a plan; the public reads it on a phone in ar and en', async () => {
  const context = await contextIn('en', 1200);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  // The first administrator, who also becomes Qatar's focal point.
  await page.goto(`${baseUrl}${invitationPath}`);
  await page.fill('#display_name', 'Amal Focal');
  await page.fill('#password', 'cooperation in good faith 56/2');
  await page.fill('#confirm', 'cooperation in good faith 56/2');
  await page.click('form.stack button[type=submit]');
  await page.waitForURL(`${baseUrl}/account`);
  await page.goto(`${baseUrl}/admin/users/1`);
  await page.selectOption('#role', 'focal-point');
  await page.selectOption('#state', 'QAT');
  await page.click('form[action="/admin/users/1/roles"] button[type=submit]');

  // The plan, a cluster of the State's own, an action with an indicator.
  await page.goto(`${baseUrl}/upr/states/QAT/plan`);
  await page.click('form[action="/upr/states/QAT/plan"] button[type=submit]');
  await page.waitForURL(`${baseUrl}/upr/states/QAT/plan`);
  await page.goto(`${baseUrl}/upr/states/QAT/plan/clusters`);
  await page.fill('#name', 'العدالة وسيادة القانون — Justice and the rule of law');
  await page.click('form[action="/upr/states/QAT/plan/clusters"] button[type=submit]');
  await page.goto(`${baseUrl}/upr/states/QAT/plan`);
  await page.click('text=Add an action to this cluster');
  await page.fill('#title', 'Adopt a law on domestic violence (قانون العنف الأسري) with a very long title that must wrap on a phone screen');
  await page.fill('#lead_institution', 'Ministry of Justice');
  await page.fill('#start_date', '2026-01-01');
  await page.fill('#due_date', '2026-12-31');
  await page.fill('#indicator_1_name', 'Law in force');
  await page.fill('#indicator_1_baseline', 'No law');
  await page.fill('#indicator_1_target', 'Law adopted and published');
  await page.fill('#budget_amount', '250000');
  await page.fill('#budget_currency', 'QAR');
  await page.click('form.stack[novalidate] button[type=submit]');
  await page.waitForURL(/\/plan\/actions\/\d+$/);
  const actionUrl = page.url();
  assert.ok((await page.locator('body').textContent()).includes('250000.00 QAR'));
  await page.goto(`${baseUrl}/upr/states/QAT/plan`);
  await page.click('form[action="/upr/states/QAT/plan/publication"] button[type=submit]');
  await page.waitForURL(`${baseUrl}/upr/states/QAT/plan`);
  assert.ok(await page.locator('.badge.published').isVisible());
  await page.screenshot({ path: join(shots, 'plan-en-editor.png'), fullPage: true });
  await page.goto(actionUrl);
  await page.screenshot({ path: join(shots, 'plan-action-en-editor.png'), fullPage: true });
  assert.deepEqual(errors, []);

  for (const lang of ['ar', 'en']) {
    const phone = await (await contextIn(lang, 390)).newPage();
    await phone.goto(`${baseUrl}/upr/states/QAT/plan`);
    assert.equal(await phone.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    const text = await phone.locator('main').textContent();
    assert.ok(text.includes('Adopt a law on domestic violence'), text);
    assert.equal(await phone.locator('text=Add an action').count(), 0, 'the public reads only');
    await fitsThePhone(phone, `plan ${lang}`);
    await phone.screenshot({ path: join(shots, `plan-${lang}-390.png`), fullPage: true });
    await phone.goto(actionUrl);
    await fitsThePhone(phone, `action ${lang}`);
    await phone.screenshot({ path: join(shots, `plan-action-${lang}-390.png`), fullPage: true });

    // The mid-term report, in the phone's language: right to left in Arabic, the action in its
    // table, the chart drawn, nothing wider than the screen; its PDF served as a PDF.
    await phone.goto(`${baseUrl}/upr/states/QAT/plan`);
    await phone.click('a[href="/upr/states/QAT/plan/report"]');
    await phone.waitForURL(`${baseUrl}/upr/states/QAT/plan/report`);
    assert.equal(await phone.getAttribute('article.report', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    const report = await phone.locator('article.report').textContent();
    assert.ok(report.includes('Adopt a law on domestic violence'), report);
    assert.equal(await phone.locator('article.report svg.taawun-bars').count(), 1);
    await fitsThePhone(phone, `mid-term report ${lang}`);
    await phone.screenshot({ path: join(shots, `plan-report-${lang}-390.png`), fullPage: true });
    const pdf = await phone.request.get(`${baseUrl}/upr/states/QAT/plan/report.pdf?language=${lang}`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-');
  }
  const desktop = await (await contextIn('ar', 1200)).newPage();
  await desktop.goto(`${baseUrl}/upr/states/QAT/plan/report?language=ar`);
  await desktop.screenshot({ path: join(shots, 'plan-report-ar-desktop.png'), fullPage: true });
});
