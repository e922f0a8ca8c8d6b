// Faults the browser causes, not the user:
//   - the WebGL context is lost (forced with WEBGL_lose_context) and restored: the planner draws
//     again with the same profile and plan, without a reload and without an error overlay;
//   - localStorage is blocked (every access throws a SecurityError, as with site data blocked),
//     full (setItem throws QuotaExceededError), or holds a damaged profile: the app starts, says so
//     in state.messages, keeps the damaged copy as a backup, and saves the user's next change once
//     storage accepts writes again.
// The faults are made in the page before the app starts (context.addInitScript); everything the
// user does is a click where the app reports its widget (window.openpick.items()).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, artifactsDir, waitReady, canvasPixels } from './browser.mjs';
import { state, clickItem, findItem, frames, waitForState, openPanel, localStorageItem, storageKeys } from './ui.mjs';

const kExample = /^Use this example: /;
const kProfileKey = storageKeys.profile;
const kSettingsKey = storageKeys.settings;
const kBackupKey = storageKeys.backup;
const kDamaged = '{"schema_version": 1, "graduate_type": "non_us_img", "step2ck": {"score": 2';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Opens the planner in a fresh context whose pages run `init(arg)` before any of the page's own
// scripts, records errors, and turns widget-position recording on.
async function openFaulty(init, arg) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (init) await context.addInitScript(init, arg);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(env.server.url);
  await started(page);
  return { context, page, errors };
}

async function started(page) {
  await waitReady(page);
  await page.evaluate(() => window.openpick.items());  // the first call turns recording on
  await frames(page, 2);
}

// The index-th example profile on the Start tab; resolves once it is the profile and has a plan.
async function pickExample(page, index = 0) {
  const item = await findItem(page, kExample, { index });
  const name = item.label;
  await clickItem(page, kExample, { index });
  const s = await waitForState(page, (x) => x.profile && x.plan, { what: `the profile of "${name}" and its plan` });
  return s;
}

function overlay(page) {
  return page.evaluate(() => {
    const o = document.getElementById('overlay');
    return { hidden: o.classList.contains('hidden'), error: o.classList.contains('error'),
             text: document.getElementById('overlay-text').textContent };
  });
}

function messagesMatching(s, re) {
  return s.messages.filter((m) => re.test(m.text));
}

function sameFraction(a, b) {
  let same = 0;
  for (let i = 0; i < a.rgb.length; ++i) same += a.rgb[i] === b.rgb[i] ? 1 : 0;
  return same / a.rgb.length;
}

