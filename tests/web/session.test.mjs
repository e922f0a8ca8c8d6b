// A whole session as a person has it: every action is a click, tap or key press at the
// position the app reports for its widget (window.openpick.items()); getState() and the page's
// storage are only read, to check the outcome. Screenshots go to OPENPICK_ARTIFACTS_DIR for a
// human to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, artifactsDir, siteDir } from './browser.mjs';
import {
  openWith, state, clickItem, tapItem, findItem, typeInto, typeText, press, frames, waitForState,
  openPanel, localStorageItem, parseCsv, canvasSize, storageKeys,
} from './ui.mjs';

const kExample = /^Use this example: Non-US IMG, Step 2 CK 218, needs J-1/;
const kSettingsKey = storageKeys.settings;
const kProfileKey = storageKeys.profile;

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Start: the seed brief's example profile, then the plan appears.
async function pickExample(page, how = clickItem) {
  await how(page, kExample);
  return waitForState(page, (s) => s.profile && s.plan, { what: 'the example profile and its plan' });
}

// The page's off-screen copy of the plan for screen readers.
function mirror(page) {
  return page.evaluate(() => {
    const section = document.getElementById('openpick-results');
    if (!section) return null;
    return {
      live: section.querySelector('[aria-live]')?.getAttribute('aria-live'),
      summary: section.querySelector('[aria-live]')?.textContent,
      rows: [...section.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent)),
      offscreen: section.getBoundingClientRect().width <= 1,
    };
  });
}

