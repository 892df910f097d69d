// A regional seminar and its summary report in Arabic, in a real browser: the secretariat
// plans a seminar for one of the seed's mandates from the mandate's page, registers for it
// (the same account: the secretariat is also a participant here), admits the registration,
// gives an input (refused first without consent, what was typed kept), then generates the
// summary report, edits its Arabic text and publishes it; the mandate then shows the report
// delivered. The seminar and the report are read on a 390 px phone in Arabic and English.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  shots, startPlatform, launchBrowser, contextIn, fitsThePhone, firstAdministrator,
} from './harness.mjs';

let platform;
let browser;

before(async () => {
  platform = await startPlatform('seminars');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await platform?.stop();
});

const callTitle = 'دعوة إلى تقديم مساهمات بشأن التعاون الإقليمي';

const day = (offset) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

test('a seminar is held and its summary report published, in Arabic', async () => {
  const { baseUrl, invitationPath } = platform;
  const context = await contextIn(browser, 'ar', 1200);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4(22|09)/.test(message.text())) errors.push(message.text());
  });
  await firstAdministrator(page, baseUrl, invitationPath, 'أمل', [['secretariat', null]]);

  // A mandate of the seed addressed to the High Commissioner.
  const listed = await (await fetch(`${baseUrl}/api/v1/mandates?addressee=high-commissioner`)).json();
  const mandate = listed.items[0];
  const mandatePath = `/mandates/${mandate.addressee}/${mandate.paragraph}/${mandate.symbol}`;
  await page.goto(`${baseUrl}${mandatePath}`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await page.click('#plan-seminar');
  await page.waitForLoadState('load');
  const form = page.locator('#seminar-form');
  assert.equal(await form.locator('[name=symbol]').inputValue(), mandate.symbol, 'the mandate is filled in');
  await form.locator('[name=title]').fill('الحلقة الدراسية الإقليمية لمجموعة الدول الأفريقية');
  await form.locator('[name=region]').selectOption('african');
  await form.locator('[name=registration_opens]').fill(day(-7));
  await form.locator('[name=registration_deadline]').fill(day(0));
  await form.locator('[name=start]').fill(day(0));
  await form.locator('[name=end]').fill(day(0));
  await form.locator('[name=venue]').selectOption('hybrid');
  await form.locator('[name=place]').fill('أديس أبابا، مركز الأمم المتحدة للمؤتمرات');
  await form.locator('[name=agenda]').fill('الافتتاح\nالتحديات والثغرات\nالممارسات الجيدة');
  await form.locator('button[type=submit]').click();
  await page.waitForURL(/\/seminars\/\d+$/);
  const seminarPath = new URL(page.url()).pathname;

  // Registration: the account's e-mail is registered; the secretariat admits it.
  const registration = page.locator('#registration-form');
  await registration.locator('[name=stakeholder_type]').selectOption('nhri');
  await registration.locator('[name=name]').fill('أمل الحسيني');
  await registration.locator('[name=organisation]').fill('المؤسسة الوطنية لحقوق الإنسان');
  await registration.locator('[name=state]').fill('MAR');
  await registration.locator('[name=listed]').check();
  await registration.locator('button[type=submit]').click();
  await page.waitForLoadState('load');
  assert.equal(await page.getAttribute('#own-status', 'data-status'), 'pending');
  await page.locator('ul.registrations form').filter({ has: page.locator('input[name=decision][value=approved]') }).locator('button').click();
  await page.waitForLoadState('load');
  assert.equal(await page.getAttribute('#own-status', 'data-status'), 'approved');

  // An input without consent is refused, naming the field, and the text is kept.
  const input = page.locator('#input-form');
  const said = 'نقص التمويل يحول دون تنفيذ توصيات الاستعراض الدوري الشامل في البلدان الأقل نمواً.';
  await input.locator('[name=kind]').selectOption('challenge');
  await input.locator('[name=theme]').fill('التمويل');
  await input.locator('[name=agenda_item]').selectOption('2');
  await input.locator('[name=text]').fill(said);
  await input.locator('button[type=submit]').click();
  await page.waitForLoadState('load');
  assert.match(await page.locator('#form-errors').textContent(), /publish/);
  assert.equal(await page.locator('#input-form [name=text]').inputValue(), said);
  await page.locator('#input-form [name=publish][value=yes]').check();
  await page.locator('#input-form [name=quote][value=yes]').check();
  await page.locator('#input-form button[type=submit]').click();
  await page.waitForLoadState('load');
  assert.ok((await page.locator('#inputs ~ ul.inputs').textContent()).includes(said), 'the input is shown');
  assert.ok((await page.locator('#participants').textContent()).includes('أمل الحسيني'));
  await page.screenshot({ path: join(shots, 'seminar-ar-1200.png'), fullPage: true });

  // A call for inputs of the same mandate, answered in Arabic.
  await page.goto(`${baseUrl}${mandatePath}`);
  await page.click('#plan-call');
  await page.waitForLoadState('load');
  const call = page.locator('#call-form');
  await call.locator('[name=title]').fill(callTitle);
  await call.locator('[name=questions]').fill('ما التحديات التي تواجه التعاون التقني؟\nما الممارسات الجيدة التي تقترحونها؟');
  await call.locator('[name=opens]').fill(day(-3));
  await call.locator('[name=deadline]').fill(day(5));
  await call.locator('button[type=submit]').click();
  await page.waitForURL(/\/consultations\/\d+$/);
  const callPath = new URL(page.url()).pathname;
  const submission = page.locator('#submission-form');
  const answer = 'تحتاج المؤسسات الوطنية إلى تدريب مستمر على إعداد التقارير.';
  await submission.locator('[name=submitter_type]').selectOption('nhri');
  await submission.locator('[name=name]').fill('المؤسسة الوطنية لحقوق الإنسان');
  await submission.locator('textarea').first().fill(answer);
  await submission.locator('[name=publish][value=yes]').check();
  await submission.locator('button[type=submit]').click();
  await page.waitForLoadState('load');
  assert.equal(await page.locator('#confirmation').count(), 1, 'the submission is confirmed');
  assert.ok((await page.content()).includes(answer), 'the published answer is on the call page');

  // The summary report: generated, edited in Arabic, published.
  await page.goto(`${baseUrl}${mandatePath}`);
  await page.click('#summary-report-link');
  await page.waitForLoadState('load');
  const reportPath = new URL(page.url()).pathname;
  const generate = page.locator('#generate-form');
  await generate.locator('[name=symbol]').fill('A/HRC/63/21');
  await generate.locator('button[type=submit]').click();
  await page.waitForLoadState('load');
  assert.equal(await page.getAttribute('#shown-version', 'data-stage'), 'draft');
  const article = page.locator('article.report');
  assert.equal(await article.getAttribute('dir'), 'rtl');
  assert.ok((await article.textContent()).includes(said), 'the report quotes the input');
  const edit = page.locator('#edit-form [name=text_ar]');
  const added = 'وتشكر الأمانة حكومة إثيوبيا على استضافة الحلقة الدراسية.';
  await edit.fill(`${await edit.inputValue()}\n\n${added}\n`);
  await page.locator('#edit-form [name=note]').fill('شكر البلد المضيف');
  await page.locator('#edit-form button[type=submit]').click();
  await page.waitForLoadState('load');
  assert.ok((await page.locator('article.report').textContent()).includes(added), 'the edit is in the draft');
  await page.locator('#publish-form button[type=submit]').click();
  await page.waitForLoadState('load');
  assert.equal(await page.getAttribute('#report-status', 'data-published'), 'true');
  assert.equal(await page.locator('#versions tbody tr').count(), 3, 'generated, edited, published: every version kept');
  assert.equal(await page.locator('#generate-form').count(), 0, 'a published report is closed to edits');
  await page.screenshot({ path: join(shots, 'summary-report-ar-1200.png'), fullPage: true });

  // The mandate now shows the report delivered.
  await page.goto(`${baseUrl}${mandatePath}`);
  assert.equal(await page.getAttribute('#status', 'data-status'), 'delivered');
  assert.ok((await page.locator('#outputs').textContent()).includes('A/HRC/63/21'));
  assert.deepEqual(errors, []);
  await context.close();

  // The public reads both on a phone, in Arabic and English.
  for (const lang of ['ar', 'en']) {
    const phone = await contextIn(browser, lang, 390);
    const p = await phone.newPage();
    for (const [path, name] of [['/seminars', 'seminars'], [seminarPath, 'seminar'], ['/consultations', 'consultations'], [callPath, 'consultation'], [reportPath, 'summary-report']]) {
      await p.goto(`${baseUrl}${path}`);
      await fitsThePhone(p, `${name} (${lang})`);
      await p.screenshot({ path: join(shots, `${name}-${lang}-390.png`), fullPage: true });
    }
    await p.goto(`${baseUrl}${reportPath}`);
    const text = await p.locator('article.report').textContent();
    assert.ok(text.includes('A/HRC/63/21') && text.includes(said), 'the public reads the published report');
    assert.ok(text.includes(callTitle), 'the report lists the call for inputs');
    // The secretariat's edit was to the Arabic text only.
    assert.equal(text.includes(added), lang === 'ar', `the Arabic edit is in the ${lang} text only if Arabic`);
    await phone.close();
  }
});
