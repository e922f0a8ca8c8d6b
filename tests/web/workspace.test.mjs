// The workspace in the page: the example workspace
// loads through the Data tab's file chooser; in the Season tab a status is changed and a second
// top-choice letter refused, by clicks, and on its rank list (the top of the tab) a program is
// moved down; the export holds it all, and all of it survives a reload. Then a program's dates and
// notes: a date in the wrong form refused and fixed in its field, a note typed, both kept after a
// reload; and the tab on a phone, its tabs in rows of whole labels. Every action is a click at the position the app
// reports for its widget; getState() and the page's storage are only read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, artifactsDir } from './browser.mjs';
import { openWith, clickItem, findItem, typeText, press, state, waitForState, openPanel, localStorageItem, frames, storageKeys } from './ui.mjs';

const kWorkspaceKey = storageKeys.workspace;
const kWorkspaceFile = fileURLToPath(new URL('../../assets/workspaces/seed_delta_img_workspace.json', import.meta.url));
const kOne = 'SAMPLE-IM-MS-001', kTwo = 'SAMPLE-IM-MS-002', kThree = 'SAMPLE-IM-MS-003';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Scrolls the page (the mouse wheel over the canvas, as a person does) until the widget is
// wholly on screen; the Season tab is taller than a laptop's screen.
async function reveal(page, label, { steps = 12 } = {}) {
  const height = page.viewportSize().height;
  for (let i = 0; i < steps; ++i) {
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
  await page.mouse.wheel(0, -5000);
  await frames(page, 4);
}

async function loadWorkspace(page) {
  await openPanel(page, 'Data');
  await waitForState(page, (x) => x.dataset.program_count > 0 && !x.work.busy, { what: 'the sample list' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'Load a workspace (JSON)…')]);
  await chooser.setFiles({ name: 'mine.json', mimeType: 'application/json', buffer: readFileSync(kWorkspaceFile) });
  return waitForState(page, (x) => x.workspace.tracked === 4 && x.rank_list.p_match !== null && !x.work.busy,
                      { what: 'the workspace loaded' });
}

