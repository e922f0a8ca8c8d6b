// Embedding (web/EMBED.md): the example adviser's page on one local port, the planner on
// another, as two origins. A session in the embed talks to nobody but the planner's origin, raises
// no CSP violation, and shares what the applicant typed only when they press Send, once; forged
// messages change nothing; the host's own text fields keep working; two planners do not
// interfere; mount/destroy leaves no listeners; the planner loads offline after a first visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { siteDir, hostExampleDir, startServer, artifactsDir, frames } from './browser.mjs';
import { hostHeaders, plannerHeaders } from '../../scripts/csp.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const kMarker = '48213';  // typed into the profile's budget: "$48213"

let browser, planner, host, third, plannerOrigin, hostOrigin, thirdOrigin;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  // Each side's headers name the other's origin: filled in once both ports are known (the server
  // reads the headers object on every response).
  const plannerHdrs = {};
  const hostHdrs = {};
  planner = await startServer({ root: siteDir, headers: plannerHdrs });
  host = await startServer({ root: hostExampleDir, headers: hostHdrs });
  third = await startServer({ root: hostExampleDir });  // a stranger's origin, for forgeries
  plannerOrigin = planner.url.replace(/\/$/, '');
  hostOrigin = host.url.replace(/\/$/, '');
  thirdOrigin = third.url.replace(/\/$/, '');
  Object.assign(plannerHdrs, plannerHeaders(`'self' ${hostOrigin}`));
  Object.assign(hostHdrs, hostHeaders(plannerOrigin));
});

after(async () => {
  await browser?.close();
  await Promise.all([planner?.close(), host?.close(), third?.close()]);
});

// In every frame: CSP violations; in the host's top frame: every message it receives.
function watchScript() {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
  });
  if (window.top === window) {
    window.__messages = [];
    window.addEventListener('message', (e) => {
      let text;
      try { text = JSON.stringify(e.data); } catch { text = String(e.data); }
      window.__messages.push({ origin: e.origin, text });
    });
  }
}