test('a whole session: example, new Step 2 CK, pin and exclude, CSV export, bad import, reload', async () => {
  const { context, page, errors } = await openWith(env, { acceptDownloads: true });
  try {
    const start = await pickExample(page);
    assert.equal(start.profile.step2ck.score, 218, 'the seed example profile');
    assert.equal(start.ui.active_panel, 'Start');
    assert.ok(start.plan.programs.length > 0);

    // The mirror for screen readers follows the plan.
    let m = await mirror(page);
    assert.ok(m, 'the results table exists');
    assert.equal(m.live, 'polite');
    assert.ok(m.offscreen, 'the results table is off screen');
    assert.equal(m.rows.length, start.plan.programs.length);
    assert.equal(m.rows[0][1], start.plan.programs[0].name);
    assert.match(m.summary, new RegExp(`chance of matching: ${Math.round(start.plan.p_match * 100)}%`));

    // Profile: select the Step 2 CK field, clear it with Backspace, type a new score.
    await openPanel(page, 'Profile');
    await typeInto(page, 'Step 2 CK score', '236', { clear: 3 });
    // The plan is made again between frames, over several when it is long: wait for it to finish.
    const edited = await waitForState(page, (s) => s.profile.step2ck.score === 236 && !s.work.busy && s.plan &&
                                                s.ui.plan_revision > start.ui.plan_revision,
                                      { what: 'Step 2 CK 236 and its plan' });
    assert.notEqual(edited.plan.p_match, start.plan.p_match, 'the plan changed with the score');
    assert.ok(edited.plan.p_match > start.plan.p_match, 'a higher score, a higher chance');
    // Saved on a debounce after the edit (a burst of edits is one write).
    for (let i = 0; i < 100 && JSON.parse(await localStorageItem(page, kProfileKey)).step2ck.score !== 236; ++i) await frames(page, 2);
    assert.equal(JSON.parse(await localStorageItem(page, kProfileKey)).step2ck.score, 236, 'saved');
    m = await mirror(page);
    assert.match(m.summary, new RegExp(`chance of matching: ${Math.round(edited.plan.p_match * 100)}%`),
                 'the screen-reader summary follows the new plan');

    // Tab moves to the next field (Step 2 CK attempts), its text selected: typing replaces it.
    await press(page, 'Tab');
    await typeText(page, '2');
    const tabbed = await waitForState(page, (s) => s.profile.step2ck.attempts === 2, { what: 'attempts 2 after Tab' });
    assert.equal(tabbed.profile.step2ck.score, 236, 'the score field kept its value');
    await press(page, 'Enter');  // Enter keeps the edit (Escape would undo it)
    await waitForState(page, (s) => s.profile.step2ck.attempts === 2, { what: 'attempts kept after Enter' });

    // Plan: pin the first program, exclude the second.
    await openPanel(page, 'Plan');
    let s = await state(page);
    const pinned = s.plan.programs[0].id;
    await clickItem(page, 'Pin', { index: 0 });
    s = await waitForState(page, (x) => x.plan.programs.some((p) => p.id === pinned && p.pinned), { what: 'the pin' });
    const excluded = s.plan.programs[1].id;
    await clickItem(page, 'Exclude', { index: 1 });
    s = await waitForState(page, (x) => !x.plan.programs.some((p) => p.id === excluded), { what: 'the exclusion' });
    assert.ok(s.plan.programs.find((p) => p.id === pinned).pinned, 'still pinned after the exclusion');
    const settings = JSON.parse(await localStorageItem(page, kSettingsKey));
    assert.deepEqual(settings.pinned, [pinned], 'pin saved with the settings');
    assert.deepEqual(settings.excluded, [excluded], 'exclusion saved with the settings');

    // Export the plan as CSV: a download whose rows are the plan's programs, in order.
    const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'Export plan (CSV)')]);
    assert.equal(download.suggestedFilename(), 'openpick-plan.csv');
    const rows = parseCsv(readFileSync(await download.path(), 'utf8')).filter((r) => r.length > 1);
    assert.deepEqual(rows[0].slice(0, 3), ['order', 'id', 'name']);
    assert.equal(rows.length - 1, s.plan.programs.length, 'one row per planned program');
    assert.deepEqual(rows.slice(1).map((r) => r[1]), s.plan.programs.map((p) => p.id));
    assert.equal(rows.find((r) => r[1] === pinned)[rows[0].indexOf('pinned')], 'yes');

    // Data: a malformed CSV through the file chooser: a message, and nothing else changes.
    await openPanel(page, 'Data');
    const before = await state(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
                                         clickItem(page, 'Load a program list (JSON or CSV)…')]);
    await chooser.setFiles({ name: 'broken.csv', mimeType: 'text/csv',
                             buffer: Buffer.from('id,name,specialty,state\n"P1,"Broken "quote,Internal Medicine,MS\n') });
    const after = await waitForState(page, (x) => x.messages.length > before.messages.length, { what: 'the import message' });
    const msg = after.messages.at(-1);
    assert.equal(msg.severity, 'error');
    assert.match(msg.text, /broken\.csv/);
    assert.ok(msg.details.some((d) => /broken\.csv:2:\d+/.test(d)), `names the line: ${msg.details}`);
    assert.deepEqual(after.plan, before.plan, 'the plan is unchanged');
    assert.deepEqual(after.dataset, before.dataset, 'the program list is unchanged');

    // Reload: the profile and the plan's choices come back from this browser's storage.
    await page.reload();
    await page.evaluate(() => window.openpick.ready);
    const restored = await waitForState(page, (x) => x.profile && x.plan, { what: 'the restored profile' });
    assert.equal(restored.profile.step2ck.score, 236);
    assert.equal(restored.profile.step2ck.attempts, 2);
    assert.ok(restored.plan.programs.find((p) => p.id === pinned)?.pinned, 'pin restored');
    assert.ok(!restored.plan.programs.some((p) => p.id === excluded), 'exclusion restored');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('typing non-ASCII text, and copy and paste with the keyboard', async () => {
  const { context, page, errors } = await openWith(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await openPanel(page, 'Programs');
    await clickItem(page, '##search');
    await typeText(page, 'Ōak é');
    let s = await waitForState(page, (x) => x.ui.programs_search === 'Ōak é', { what: 'the typed search' });
    assert.equal(s.ui.programs_shown, 0);

    // Select all, copy: the system clipboard has the text.
    await press(page, 'Control+A');
    await press(page, 'Control+C');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Ōak é');
    // Delete the selection, then paste it back.
    await press(page, 'Backspace');
    s = await waitForState(page, (x) => x.ui.programs_search === '', { what: 'the cleared search' });
    await press(page, 'Control+V');
    await waitForState(page, (x) => x.ui.programs_search === 'Ōak é', { what: 'the pasted search' });

    // Text pasted from elsewhere, with a non-ASCII character that filters the list.
    await press(page, 'Control+A');
    await press(page, 'Backspace');
    await page.evaluate(() => navigator.clipboard.writeText('— transitional'));
    await press(page, 'Control+V');
    s = await waitForState(page, (x) => x.ui.programs_search === '— transitional', { what: 'the pasted dash' });
    const sample = JSON.parse(readFileSync(join(siteDir, 'datasets', 'sample.json'), 'utf8'));
    const expected = sample.programs.filter((p) =>
      [p.name, p.institution, p.city, p.id].some((f) => String(f ?? '').toLowerCase().includes('— transitional'))).length;
    assert.ok(expected > 0);
    assert.equal(s.ui.programs_shown, expected, 'the search filters by the non-ASCII text');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const dpr of [1.5, 3]) {
  test(`sharp canvas and clicks on target at devicePixelRatio ${dpr}`, async () => {
    // An odd CSS size, so that CSS size x ratio is not a whole number at 1.5.
    const { context, page, errors } = await openWith(env, { viewport: { width: 1001, height: 701 }, deviceScaleFactor: dpr });
    try {
      const c = await canvasSize(page);
      assert.equal(c.dpr, dpr);
      assert.equal(c.w, Math.round(c.cssW * dpr), 'backing store width = CSS width x ratio, rounded');
      assert.equal(c.h, Math.round(c.cssH * dpr), 'backing store height = CSS height x ratio, rounded');
      for (const tab of ['Data', 'About', 'Programs', 'Start']) {
        const s = await openPanel(page, tab);
        assert.equal(s.ui.active_panel, tab);
      }
      // A small button far from the origin lands too.
      await pickExample(page);
      await openPanel(page, 'Plan');
      const exportButton = await findItem(page, 'Export plan (JSON)');
      assert.ok(exportButton.w > 0);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

const kShots = [
  { name: 'session-1280x800-dpr1', options: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } },
  { name: 'session-1280x800-dpr2', options: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 } },
  { name: 'session-phone-390x844', touch: true,
    options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } },
];
for (const shot of kShots) {
  test(`screenshots: ${shot.name}`, async () => {
    const { context, page, errors } = await openWith(env, shot.options);
    try {
      const how = shot.touch ? tapItem : clickItem;
      await page.screenshot({ path: join(artifactsDir, `${shot.name}-start.png`) });
      await pickExample(page, how);
      await openPanel(page, 'Plan', how);
      await frames(page, 3);
      await page.screenshot({ path: join(artifactsDir, `${shot.name}-plan.png`) });
      await openPanel(page, 'Profile', how);
      await frames(page, 3);
      await page.screenshot({ path: join(artifactsDir, `${shot.name}-profile.png`) });
      if (shot.touch) {
        // On a phone a tap in a number field focuses the hidden text field (the on-screen keyboard).
        await tapItem(page, 'Step 2 CK score', { at: 'left' });
        const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
        assert.equal(focused, 'openpick-text', 'the text field has focus, so the keyboard opens');
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