test('the workspace: a status, a refused letter and a move on the rank list in the Season tab, kept after a reload', async () => {
  const { context, page, errors } = await openWith(env);
  try {
    let s = await loadWorkspace(page);
    assert.match(s.messages.at(-1).text, /^Loaded your workspace mine\.json: your profile, research on 2 programs, 1 added program, 1 hidden program and 4 programs in the tracker\./);
    assert.equal(s.profile.step2ck.score, 218);
    assert.deepEqual(s.rank_list.ids, [kOne, kTwo]);

    // Season: SAMPLE-IM-MS-003 interviewed (it joins the rank list last).
    await openPanel(page, 'Season');
    await reveal(page, `status_${kThree}`);
    await clickItem(page, `status_${kThree}`);
    await clickItem(page, 'interviewed');
    s = await waitForState(page, (x) => x.tracker[kThree].status === 'interviewed', { what: 'the new status' });
    assert.equal(s.tracker[kThree].rank, 3);
    assert.deepEqual(s.rank_list.ids, [kOne, kTwo, kThree]);
    // A second top-choice letter (001 has it): refused, with the reason.
    await reveal(page, `Top-choice letter##${kTwo}`);
    await clickItem(page, `Top-choice letter##${kTwo}`);
    s = await waitForState(page, (x) => x.tracker_refusal !== '', { what: 'the refusal' });
    assert.match(s.tracker_refusal, /already marked for "SAMPLE-IM-MS-001"/);
    assert.equal(s.tracker[kTwo].checklist.top_choice_letter, false);
    await page.mouse.move(1200, 780);  // no tooltip over the screenshot
    await frames(page, 3);
    await page.screenshot({ path: join(artifactsDir, 'season-refusal-desktop.png') });
    // Another step is not limited.
    await clickItem(page, `Open house##${kTwo}`);
    s = await waitForState(page, (x) => x.tracker[kTwo].checklist.open_house === true, { what: 'the open house ticked' });

    // The rank list: 001 down one place.
    await scrollToTop(page);
    const before = s.rank_list.p_match;
    await clickItem(page, `Down##${kOne}`);
    s = await waitForState(page, (x) => x.rank_list.ids[0] === kTwo, { what: 'the new rank order' });
    assert.deepEqual(s.rank_list.ids, [kTwo, kOne, kThree]);
    assert.equal(s.tracker[kTwo].rank, 1);
    assert.equal(s.tracker[kOne].rank, 2);
    assert.ok(Math.abs(s.rank_list.p_match - before) < 1e-9, 'the same programs: the same chance to match somewhere');
    assert.equal(s.rank_list.p_match_here.length, 3);
    assert.equal(s.rank_list.extra_rank_fee_usd, 0);
    await page.mouse.move(1200, 780);
    await frames(page, 3);
    await page.screenshot({ path: join(artifactsDir, 'season-desktop.png') });

    // The Programs tab marks the applicant's own facts (SAMPLE-IM-MS-003's visa and non-US IMG share).
    await openPanel(page, 'Programs');
    await clickItem(page, '##search');
    await typeText(page, kThree);
    await waitForState(page, (x) => x.ui.programs_shown === 1, { what: 'one program found' });
    // Over its name in the one row (under the column headers, a row and a half below the search
    // field; the Pin button is scrolled off to the right): the tooltip.
    const search = await findItem(page, '##search');
    await page.mouse.move(60, search.y + search.h + search.h * 1.5);
    await frames(page, 6);
    await page.screenshot({ path: join(artifactsDir, 'programs-own-facts-desktop.png') });

    // The saved copy and the export hold it.
    const saved = JSON.parse(await localStorageItem(page, kWorkspaceKey));
    assert.equal(saved.tracker[kThree].status, 'interviewed');
    assert.equal(saved.profile, undefined, 'the profile is saved under its own key');
    await scrollToTop(page);
    await openPanel(page, 'Data');
    const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'Export my workspace')]);
    assert.equal(download.suggestedFilename(), 'openpick-workspace.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(exported.kind, 'openpick-workspace');
    assert.equal(exported.profile.step2ck.score, 218);
    assert.equal(exported.tracker[kOne].rank, 2);
    assert.ok(exported.research[kThree], 'the research is exported');

    // A reload: everything back from this browser.
    await page.reload();
    await page.evaluate(() => window.openpick.ready);
    await page.evaluate(() => window.openpick.items());
    await frames(page, 2);
    s = await waitForState(page, (x) => x.dataset.program_count > 0 && x.rank_list.p_match !== null && !x.work.busy,
                           { what: 'the restored workspace' });
    assert.deepEqual(s.rank_list.ids, [kTwo, kOne, kThree]);
    assert.equal(s.tracker[kThree].status, 'interviewed');
    assert.equal(s.tracker[kTwo].checklist.open_house, true);
    assert.equal(s.workspace.research, 2);
    assert.equal(s.profile.step2ck.score, 218);
    await openPanel(page, 'Season');
    await findItem(page, `Up##${kOne}`);  // the restored rank list is drawn
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('dates and notes in the Season tab: a bad day refused and fixed in its field, a note typed, kept after a reload', async () => {
  const { context, page, errors } = await openWith(env);
  try {
    await loadWorkspace(page);
    await openPanel(page, 'Season');
    await reveal(page, `Dates and notes##${kThree}`);
    await clickItem(page, `Dates and notes##${kThree}`);
    // A new date: "interview", its day typed without the leading zero: refused, naming it.
    await reveal(page, `new_date_kind_${kThree}`);
    await clickItem(page, `new_date_kind_${kThree}`);
    await clickItem(page, 'interview');
    await clickItem(page, `new_date_${kThree}`, { at: 'left' });
    await typeText(page, '2026-12-1');
    await clickItem(page, `Add date##${kThree}`);
    let s = await waitForState(page, (x) => x.tracker_refusal !== '', { what: 'the refusal' });
    assert.match(s.tracker_refusal, /^the date "interview" for .+ \(SAMPLE-IM-MS-003\): "2026-12-1" is not a calendar day written YYYY-MM-DD/);
    assert.equal(s.tracker[kThree].dates.interview, undefined, 'nothing saved');
    assert.deepEqual(JSON.parse(await localStorageItem(page, kWorkspaceKey)).tracker[kThree].dates, { applied: '2026-09-24' });
    await page.mouse.move(1270, 790);
    await frames(page, 3);
    await page.screenshot({ path: join(artifactsDir, 'season-date-refused-desktop.png') });
    // Fixed in the field, which kept what was typed: one character off, two typed.
    await clickItem(page, `new_date_${kThree}`, { at: 'left' });
    await press(page, 'End');
    await press(page, 'Backspace');
    await typeText(page, '01');
    await clickItem(page, `Add date##${kThree}`);
    s = await waitForState(page, (x) => x.tracker[kThree].dates.interview === '2026-12-01', { what: 'the date added' });
    assert.equal(s.tracker_refusal, '');
    // A note: nothing saved while typing; saved once the field is left.
    const notes = await reveal(page, `notes_${kThree}`);
    await clickItem(page, `notes_${kThree}`);
    await typeText(page, 'Ask about the rural track.');
    assert.equal((await state(page)).tracker[kThree].notes, undefined, 'committed per key');
    await page.mouse.click(1270, notes.y + notes.h / 2);  // beside the field, where nothing is
    await frames(page, 3);
    s = await waitForState(page, (x) => x.tracker[kThree].notes === 'Ask about the rural track.', { what: 'the note saved' });
    await page.mouse.move(1270, 790);
    await frames(page, 3);
    await page.screenshot({ path: join(artifactsDir, 'season-dates-desktop.png') });

    await page.reload();
    await page.evaluate(() => window.openpick.ready);
    await page.evaluate(() => window.openpick.items());
    await frames(page, 2);
    s = await waitForState(page, (x) => x.dataset.program_count > 0 && !x.work.busy && x.tracker[kThree],
                           { what: 'the restored workspace' });
    assert.deepEqual(s.tracker[kThree].dates, { applied: '2026-09-24', interview: '2026-12-01' });
    assert.equal(s.tracker[kThree].notes, 'Ask about the rural track.');
    await openPanel(page, 'Season');
    await reveal(page, `Dates and notes##${kThree}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('screenshots: the Season tab (rank list and tracker) and the Data tab on a phone', async () => {
  const { context, page, errors } = await openWith(env, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  try {
    await loadWorkspace(page);
    await openPanel(page, 'Season');
    await frames(page, 4);
    await page.screenshot({ path: join(artifactsDir, 'season-phone.png') });
    // Every tab's label whole (rows of tabs: a tab bar cut them to "Prog…", "Seas…").
    const tabs = [];
    for (const name of ['Start', 'Profile', 'Plan', 'Programs', 'Season', 'Data', 'About']) {
      const tab = await findItem(page, name);
      assert.ok(tab.x >= 0 && tab.x + tab.w <= 390, `the ${name} tab is on the screen`);
      tabs.push(tab);
    }
    assert.ok(tabs.some((t) => t.y > tabs[0].y + tabs[0].h / 2), 'the tabs wrap to a second row');
    await reveal(page, `Top-choice letter##${kThree}`, { steps: 40 });  // down to the tracker (a long way on a phone)
    await page.screenshot({ path: join(artifactsDir, 'season-phone-tracker.png') });
    await reveal(page, `Dates and notes##${kOne}`, { steps: 40 });
    await clickItem(page, `Dates and notes##${kOne}`);
    await reveal(page, `notes_${kOne}`);
    await page.screenshot({ path: join(artifactsDir, 'season-phone-dates.png') });
    await scrollToTop(page);
    await openPanel(page, 'Data');
    await reveal(page, 'Export my workspace');
    await page.screenshot({ path: join(artifactsDir, 'workspace-data-phone.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
