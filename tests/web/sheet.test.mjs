// The applicant's own sheet in the page: a CSV named and spelled their own way
// loads through the file chooser; the Data tab shows where each column went on its first rows;
// a column fixed by clicks is read again, and the choice survives a reload and is used for the
// next file from the same sheet. Every action is a click at the position the app reports for its
// widget; getState() and the page's storage are only read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, artifactsDir } from './browser.mjs';
import { openWith, clickItem, waitForState, openPanel, localStorageItem, frames, storageKeys } from './ui.mjs';

const kSettingsKey = storageKeys.settings;
// "Sponsor" is no alias of any field (it may name the sponsoring institution), so it is not read
// until the applicant says what it holds.
const kSheet = 'Program,Specialty,State,Sponsor,IMG %\n' +
               'Delta Internal Medicine,Internal Medicine,Mississippi,J1/H1B,60%\n' +
               'River Internal Medicine,Internal Medicine,LA,None,35%\n';
const kNextFromSheet = 'Sponsor,Program,State,Specialty,IMG %\n' +
                       'J-1 only,Hill Internal Medicine,AR,Internal Medicine,50%\n';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function loadThroughChooser(page, name, text) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
                                       clickItem(page, 'Load a program list (JSON or CSV)…')]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

const column = (s, header) => s.sheet && s.sheet.columns.find((c) => c.header === header);

test('an own sheet: its columns shown, one fixed by clicks and read again, remembered after a reload', async () => {
  const { context, page, errors } = await openWith(env);
  try {
    await openPanel(page, 'Data');
    await loadThroughChooser(page, 'my-programs.csv', kSheet);
    let s = await waitForState(page, (x) => x.sheet && x.sheet.file === 'my-programs.csv' && x.dataset.program_count === 2,
                               { what: 'the own sheet loaded' });
    assert.equal(s.sheet.loaded, true);
    assert.equal(column(s, 'Program').field, 'name');
    assert.equal(column(s, 'IMG %').field, 'img_share');
    assert.equal(column(s, 'Sponsor').field, null, 'an unknown name is not read');
    const told = s.messages.at(-1);
    assert.equal(told.severity, 'warning');
    assert.match(told.text, /Loaded 2 programs from my-programs\.csv, reading its columns by their names/);
    await page.screenshot({ path: join(artifactsDir, 'sheet-columns-desktop.png') });

    // Column D: "Sponsor" read as visa, by clicks; then read again.
    await clickItem(page, 'read_as_D');
    await clickItem(page, 'visa');
    s = await waitForState(page, (x) => column(x, 'Sponsor').field === 'visa' && x.sheet.edited, { what: 'the edited column' });
    await clickItem(page, 'Read the sheet again with these columns');
    s = await waitForState(page, (x) => x.sheet && !x.sheet.edited && x.sheet_columns_remembered && x.sheet.loaded,
                           { what: 'the sheet read again' });
    assert.equal(column(s, 'Sponsor').field, 'visa');
    assert.equal(s.dataset.program_count, 2);
    const saved = JSON.parse(await localStorageItem(page, kSettingsKey));
    assert.deepEqual(saved.sheet_columns.columns.find((c) => c.header === 'Sponsor'), { header: 'Sponsor', field: 'visa' });

    // A reload, then the next file from the same sheet (columns moved): Sponsor is read as visa.
    await page.reload();
    await page.evaluate(() => window.openpick.ready);
    await page.evaluate(() => window.openpick.items());
    await frames(page, 2);
    s = await waitForState(page, (x) => x.sheet_columns_remembered, { what: 'the remembered columns' });
    await openPanel(page, 'Data');
    await loadThroughChooser(page, 'my-programs-2.csv', kNextFromSheet);
    s = await waitForState(page, (x) => x.sheet && x.sheet.file === 'my-programs-2.csv' && x.dataset.program_count === 1,
                           { what: 'the next file from the sheet' });
    assert.equal(column(s, 'Sponsor').field, 'visa', 'the fixed column is reused');
    assert.equal(column(s, 'Program').field, 'name');

    // "Forget my column choices": the next file reads Sponsor by its name again (not at all).
    await clickItem(page, 'Forget my column choices');
    s = await waitForState(page, (x) => !x.sheet_columns_remembered, { what: 'the choices forgotten' });
    assert.equal(JSON.parse(await localStorageItem(page, kSettingsKey)).sheet_columns, undefined);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('screenshots: an own sheet on a phone', async () => {
  const { context, page, errors } = await openWith(env, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  try {
    await openPanel(page, 'Data');
    await loadThroughChooser(page, 'my-programs.csv', kSheet);
    await waitForState(page, (x) => x.sheet && x.dataset.program_count === 2, { what: 'the own sheet loaded' });
    await frames(page, 4);
    await page.screenshot({ path: join(artifactsDir, 'sheet-columns-phone.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
