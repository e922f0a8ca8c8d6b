// The applicant's research in the page, by clicks: in the Programs tab a program's name opens its
// detail view, where a fact is set with where it was found; a program is added by hand; another is
// hidden and the hiding undone; all of it survives a reload (getState and the page's storage are
// only read). A classmate's file is merged from the Data tab and undone. A storage that refuses
// writes mid-save says so, keeps the edit, and saves it once it accepts again. On a phone the
// list's filters and search are on the screen. Screenshots of the list and the form on a desktop
// and a phone (OPENPICK_ARTIFACTS_DIR).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, artifactsDir } from './browser.mjs';
import { openWith, clickItem, findItem, typeInto, waitForState, openPanel, localStorageItem, frames, storageKeys } from './ui.mjs';

const kOne = 'SAMPLE-IM-MS-001', kTwo = 'SAMPLE-IM-MS-002', kThree = 'SAMPLE-IM-MS-003';
const kAddedName = 'Bayou Community IM';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Scrolls (the mouse wheel over the canvas, as a person does) until the widget is wholly on screen.
async function reveal(page, label) {
  const height = page.viewportSize().height;
  for (let i = 0; i < 20; ++i) {
    const item = await findItem(page, label).catch(() => null);
    if (item && item.y >= 0 && item.y + item.h <= height) return item;
    await page.mouse.move(page.viewportSize().width / 2, height / 2);
    await page.mouse.wheel(0, item && item.y < 0 ? -200 : 200);
    await frames(page, 4);
  }
  throw new Error(`"${label}" is not on screen after scrolling`);
}

async function scrollToTop(page) {
  await page.mouse.move(page.viewportSize().width / 2, page.viewportSize().height / 2);
  await page.mouse.wheel(0, -8000);
  await frames(page, 4);
}

// The Programs tab with the sample list, one program found by its id, and its detail view opened
// by a click on its name.
async function openProgram(page, id) {
  await openPanel(page, 'Programs');
  await waitForState(page, (x) => x.dataset.program_count > 0 && !x.work.busy, { what: 'the sample list' });
  const before = (await waitForState(page, () => true)).ui.programs_search;
  await typeInto(page, '##search', id, { clear: before.length });
  await waitForState(page, (x) => x.ui.programs_shown === 1, { what: `${id} found` });
  await clickItem(page, new RegExp(`##open_${id}$`));
  return waitForState(page, (x) => x.research.form.open && x.research.form.id === id, { what: `${id}'s detail view` });
}

async function reload(page) {
  await page.reload();
  await page.evaluate(() => window.openpick.ready);
  await page.evaluate(() => window.openpick.items());
  await frames(page, 2);
  return waitForState(page, (x) => x.dataset.program_count > 0 && !x.work.busy, { what: 'the page again' });
}

