// What every browser suite needs: its own `taawun` (TAAWUN_BIN, or the debug build) on a fresh
// data directory with a first administrator's invitation, Debian's Chromium, browser contexts in
// a language at a width, and the check that a page is no wider than a phone.

import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const binary = process.env.TAAWUN_BIN ?? resolve(here, '../../target/debug/taawun');
export const shots = join(here, 'screenshots');
mkdirSync(shots, { recursive: true });

/// Starts the platform; resolves to { baseUrl, invitationPath, stop }.
export async function startPlatform(prefix) {
  const dataDir = mkdtempSync(join(tmpdir(), `taawun-${prefix}-`));
  const env = { ...process.env, RUST_LOG: 'error', TAAWUN_DATABASE_URL: '' };
  const printed = execFileSync(binary, ['users', 'create-admin', 'admin@example.org', '--data-dir', dataDir], { env }).toString();
  const invitationPath = printed.match(/\/invitations\/[A-Za-z0-9_-]+/)[0];
  const server = spawn(binary, ['serve', '--addr', '127.0.0.1:0', '--data-dir', dataDir], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const baseUrl = await new Promise((resolveUrl, reject) => {
    let seen = '';
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/http:\/\/[0-9.:]+/);
      if (match) resolveUrl(match[0]);
    });
    server.on('exit', (code) => reject(new Error(`taawun exited with ${code}`)));
    setTimeout(() => reject(new Error('taawun did not print its address in 20 s')), 20000);
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolveExit) => server.once('exit', resolveExit));
      server.kill();
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  return { baseUrl, invitationPath, stop };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function contextIn(browser, lang, width) {
  return browser.newContext({
    locale: lang,
    extraHTTPHeaders: { 'Accept-Language': lang },
    viewport: { width, height: 844 },
  });
}

export async function fitsThePhone(page, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 390) {
    // Name the widest elements, so that a failure says what to mend.
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 390 || e.getBoundingClientRect().left < 0)
      .slice(-3).map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className}: ${(e.textContent ?? '').trim().slice(0, 60)}`));
    assert.fail(`${label}: the page is ${width} px wide at 390 px; wider than the screen: ${wide.join(' | ')}`);
  }
}

/// Accepts the first administrator's invitation in `page` and gives the account `roles`
/// ([role, ISO3 or null] pairs) through the administration page.
export async function firstAdministrator(page, baseUrl, invitationPath, name, roles) {
  await page.goto(`${baseUrl}${invitationPath}`);
  await page.fill('#display_name', name);
  await page.fill('#password', 'cooperation in good faith 56/2');
  await page.fill('#confirm', 'cooperation in good faith 56/2');
  await page.click('form.stack button[type=submit]');
  await page.waitForURL(`${baseUrl}/account`);
  for (const [role, state] of roles) {
    await page.goto(`${baseUrl}/admin/users/1`);
    await page.selectOption('#role', role);
    if (state) await page.selectOption('#state', state);
    await page.click('form[action="/admin/users/1/roles"] button[type=submit]');
    await page.waitForLoadState('load');
  }
}