async function newSession({ width = 1400, height = 1100, init = [] } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript(watchScript);
  for (const script of init) await context.addInitScript(script);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  context.on('request', (r) => {
    let frameUrl = null;
    try { frameUrl = r.frame().url(); } catch { /* a service worker's request */ }
    requests.push({ url: r.url(), method: r.method(), headers: r.headers(), body: r.postData() || '', frameUrl });
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return { context, page, requests, errors };
}

function hostUrl(path = '') { return `${hostOrigin}/${path}?planner=${encodeURIComponent(plannerOrigin + '/')}`; }

function plannerFrames(page) { return page.frames().filter((f) => f.url().startsWith(plannerOrigin + '/')); }

async function waitFor(fn, what, timeout = 30000) {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function readyIn(frame) {
  await waitFor(() => frame.evaluate(() => Boolean(window.openpick)).catch(() => false), 'the planner script');
  await frame.evaluate(() => window.openpick.ready);
  return frame;
}

async function plannerReady(page, index = 0) {
  return readyIn(await waitFor(() => plannerFrames(page)[index], `planner frame ${index}`));
}

const state = (frame) => frame.evaluate(() => window.openpick.getState());

// Widget rectangles the app reports (window.openpick.items()), in page coordinates. `label` is a
// widget's label, or a function picking one from the list (in drawing order).
async function findItem(page, frame, label) {
  const pick = typeof label === 'function' ? label : (items) => items.find((i) => i.label === label);
  const box = frame === page.mainFrame() ? { x: 0, y: 0, ...page.viewportSize() }
                                         : await (await frame.frameElement()).boundingBox();
  for (let scrolls = 0; scrolls < 30; ++scrolls) {
    await frame.evaluate(() => window.openpick.items());  // turns recording on
    await frames(frame, 3);
    const items = await frame.evaluate(() => window.openpick.items());
    const it = pick(items);
    if (it && it.y + it.h <= box.height && it.y >= 0) return { x: box.x + it.x + it.w / 2, y: box.y + it.y + it.h / 2, item: it };
    // Not on screen: scroll the planner down a little, as a person would.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 300);
  }
  throw new Error(`no widget ${typeof label === 'function' ? label.name : JSON.stringify(label)} in the planner`);
}

// Dear ImGui 1.86 reads the mouse once per frame: move, press and release in separate frames.
async function click(page, frame, label) {
  const { x, y } = await findItem(page, frame, label);
  await page.mouse.move(x, y);
  await frames(frame, 2);
  await page.mouse.down();
  await frames(frame, 2);
  await page.mouse.up();
  await frames(frame, 3);
}

function containsMarker(requests) {
  return requests.filter((r) => [r.url, r.body, JSON.stringify(r.headers), r.frameUrl || ''].some((s) => s.includes(kMarker)));
}

test('a full session in the embed: own origin only, no CSP violation, shared only on Send, once', async () => {
  const { context, page, requests, errors } = await newSession();
  try {
    await page.goto(hostUrl());
    const frame = await plannerReady(page);
    // The host's program list arrives by message; the planner says it is embedded.
    await waitFor(async () => (await state(frame)).dataset.program_count === 42, 'the host dataset');
    let s = await state(frame);
    assert.equal(s.dataset.is_sample, false);
    assert.equal(s.dataset.name, 'Example Advising Center list (fictional)');
    assert.equal(s.embed.host, hostOrigin);
    await waitFor(() => page.locator('#status').textContent().then((t) => t.includes('42 programs')), 'host status');

    // The applicant starts a profile and types a budget: real clicks and keys on the canvas.
    await click(page, frame, 'Start');
    await click(page, frame, 'Start with a blank profile');
    await waitFor(async () => (await state(frame)).profile !== null, 'a profile');
    await click(page, frame, 'Profile');
    if ((await state(frame)).profile.budget_usd == null) await click(page, frame, '##hasbudget');
    // A number field with -/+ buttons reports an empty label: the one after the budget's checkbox.
    await click(page, frame, function budgetField(items) {
      const i = items.findIndex((x) => x.label === '##hasbudget');
      return i < 0 ? undefined : items.slice(i + 1).find((x) => x.label === '');
    });
    await page.keyboard.press('Control+A');
    await frames(frame, 2);
    await page.keyboard.type(kMarker, { delay: 20 });
    await page.keyboard.press('Enter');
    await frames(frame, 4);
    await waitFor(async () => (await state(frame)).profile.budget_usd === Number(kMarker), 'the typed budget');

    // The host switches the planner to dark.
    await page.click('#theme');
    await waitFor(async () => (await state(frame)).embed.theme === 'dark', 'dark theme');
    await frames(frame, 3);
    await page.screenshot({ path: join(artifactsDir, 'embed-host-dark.png') });
    await page.click('#theme');
    await waitFor(async () => (await state(frame)).embed.theme === 'light', 'light theme');

    // Nothing typed has left: no request, URL, cookie or message carries the marker.
    const messages = () => page.evaluate(() => window.__messages);
    assert.deepEqual(containsMarker(requests), []);
    assert.ok(page.frames().every((f) => !f.url().includes(kMarker)));
    assert.ok((await context.cookies()).every((c) => !JSON.stringify(c).includes(kMarker)));
    assert.deepEqual((await messages()).filter((m) => m.text.includes(kMarker)), []);

    // Share: first the exact text is shown, still nothing sent.
    await click(page, frame, 'Share');
    await click(page, frame, 'Share my plan with this adviser…');
    s = await state(frame);
    assert.equal(s.embed.confirming_share, true);
    await frames(frame, 3);
    await page.screenshot({ path: join(artifactsDir, 'embed-share-confirm.png') });
    assert.deepEqual((await messages()).filter((m) => m.text.includes(kMarker)), []);
    assert.equal(await page.locator('#shared').isHidden(), true);

    await click(page, frame, 'Send to this adviser');
    await waitFor(() => page.locator('#shared').isVisible(), 'the host shows what was shared');
    const carrying = (await messages()).filter((m) => m.text.includes(kMarker));
    assert.equal(carrying.length, 1, 'exactly one message carries what was typed');
    assert.equal(carrying[0].origin, plannerOrigin);
    const sent = JSON.parse(carrying[0].text);
    assert.equal(sent.openpick, 1);
    assert.equal(sent.type, 'share');
    assert.equal(sent.channel, await page.evaluate(() => window.examplePlanner.channel));
    assert.equal(sent.payload.profile.budget_usd, Number(kMarker));
    assert.match(await page.locator('#shared').textContent(), new RegExp(kMarker));
    assert.equal((await state(frame)).embed.shares_sent, 1);
    await page.screenshot({ path: join(artifactsDir, 'embed-shared.png') });

    // Still no request carries it, and every request went to the planner's origin or, for the
    // host page's own files, the host's; none from the planner's frame left the planner's origin.
    assert.deepEqual(containsMarker(requests), []);
    const foreign = requests.filter((r) => !r.url.startsWith(plannerOrigin + '/') && !r.url.startsWith(hostOrigin + '/'));
    assert.deepEqual(foreign.map((r) => r.url), []);
    const fromPlanner = requests.filter((r) => r.frameUrl && r.frameUrl.startsWith(plannerOrigin + '/'));
    assert.ok(fromPlanner.length > 3, 'the planner frame loaded its files');
    assert.deepEqual(fromPlanner.filter((r) => !r.url.startsWith(plannerOrigin + '/')).map((r) => r.url), []);
    assert.ok(requests.some((r) => r.url.startsWith(plannerOrigin + '/openpick.wasm')));

    // No CSP violation in either frame, no error.
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(await frame.evaluate(() => window.__csp), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('at least 100 forged messages change nothing', async () => {
  const { context, page, errors } = await newSession();
  try {
    await page.goto(hostUrl());
    const frame = await plannerReady(page);
    await waitFor(async () => (await state(frame)).dataset.program_count === 42, 'the host dataset');
    await frames(frame, 3);
    const before = await state(frame);
    const channel = await page.evaluate(() => window.examplePlanner.channel);
    const dataset = { name: 'Forged list', version: '1', as_of: '2026-01', programs: [] };
    dataset.programs = (await page.evaluate(() => fetch('programs.json').then((r) => r.json()))).programs.slice(0, 2);
    const valid = [
      { openpick: 1, channel, type: 'setTheme', theme: 'dark' },
      { openpick: 1, channel, type: 'setDataset', dataset },
      { openpick: 1, channel, type: 'setDataset', dataset: JSON.stringify(dataset) },
      { openpick: 1, channel, type: 'share', payload: { profile: { forged: true } } },  // at the host
    ];

    // 1. From the right window and origin (the host page), but wrong version, channel or shape.
    const malformed = [
      null, undefined, 0, 1, 'setTheme', '{"openpick":1}', [], [1, 2], true,
      { openpick: 0, channel, type: 'setTheme', theme: 'dark' },
      { openpick: 2, channel, type: 'setTheme', theme: 'dark' },
      { openpick: '1', channel, type: 'setTheme', theme: 'dark' },
      { openpick: null, channel, type: 'setTheme', theme: 'dark' },
      { channel, type: 'setTheme', theme: 'dark' },
      { openpick: 1, type: 'setTheme', theme: 'dark' },
      { openpick: 1, channel: 'someone-else', type: 'setTheme', theme: 'dark' },
      { openpick: 1, channel: channel + 'x', type: 'setTheme', theme: 'dark' },
      { openpick: 1, channel: [channel], type: 'setTheme', theme: 'dark' },
      { openpick: 1, channel },
      { openpick: 1, channel, type: 42 },
      ...['share', 'ready', 'datasetResult', 'eval', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
          'valueOf', 'SETTHEME', 'settheme', 'setTheme ', ''].map((type) => ({ openpick: 1, channel, type, theme: 'dark' })),
      ...['purple', 'DARK', '', null, 1, true, ['dark'], { dark: true }].map((theme) => ({ openpick: 1, channel, type: 'setTheme', theme })),
      ...[null, 42, true, [], ['programs'], {}, { programs: 'x' }, { programs: {} }, 'not json', '{"programs": 5}',
          '{"graduate_type": "non_us_img", "match_year": 2027}', '[1,2,3]', ''].map((d) => ({ openpick: 1, channel, type: 'setDataset', dataset: d })),
      { openpick: 1, channel, type: 'setDataset', dataset: 42, format: 'csv' },
      { openpick: 1, channel, type: 'setDataset', dataset: { programs: [] }, format: 'csv' },
      Object.assign(Object.create({ openpick: 1, channel, type: 'setTheme' }), { theme: 'dark' }),
    ];
    const sentFromHost = await page.evaluate((list) => {
      const w = document.querySelector('iframe.openpick-frame').contentWindow;
      const target = new URL(document.querySelector('iframe.openpick-frame').src).origin;
      let n = 0;
      for (const m of list) { w.postMessage(m, target); ++n; }
      return n;
    }, malformed);

    // 2. The right origin but another window: an iframe of the host's own origin (srcdoc).
    // 3. An opaque origin: a sandboxed srcdoc iframe.
    await page.evaluate(() => {
      for (const sandbox of [null, 'allow-scripts']) {
        const f = document.createElement('iframe');
        f.srcdoc = '<!doctype html><title>forger</title>';
        if (sandbox) f.setAttribute('sandbox', sandbox);
        f.className = 'forger';
        document.body.appendChild(f);
      }
    });
    await waitFor(() => page.frames().filter((f) => f.name() === '' && f.url() === 'about:srcdoc').length === 2, 'forger frames');
    const forgers = page.frames().filter((f) => f.url() === 'about:srcdoc');
    // 4. A stranger's origin and 5. the planner's own origin in another window: popups.
    for (const url of [`${thirdOrigin}/host.css`, `${plannerOrigin}/favicon.svg`]) {
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((u) => { window.open(u, '_blank'); }, url)]);
      await popup.waitForLoadState();
      forgers.push(popup.mainFrame());
    }
    let sentForged = 0;
    for (const forger of forgers) {
      sentForged += await forger.evaluate(({ list, plannerOrigin }) => {
        const top = window.opener || window.parent;
        const plannerWindow = top.frames[0];
        let n = 0;
        for (let round = 0; round < 4; ++round) {
          for (const m of list) {
            // To the planner (any origin it might accept), and to the host page as if from the planner.
            for (const origin of [plannerOrigin, '*']) { plannerWindow.postMessage(m, origin); ++n; }
            top.postMessage(m, '*'); ++n;
          }
        }
        return n;
      }, { list: valid, plannerOrigin });
    }
    const total = sentFromHost + sentForged;
    assert.ok(total >= 100, `${total} forged messages`);
    await frames(frame, 10);
    await new Promise((r) => setTimeout(r, 500));
    await frames(frame, 5);

    const afterState = await state(frame);
    assert.deepEqual(afterState, before, 'the planner state is unchanged');
    assert.equal(afterState.embed.theme, 'light');
    assert.equal(await page.locator('#shared').isHidden(), true, 'the host helper took no forged share');
    assert.deepEqual(await frame.evaluate(() => window.__csp), []);
    assert.deepEqual(errors.filter((e) => !/Refused to frame|Content Security Policy/.test(e)), []);
    console.log(`# ${total} forged messages ignored`);
  } finally {
    await context.close();
  }
});

test('a text field on the host page keeps working beside the planner: typing, Backspace, Tab', async () => {
  const { context, page } = await newSession();
  try {
    await page.goto(hostUrl());
    const frame = await plannerReady(page);
    await frames(frame, 3);
    const typeInNotes = async () => {
      await page.click('#notes');
      await page.keyboard.type('hello world');
      for (let i = 0; i < 5; ++i) await page.keyboard.press('Backspace');
      await page.keyboard.type('there');
      assert.equal(await page.locator('#notes').inputValue(), 'hello there');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'email');
      await page.keyboard.type('a@b.c');
      await page.keyboard.press('Backspace');
      assert.equal(await page.locator('#email').inputValue(), 'a@b.');
      await page.fill('#notes', '');
      await page.fill('#email', '');
    };
    await typeInNotes();
    // After working in the planner (a click and keys there), the host's fields still work, and
    // the keys typed in them never reached the planner.
    await click(page, frame, 'Profile');
    await page.keyboard.press('Tab');
    const before = await state(frame);
    await typeInNotes();
    assert.deepEqual(await state(frame), before);
  } finally {
    await context.close();
  }
});

test('two planners on one page do not interfere', async () => {
  const { context, page, errors } = await newSession({ width: 1400, height: 900 });
  try {
    await page.goto(hostUrl());
    await plannerReady(page, 0);
    await page.evaluate(({ url }) => {
      const box = document.createElement('section');
      box.id = 'planner2';
      box.style.flex = '1';
      box.style.minWidth = '0';
      document.querySelector('main').appendChild(box);
      window.__second = { datasets: [], shares: 0 };
      window.secondPlanner = OpenPick.mount(box, {
        url,
        dataset: { name: 'Second list', version: '1', as_of: '2026-01', programs: [] },
        onDataset: (r) => window.__second.datasets.push(r),
        onShare: () => { window.__second.shares++; },
      });
    }, { url: plannerOrigin + '/' });
    // The second planner starts with an empty list, then gets a real one.
    const channels = await page.evaluate(() => [window.examplePlanner.channel, window.secondPlanner.channel]);
    assert.notEqual(channels[0], channels[1]);
    const frameFor = (ch) => waitFor(() => plannerFrames(page).find((f) => f.url().includes(`channel=${ch}`)), ch);
    const [first, second] = [await frameFor(channels[0]), await frameFor(channels[1])];
    await readyIn(second);
    await waitFor(() => page.evaluate(() => window.__second.datasets.length === 1), 'second dataset result');
    const programs = await page.evaluate(() => fetch('programs.json').then((r) => r.json()).then((d) => d.programs.slice(0, 3)));
    await page.evaluate((p) => window.secondPlanner.setDataset({ name: 'Second list', version: '1', as_of: '2026-01', programs: p }), programs);
    await waitFor(async () => (await state(second)).dataset.program_count === 3, 'second planner dataset');
    await waitFor(async () => (await state(first)).dataset.program_count === 42, 'first planner dataset');
    assert.equal((await state(first)).dataset.name, 'Example Advising Center list (fictional)');

    // Theme on one only.
    await page.evaluate(() => window.secondPlanner.setTheme('dark'));
    await waitFor(async () => (await state(second)).embed.theme === 'dark', 'second dark');
    await frames(first, 5);
    assert.equal((await state(first)).embed.theme, 'light');
    // A dataset for the first leaves the second alone.
    await page.evaluate((p) => window.examplePlanner.setDataset({ name: 'First again', version: '2', as_of: '2026-02', programs: p }), programs.slice(0, 2));
    await waitFor(async () => (await state(first)).dataset.program_count === 2, 'first planner new dataset');
    await frames(second, 5);
    assert.equal((await state(second)).dataset.program_count, 3);
    assert.equal((await state(second)).dataset.name, 'Second list');
    const results = await page.evaluate(() => window.__second.datasets);
    assert.deepEqual(results.map((r) => r.programCount), [0, 3], 'the second handle heard only its own planner');
    await page.screenshot({ path: join(artifactsDir, 'embed-two-planners.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('twenty mount/destroy cycles leave no listeners behind', async () => {
  // Counts the page's live 'message' listeners by wrapping addEventListener/removeEventListener.
  const countListeners = () => {
    if (window.top !== window) return;
    const live = new Set();
    const add = window.addEventListener;
    const remove = window.removeEventListener;
    window.addEventListener = function (type, fn, o) { if (type === 'message') live.add(fn); return add.call(this, type, fn, o); };
    window.removeEventListener = function (type, fn, o) { if (type === 'message') live.delete(fn); return remove.call(this, type, fn, o); };
    window.__liveMessageListeners = () => live.size;
  };
  const { context, page, errors } = await newSession({ init: [countListeners] });
  try {
    await page.goto(hostUrl());
    await plannerReady(page);
    const baseline = await page.evaluate(() => window.__liveMessageListeners());
    assert.ok(baseline >= 1, 'the example planner listens');
    const result = await page.evaluate(async (url) => {
      const box = document.createElement('section');
      box.style.width = '400px';
      box.style.height = '300px';
      document.querySelector('main').appendChild(box);
      let readies = 0;
      const peak = [];
      for (let i = 0; i < 20; ++i) {
        let ready;
        const isReady = new Promise((r) => { ready = r; });
        const handle = OpenPick.mount(box, { url, dataset: i % 2 ? 'programs.json' : { programs: [] }, theme: i % 3 ? 'light' : 'dark',
                                             onReady: () => { readies++; ready(); } });
        peak.push(window.__liveMessageListeners());
        // Every fifth one runs until the planner is ready; the others go at once, mid-load.
        if (i % 5 === 4) await Promise.race([isReady, new Promise((r) => setTimeout(r, 20000))]);
        handle.destroy();
        handle.destroy();  // twice is harmless
      }
      box.remove();
      return { readies, peak, iframes: document.querySelectorAll('iframe').length };
    }, plannerOrigin + '/');
    assert.equal(result.readies, 4, 'the planners that were waited for became ready');
    assert.ok(result.peak.every((n) => n === baseline + 1), `one listener per live planner (${result.peak})`);
    assert.equal(await page.evaluate(() => window.__liveMessageListeners()), baseline);
    assert.equal(result.iframes, 1, 'only the example planner is left');
    assert.deepEqual(errors.filter((e) => !/AbortError|aborted/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('reloaded with the network off, the planner still loads and plans', async () => {
  const { context, page, errors } = await newSession({ width: 1000, height: 700 });
  try {
    await page.goto(plannerOrigin + '/');
    await page.evaluate(() => window.openpick.ready);
    // The service worker is installed once its cache holds every file.
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      for (let i = 0; i < 200 && !navigator.serviceWorker.controller; ++i) await new Promise((r) => setTimeout(r, 50));
      return reg.active.state;
    });
    await context.setOffline(true);
    await page.reload();
    await page.evaluate(() => window.openpick.ready);
    const s = await page.evaluate(() => window.openpick.getState());
    assert.ok(s.dataset.program_count > 6000, `the sample program list loaded offline (${s.dataset.program_count})`);
    assert.equal(s.dataset.is_sample, true);
    assert.deepEqual(s.messages, []);
    // Plans: an example profile, offline, gives a plan.
    await click(page, page.mainFrame(), 'Use this example');
    const planned = await waitFor(async () => (await page.evaluate(() => window.openpick.getState())).plan, 'a plan offline');
    assert.equal(typeof planned, 'object');
    await frames(page, 3);
    await page.screenshot({ path: join(artifactsDir, 'offline-reload.png') });
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  } finally {
    await context.close();
  }
});