test('a lost WebGL context comes back: the same profile and plan, drawn again, no reload', async () => {
  const { context, page, errors } = await openFaulty();
  try {
    const picked = await pickExample(page);
    await openPanel(page, 'Plan');
    await frames(page, 4);
    const before = await state(page);
    const drawnBefore = await canvasPixels(page);
    assert.ok(drawnBefore.distinct > 8, `the plan is drawn before the loss (${drawnBefore.distinct} colours)`);
    await page.evaluate(() => { window.faultsLoaded = true; });  // gone if the page reloads

    // Lose the context as a GPU reset would.
    const lostEvent = await page.evaluate(() => new Promise((done) => {
      const c = document.getElementById('canvas');
      const gl = c.getContext('webgl2');  // the app's own context
      window.faultsLoseContext = gl.getExtension('WEBGL_lose_context');
      c.addEventListener('webglcontextlost', (e) => setTimeout(() => done({ defaultPrevented: e.defaultPrevented }), 0),
                         { once: true });
      window.faultsLoseContext.loseContext();
    }));
    assert.ok(lostEvent.defaultPrevented, 'the loss event is cancelled, so the browser may restore the context');
    await frames(page, 5);
    assert.equal(await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').isContextLost()), true);
    const during = await overlay(page);
    assert.equal(during.error, false, 'a lost context is not shown as an error');
    assert.equal(during.hidden, false, 'a notice is shown while the display is gone');
    assert.match(during.text, /interrupted/);
    const whileLost = await state(page);
    assert.deepEqual(whileLost.profile, before.profile, 'the state is untouched while the context is lost');
    assert.equal(whileLost.ui.active_panel, 'Plan');
    await page.screenshot({ path: join(artifactsDir, 'faults-context-lost.png') });

    // The browser gives the context back.
    await page.evaluate(() => new Promise((done) => {
      const c = document.getElementById('canvas');
      c.addEventListener('webglcontextrestored', () => done(), { once: true });
      window.faultsLoseContext.restoreContext();
    }));
    await frames(page, 6);
    const after = await state(page);
    assert.equal(await page.evaluate(() => window.faultsLoaded), true, 'the page was not reloaded');
    assert.deepEqual(after.profile, before.profile, 'the same profile');
    assert.deepEqual(after.plan, before.plan, 'the same plan');
    assert.deepEqual(after.profile, picked.profile);
    const shown = await overlay(page);
    assert.equal(shown.error, false, 'the overlay is not in the error state');
    assert.equal(shown.hidden, true, 'the notice is gone once the context is back');

    // Drawn again: not blank, and the same picture as before the loss (same panel, same plan).
    const drawnAfter = await canvasPixels(page);
    assert.ok(drawnAfter.distinct > 8, `the canvas draws again (${drawnAfter.distinct} colours)`);
    const same = sameFraction(drawnBefore, drawnAfter);
    assert.ok(same > 0.97, `the restored frame matches the one before the loss (${(same * 100).toFixed(1)}% of samples)`);
    await page.screenshot({ path: join(artifactsDir, 'faults-context-restored.png') });

    // And the interface still answers clicks (new shaders, buffers and font texture in use).
    const profileTab = await openPanel(page, 'Profile');
    assert.equal(profileTab.ui.active_panel, 'Profile');
    await frames(page, 3);
    const profilePixels = await canvasPixels(page);
    assert.ok(sameFraction(drawnAfter, profilePixels) < 0.97, 'the Profile tab is drawn, not the old frame');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Every access to window.localStorage throws, as in a browser with site data blocked, while
// window.faultsStorageBlocked is true.
function blockStorage() {
  let owner = window;
  while (owner && !Object.getOwnPropertyDescriptor(owner, 'localStorage')) owner = Object.getPrototypeOf(owner);
  const realGet = Object.getOwnPropertyDescriptor(owner, 'localStorage').get;
  window.faultsStorageBlocked = true;
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      if (window.faultsStorageBlocked) {
        throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.",
                               'SecurityError');
      }
      return realGet.call(window);
    },
  });
}