test('research by clicks: a fact with its source, a program added by hand, a hiding undone; kept after a reload', async () => {
  const { context, page, errors } = await openWith(env);
  try {
    // SAMPLE-IM-MS-003 sponsors H-1B, says a page the applicant found.
    await openProgram(page, kThree);
    await reveal(page, '##value_visa.h1b');
    await clickItem(page, '##value_visa.h1b');
    await clickItem(page, 'yes');
    await typeInto(page, '##where_visa.h1b', 'https://example.org/visa');
    await page.mouse.move(1270, 790);
    await frames(page, 3);
    await page.screenshot({ path: join(artifactsDir, 'research-form-desktop.png') });
    await scrollToTop(page);
    await clickItem(page, 'Save my research');
    let s = await waitForState(page, (x) => !x.research.form.open && x.research.entries[kThree],
                               { what: 'the research saved' });
    const entry = s.research.entries[kThree];
    assert.equal(entry.visa.h1b, true);
    assert.equal(Object.keys(entry).filter((k) => k !== 'sources').join(), 'visa', 'only the fact edited');
    assert.equal(entry.sources.length, 1);
    assert.equal(entry.sources[0].what, 'visa.h1b');
    assert.equal(entry.sources[0].url, 'https://example.org/visa');
    assert.match(entry.sources[0].date, /^\d{4}-\d\d-\d\d$/);
    assert.match(s.research.undo, /^your research on /);
    assert.ok(s.workspace.own_programs >= 1, 'marked as the applicant\'s in the Programs tab');

    // A program added by hand: its id made from name, specialty and state.
    await clickItem(page, 'Add a program by hand');
    await waitForState(page, (x) => x.research.form.open && x.research.form.adding, { what: 'the add form' });
    await typeInto(page, '##value_name', kAddedName);
    await typeInto(page, '##value_state', 'Louisiana');
    await clickItem(page, 'Add this program');
    s = await waitForState(page, (x) => x.research.added.length === 1, { what: 'the program added' });
    const addedId = s.research.added[0];
    assert.equal(addedId, 'LA-internal-medicine-bayou-community-im');
    assert.equal(s.research.undo, `adding ${kAddedName}`);

    // SAMPLE-IM-MS-002 hidden from its detail view, then the hiding undone with the Undo button.
    await openProgram(page, kTwo);
    await clickItem(page, 'Hide this program');
    s = await waitForState(page, (x) => x.research.hidden.includes(kTwo), { what: 'the program hidden' });
    assert.match(s.research.undo, /^hiding /);
    await findItem(page, 'Hidden programs (1)');
    await clickItem(page, /^Undo hiding /);
    s = await waitForState(page, (x) => x.research.hidden.length === 0, { what: 'the hiding undone' });
    assert.equal(s.research.undo, `adding ${kAddedName}`, 'the step before is next');
    await page.mouse.move(1270, 790);
    await frames(page, 3);
    await page.screenshot({ path: join(artifactsDir, 'research-programs-desktop.png') });

    // Saved in this browser and back after a reload.
    const saved = JSON.parse(await localStorageItem(page, storageKeys.workspace));
    assert.equal(saved.research[kThree].visa.h1b, true);
    assert.equal(saved.added_programs[0].id, addedId);
    s = await reload(page);
    assert.equal(s.research.entries[kThree].visa.h1b, true);
    assert.equal(s.research.entries[kThree].sources[0].url, 'https://example.org/visa');
    assert.deepEqual(s.research.added, [addedId]);
    assert.deepEqual(s.research.hidden, []);
    // The added program is in the list planned over, and opens like any other.
    await openProgram(page, addedId);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('storage full mid-save: said plainly, the edit kept, saved when storage accepts again', async () => {
  const { context, page, errors } = await openWith(env);
  try {
    await openProgram(page, kOne);
    const savedBefore = await localStorageItem(page, storageKeys.workspace);
    // The browser's storage refuses every write from now on, as a full one does.
    await page.evaluate(() => {
      window.__setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    });
    await reveal(page, '##value_visa.h1b');
    await clickItem(page, '##value_visa.h1b');
    await clickItem(page, 'yes');
    await scrollToTop(page);
    await clickItem(page, 'Save my research');
    let s = await waitForState(page, (x) => x.research.entries[kOne], { what: 'the edit in memory' });
    assert.equal(s.research.entries[kOne].visa.h1b, true);
    assert.ok(s.messages.some((m) => m.text.startsWith('Could not save in this browser')), JSON.stringify(s.messages));
    assert.match(s.storage_status, /^Could not save in this browser/);
    assert.equal(await localStorageItem(page, storageKeys.workspace), savedBefore, 'what was saved is kept as it was');
    // Room again: the next change saves both.
    await page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
    await openProgram(page, kOne);
    await clickItem(page, 'Hide this program');
    s = await waitForState(page, (x) => x.storage_status === 'Saved in this browser only.', { what: 'saved again' });
    const saved = JSON.parse(await localStorageItem(page, storageKeys.workspace));
    assert.equal(saved.research[kOne].visa.h1b, true);
    assert.deepEqual(saved.hidden, [kOne]);
    assert.deepEqual(errors.filter((e) => !/quota/i.test(e)), []);
  } finally {
    await context.close();
  }
});

test('merge research from a classmate\'s file in the Data tab: their fact comes with their source; undo takes the merge back', async () => {
  const { context, page, errors } = await openWith(env);
  try {
    await waitForState(page, (x) => x.dataset.program_count > 0 && !x.work.busy, { what: 'the sample list' });
    const theirs = {
      schema_version: 1, kind: 'openpick-workspace',
      research: { [kThree]: { visa: { h1b: true }, sources: [{ what: 'visa.h1b', date: '2026-10-01', by: 'classmate', url: 'https://example.org/theirs' }] } },
    };
    await openPanel(page, 'Data');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Merge research from a file…')]);
    await chooser.setFiles({ name: 'classmate.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
    let s = await waitForState(page, (x) => x.research.entries[kThree], { what: 'the merge' });
    assert.equal(s.research.entries[kThree].visa.h1b, true);
    assert.equal(s.research.entries[kThree].sources[0].by, 'classmate');
    assert.match(s.messages.at(-1).text, /^Merged the research of classmate\.json into yours/);
    assert.equal(s.research.undo, 'merging research from classmate.json');
    // Its detail view lists their source under the fact.
    await openProgram(page, kThree);
    await scrollToTop(page);
    await clickItem(page, 'Back to the list');
    await clickItem(page, 'Undo merging research from classmate.json');
    s = await waitForState(page, (x) => !x.research.entries[kThree], { what: 'the merge undone' });
    assert.equal(s.research.undo, null);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on a phone: the list\'s filters and search wholly on the screen, the search used; screenshots of the form', async () => {
  const { context, page, errors } = await openWith(env, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  try {
    await openPanel(page, 'Programs');
    const listed = await waitForState(page, (x) => x.dataset.program_count > 0 && !x.work.busy && x.ui.programs_shown > 0,
      { what: 'the sample list' });
    await frames(page, 2);
    await page.screenshot({ path: join(artifactsDir, 'programs-phone.png') });
    // Every filter, the search among them, wholly on the screen (they wrap to lines of their own
    // rather than run off to the right), and the search used there as a person does.
    const width = page.viewportSize().width;
    for (const label of ['##fspec', '##fstate', '##fvisa', '##search', '##freach']) {
      const item = await findItem(page, label);
      assert.ok(item.x >= 0 && item.x + item.w <= width && item.w > 0,
        `${label} spans ${item.x}..${item.x + item.w}, outside the phone's 0..${width}`);
    }
    await typeInto(page, '##search', 'Cypress Junction');
    const narrowed = await waitForState(page, (x) => x.ui.programs_search === 'Cypress Junction' &&
      x.ui.programs_shown > 0 && x.ui.programs_shown < listed.ui.programs_shown, { what: 'the list narrowed by the search' });
    await page.screenshot({ path: join(artifactsDir, 'programs-phone-search.png') });
    // The first program's name, as a person taps it.
    await clickItem(page, /##open_/);
    await waitForState(page, (x) => x.research.form.open, { what: 'a detail view' });
    await frames(page, 4);
    await page.screenshot({ path: join(artifactsDir, 'research-form-phone.png') });
    await reveal(page, '##value_visa.h1b');
    await page.screenshot({ path: join(artifactsDir, 'research-form-phone-visa.png') });
    await scrollToTop(page);
    await clickItem(page, 'Back to the list');
    await clickItem(page, 'Add a program by hand');
    await frames(page, 4);
    await page.screenshot({ path: join(artifactsDir, 'research-add-phone.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
