// Helpers for browser tests that use the planner as a person does: find a widget by its label in
// the positions the app reports for the last frame (window.openpick.items()), then click, tap or
// type there with real mouse, touch and keyboard events. Nothing here calls into the app to act
// for the user; getState() is only read, to check what happened.
import { readFileSync } from 'node:fs';
import { frames, siteDir, startServer } from './browser.mjs';
import { plannerHeaders } from '../../scripts/csp.mjs';

export { frames, siteDir, startServer, plannerHeaders };

// Opens the planner in a fresh context with any playwright context options (isMobile, hasTouch,
// deviceScaleFactor...), records errors, and turns widget-position recording on.
export async function openWith(env, contextOptions = {}, path = '') {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(env.server.url + path);
  await page.evaluate(() => window.openpick.ready);
  await page.evaluate(() => window.openpick.items());  // the first call turns recording on
  await frames(page, 2);
  return { context, page, errors };
}

export const state = (page) => page.evaluate(() => window.openpick.getState());

// A label matches exactly, or up to Dear ImGui's "##" id suffix, or as a prefix ending in "…".
function matches(itemLabel, wanted) {
  if (wanted instanceof RegExp) return wanted.test(itemLabel);
  return itemLabel === wanted || itemLabel.split('##')[0] === wanted;
}

// The rectangle (page CSS px) of the index-th widget labelled `label` in the last frame, waiting
// a few frames for it to appear (after a tab change, say).
export async function findItem(page, label, { index = 0, timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const [items, origin] = await page.evaluate(() => {
      const r = document.getElementById('canvas').getBoundingClientRect();
      return [window.openpick.items(), { x: r.left, y: r.top }];
    });
    const found = items.filter((it) => matches(it.label, label));
    if (found.length > index) {
      const it = found[index];
      return { label: it.label, x: origin.x + it.x, y: origin.y + it.y, w: it.w, h: it.h };
    }
    if (Date.now() > deadline) {
      const labels = [...new Set(items.map((it) => it.label))].join(' | ');
      throw new Error(`no widget "${label}" (#${index}) on screen; labels: ${labels}`);
    }
    await frames(page, 1);
  }
}

// Where to press inside a widget: its centre, or (for a number field, whose reported rectangle
// holds the text box and its -/+ buttons) a little in from its left edge.
function point(item, at) {
  if (at === 'left') return { x: item.x + Math.min(12, item.w / 4), y: item.y + item.h / 2 };
  return { x: item.x + item.w / 2, y: item.y + item.h / 2 };
}

export async function clickItem(page, label, { index = 0, at = 'centre', settle = 3 } = {}) {
  const item = await findItem(page, label, { index });
  const p = point(item, at);
  await page.mouse.click(p.x, p.y);
  await frames(page, settle);
  return item;
}

// A finger tap at the widget (touch events, as on a phone).
export async function tapItem(page, label, { index = 0, at = 'centre', settle = 4 } = {}) {
  const item = await findItem(page, label, { index });
  const p = point(item, at);
  await page.touchscreen.tap(p.x, p.y);
  await frames(page, settle);
  return item;
}

// Dear ImGui reads keys once per frame and the page hands it one press per frame, so typing is
// paced by frames, not by a fixed delay.
export async function press(page, key, times = 1) {
  for (let i = 0; i < times; ++i) {
    await page.keyboard.press(key);
    await frames(page, 2);
  }
}

export async function typeText(page, text) {
  for (const ch of text) {
    await page.keyboard.type(ch);
    await frames(page, 2);
  }
}

// Clicks a text or number field by its label, clears it with End and Backspace (`clear` characters),
// and types `text`.
export async function typeInto(page, label, text, { clear = 0, at = 'left', index = 0 } = {}) {
  await clickItem(page, label, { at, index });
  if (clear > 0) {
    await press(page, 'End');
    await press(page, 'Backspace', clear);
  }
  await typeText(page, text);
  await frames(page, 3);
}

// Waits until `predicate(state)` holds (the plan is made between frames, after an action).
export async function waitForState(page, predicate, { timeout = 10000, what = 'state' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await state(page);
    if (predicate(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await frames(page, 2);
  }
}

export async function openPanel(page, name, how = clickItem) {
  await how(page, name);
  return waitForState(page, (s) => s.ui && s.ui.active_panel === name, { what: `the ${name} tab` });
}

// The app's storage keys, read from where they are named once (kStorage*Key in
// shell/include/openpick/shell/app_state.h): { profile, settings, backup, ... }.
export const storageKeys = (() => {
  const header = readFileSync(new URL('../../shell/include/openpick/shell/app_state.h', import.meta.url), 'utf8');
  const keys = Object.fromEntries([...header.matchAll(/kStorage(\w+)Key\s*=\s*"([^"]+)"/g)]
    .map(([, name, value]) => [name[0].toLowerCase() + name.slice(1), value]));
  for (const k of ['profile', 'settings', 'backup'])
    if (!keys[k]) throw new Error(`no kStorage${k[0].toUpperCase() + k.slice(1)}Key in app_state.h`);
  return keys;
})();

export function localStorageItem(page, key) {
  return page.evaluate((k) => window.localStorage.getItem(k), key);
}

// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks.
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') ++i;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// The canvas's backing store against its CSS size and the device pixel ratio.
export function canvasSize(page) {
  return page.evaluate(() => {
    const c = document.getElementById('canvas');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cssW: r.width, cssH: r.height, dpr: devicePixelRatio };
  });
}
