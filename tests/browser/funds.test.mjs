// A request for assistance walked from draft to disbursement in Arabic, in a real browser: a
// donor and its contribution recorded by the secretariat, the request drafted by Fiji's focal
// point, screened, recommended, approved and paid through the pages' forms; then the register,
// the request and the ledger read on a 390 px phone in Arabic and English, right to left where
// they should be and nothing wider than the screen. Starts its own `taawun` (TAAWUN_BIN) on a
// fresh data directory; screenshots go to screenshots/.

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
  dataDir = mkdtempSync(join(tmpdir(), 'taawun-funds-'));
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

async function takeStep(page, step, fields = {}) {
  const form = page.locator(`form.step-form[data-step="${step}"]`);
  assert.equal(await form.count(), 1, `the page offers “${step}”`);
  for (const [name, value] of Object.entries(fields)) {
    const field = form.locator(`[name="${name}"]`);
    if (await field.evaluate((e) => e.tagName) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await form.locator('button[type=submit]').click();
  await page.waitForLoadState('load');
  const refused = page.locator('#step-error');
  if (await refused.count() > 0) assert.fail(`“${step}” was refused: ${await refused.textContent()}`);
}

test('a request goes from draft to disbursement in Arabic, and reads on a phone', async () => {
  const context = await contextIn('ar', 1200);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  // The first administrator takes the roles of the whole walk.
  await page.goto(`${baseUrl}${invitationPath}`);
  await page.fill('#display_name', 'أمل');
  await page.fill('#password', 'cooperation in good faith 56/2');
  await page.fill('#confirm', 'cooperation in good faith 56/2');
  await page.click('form.stack button[type=submit]');
  await page.waitForURL(`${baseUrl}/account`);
  for (const [role, state] of [['focal-point', 'FJI'], ['secretariat', null], ['fund-reviewer', null], ['fund-approver', null]]) {
    await page.goto(`${baseUrl}/admin/users/1`);
    await page.selectOption('#role', role);
    if (state) await page.selectOption('#state', state);
    await page.click('form[action="/admin/users/1/roles"] button[type=submit]');
    await page.waitForLoadState('load');
  }

  // The secretariat: a donor and its contribution, paid in euros at a stated rate.
  const fund = 'review-participation';
  await page.goto(`${baseUrl}/funds/${fund}/ledger`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await page.fill('form.donor-form [name=name]', 'قطر');
  await page.selectOption('form.donor-form [name=kind]', 'state');
  await page.fill('form.donor-form [name=state]', 'QAT');
  await page.check('form.donor-form [name=non_traditional]');
  await page.click('form.donor-form button[type=submit]');
  await page.waitForURL(`${baseUrl}/funds/${fund}/ledger`);
  await page.selectOption('form.entry-form [name=kind]', 'contribution');
  await page.fill('form.entry-form [name=date]', '2026-12-01');
  await page.selectOption('form.entry-form [name=donor]', { label: 'قطر' });
  await page.fill('form.entry-form [name=paid]', '20000');
  await page.fill('form.entry-form [name=paid_currency]', 'EUR');
  await page.fill('form.entry-form [name=rate]', '1.08');
  await page.fill('form.entry-form [name=rate_date]', '2026-11-30');
  await page.fill('form.entry-form [name=memo]', 'مساهمة ٢٠٢٦');
  await page.click('form.entry-form button[type=submit]');
  await page.waitForURL(`${baseUrl}/funds/${fund}/ledger`);
  assert.equal((await page.locator('[data-balance=cash]').textContent()).trim(), '21600.00 USD');

  // Fiji's focal point drafts the request.
  await page.goto(`${baseUrl}/funds/${fund}/requests`);
  await page.click('#new-request');
  await page.selectOption('[name=request_type]', 'review-participation');
  await page.fill('[name=purpose]', 'مشاركة وفد من شخصين في الاستعراض الرابع');
  await page.fill('[name=activities]', 'السفر إلى جنيف\nاجتماع الفريق العامل');
  await page.fill('[name=currency]', 'USD');
  await page.fill('[name=budget]', 'تذاكر السفر | 9000\nالإقامة | 3000');
  await page.fill('[name=starts]', '2027-01-10');
  await page.fill('[name=ends]', '2027-02-10');
  await page.fill('[name=consent_by]', 'وزير الخارجية');
  await page.fill('[name=consent_on]', '2026-11-30');
  await page.check('[name=publish_purpose]');
  await page.click('form.request-form button[type=submit]');
  await page.waitForURL(/\/funds\/requests\/\d+$/);
  const requestUrl = page.url();
  assert.equal(await page.getAttribute('#stage', 'data-stage'), 'draft');
  // The public does not learn the draft exists.
  const anonymous = await (await contextIn('ar', 1200)).newPage();
  const hidden = await anonymous.goto(requestUrl);
  assert.equal(hidden.status(), 404);

  await takeStep(page, 'submit');
  await takeStep(page, 'begin-screening');
  await takeStep(page, 'complete-screening');
  await takeStep(page, 'recommend', { outcome: 'approve', reason: 'يستوفي شروط الصندوق' });
  await takeStep(page, 'send-for-decision');
  await takeStep(page, 'decide', { outcome: 'approve', amount: '10000', reason: 'ضمن الشروط' });
  await takeStep(page, 'sign-agreement');
  await takeStep(page, 'record-disbursement', { amount: '4000' });
  assert.equal(await page.getAttribute('#stage', 'data-stage'), 'disbursement');
  assert.equal((await page.locator('#approved').textContent()).trim(), '10000.00 USD');
  assert.equal((await page.locator('#disbursed').textContent()).trim(), '4000.00 USD');
  assert.equal(await page.locator('#events li').count(), 8);
  await page.screenshot({ path: join(shots, 'fund-request-ar-desktop.png'), fullPage: true });
  assert.deepEqual(errors, []);

  for (const lang of ['ar', 'en']) {
    const phone = await (await contextIn(lang, 390)).newPage();
    const phoneErrors = [];
    phone.on('console', (message) => { if (message.type() === 'error') phoneErrors.push(message.text()); });
    for (const [path, name] of [[`/funds/${fund}/requests`, 'register'], [new URL(requestUrl).pathname, 'request'], [`/funds/${fund}/ledger`, 'ledger']]) {
      const response = await phone.goto(`${baseUrl}${path}`);
      assert.equal(response.status(), 200, path);
      assert.equal(await phone.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await fitsThePhone(phone, `${name} ${lang}`);
      await phone.screenshot({ path: join(shots, `fund-${name}-${lang}-390.png`), fullPage: true });
    }
    // The register says what the records hold.
    await phone.goto(`${baseUrl}/funds/${fund}/requests`);
    const row = phone.locator('#register tbody tr');
    assert.equal(await row.count(), 1);
    assert.ok((await row.textContent()).includes('10000.00 USD'));
    // The public reads the purpose Fiji published, not its budget.
    await phone.goto(requestUrl);
    assert.ok((await phone.locator('#purpose').textContent()).includes('مشاركة وفد'));
    assert.equal(await phone.locator('#budget').count(), 0);
    assert.deepEqual(phoneErrors, []);
  }
});