test('blocked storage: the app starts, says so, works in memory, and saves once storage is allowed', async () => {
  const { context, page, errors } = await openFaulty(blockStorage);
  try {
    const blocked = await page.evaluate(() => { try { void window.localStorage; return false; } catch (e) { return e.name; } });
    assert.equal(blocked, 'SecurityError', 'the fault is in place');
    let s = await state(page);
    const warnings = messagesMatching(s, /blocks storage/);
    assert.equal(warnings.length, 1, `one message says storage is blocked: ${JSON.stringify(s.messages)}`);
    assert.equal(warnings[0].severity, 'warning');
    assert.match(warnings[0].text, /will not be kept after you close the page/);
    assert.match(warnings[0].text, /Export/);
    assert.ok(warnings[0].details.some((d) => /SecurityError/.test(d)), 'the browser\'s reason is in the details');
    assert.ok(s.dataset.program_count > 0, 'the sample program list loaded');
    assert.equal((await overlay(page)).error, false);

    // The planner works in memory, and does not repeat the warning with each change.
    const first = await pickExample(page, 0);
    assert.ok(first.plan.programs.length > 0);
    await openPanel(page, 'Data');
    await frames(page, 3);
    await page.screenshot({ path: join(artifactsDir, 'faults-storage-blocked-data.png') });
    await openPanel(page, 'Start');
    s = await state(page);
    assert.equal(messagesMatching(s, /blocks storage/).length, 1, 'said once');
    assert.equal(messagesMatching(s, /Could not save/).length, 0, 'blocked is not reported as full');

    // Storage allowed again: the next change is saved.
    await page.evaluate(() => { window.faultsStorageBlocked = false; });
    const second = await pickExample(page, 1);
    const saved = JSON.parse(await localStorageItem(page, kProfileKey));
    assert.deepEqual(saved, second.profile, 'the profile chosen after storage came back is saved');
    assert.ok(await localStorageItem(page, kSettingsKey), 'and the settings');
    s = await state(page);
    assert.equal(messagesMatching(s, /blocks storage/).length, 0, 'the warning goes once saving works');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// localStorage.setItem throws QuotaExceededError while window.faultsStorageFull is true (reads
// work, as in a full storage). Set again on every page load.
function fillStorage() {
  const realSet = Storage.prototype.setItem;
  window.faultsStorageFull = true;
  Storage.prototype.setItem = function setItem(key, value) {
    if (window.faultsStorageFull) {
      throw new DOMException(`Failed to execute 'setItem' on 'Storage': Setting the value of '${key}' exceeded the quota.`,
                             'QuotaExceededError');
    }
    return realSet.call(this, key, value);
  };
}

test('full storage: the app says the change was not saved, keeps it, and saves the next change once there is room', async () => {
  const { context, page, errors } = await openFaulty(fillStorage);
  try {
    let s = await state(page);
    assert.deepEqual(s.messages, [], 'a full storage still reads: nothing to say at start');

    const first = await pickExample(page, 0);
    s = await waitForState(page, (x) => messagesMatching(x, /Could not save in this browser/).length > 0,
                           { what: 'the "could not save" message' });
    const warnings = messagesMatching(s, /Could not save in this browser/);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].severity, 'warning');
    assert.match(warnings[0].text, /export your profile/i);
    assert.ok(warnings[0].details.some((d) => /QuotaExceededError/.test(d)), `the reason: ${warnings[0].details}`);
    assert.equal(messagesMatching(s, /blocks storage/).length, 0, 'full is not reported as blocked');
    assert.deepEqual(s.profile, first.profile, 'the profile stays in memory');
    assert.equal(await localStorageItem(page, kProfileKey), null, 'nothing was written');

    // A second change while full: still one message.
    await pickExample(page, 1);
    s = await state(page);
    assert.equal(messagesMatching(s, /Could not save in this browser/).length, 1, 'said once, not per change');

    // Room again: the next change is saved and the warning goes.
    await page.evaluate(() => { window.faultsStorageFull = false; });
    await clickItem(page, kExample, { index: 0 });
    s = await waitForState(page, (x) => x.profile && x.plan && x.profile.step2ck.score === first.profile.step2ck.score &&
                                        messagesMatching(x, /Could not save/).length === 0,
                           { what: 'the first example again, saved' });
    assert.deepEqual(JSON.parse(await localStorageItem(page, kProfileKey)), s.profile, 'the new change is saved');

    // After a reload (storage full again, but readable) the saved profile comes back; the app's
    // next write (the profile, again, once the sample list has loaded) is refused and said once.
    await page.reload();
    await started(page);
    const restored = await waitForState(page, (x) => x.profile && x.plan, { what: 'the restored profile' });
    assert.deepEqual(restored.profile, s.profile);
    assert.ok(restored.messages.every((m) => /Could not save in this browser/.test(m.text)), JSON.stringify(restored.messages));
    assert.ok(restored.messages.length <= 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// A damaged profile in storage before the app's first start (once per browsing session, so a
// reload finds what the app saved).
function damageProfile({ key, damaged }) {
  if (sessionStorage.getItem('faults.seeded')) return;
  sessionStorage.setItem('faults.seeded', '1');
  localStorage.setItem(key, damaged);
}

test('a damaged saved profile: the app starts fresh, says so, keeps a backup, and saves the next profile', async () => {
  const { context, page, errors } = await openFaulty(damageProfile, { key: kProfileKey, damaged: kDamaged });
  try {
    let s = await state(page);
    assert.equal(s.profile, null, 'a fresh profile');
    const warnings = messagesMatching(s, /could not be read/);
    assert.equal(warnings.length, 1, `one message: ${JSON.stringify(s.messages)}`);
    assert.equal(warnings[0].severity, 'warning');
    assert.match(warnings[0].text, /a copy was kept as a backup/);
    assert.ok(warnings[0].details.length > 0, 'the parse problem is in the details');
    assert.equal(await localStorageItem(page, kBackupKey), kDamaged, 'the damaged copy is kept, byte for byte');
    assert.equal((await overlay(page)).error, false);

    // The user's next profile is saved over the damaged one; the backup stays.
    const picked = await pickExample(page, 0);
    assert.deepEqual(JSON.parse(await localStorageItem(page, kProfileKey)), picked.profile);
    assert.equal(await localStorageItem(page, kBackupKey), kDamaged);

    await page.reload();
    await started(page);
    s = await waitForState(page, (x) => x.profile && x.plan, { what: 'the restored profile' });
    assert.deepEqual(s.profile, picked.profile, 'restored after a reload');
    assert.deepEqual(s.messages, [], 'nothing damaged any more');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
