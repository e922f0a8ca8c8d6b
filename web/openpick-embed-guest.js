// The planner's side of embedding (web/EMBED.md). When this page is framed by an adviser's page
// that named itself in the URL (?host=<exact origin>&channel=<id>), it talks to that origin and
// that window only:
//   in:  setDataset {dataset, format?}, setTheme {theme}
//   out: ready {version}, datasetResult {ok, programCount}, share {payload}  (share only when the
//        applicant presses Send in the Share panel, after seeing the exact text)
// Every message is {openpick: 1, channel, type, ...}. Anything from another origin, another window,
// another version or channel, or not of the expected shape is ignored. Not framed, or without a
// valid host: nothing is listened to and nothing is ever posted.
'use strict';

(function () {
  const kVersion = 1;
  const kMaxDatasetChars = 64 * 1024 * 1024;
  const params = new URLSearchParams(location.search);

  // The exact origin "scheme://host[:port]", nothing more (no path, no wildcard), or null.
  function exactOrigin(text) {
    if (typeof text !== 'string') return null;
    try {
      const u = new URL(text);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === text ? text : null;
    } catch (e) {
      return null;
    }
  }

  // The theme is known before the wasm starts: the loading overlay uses it too.
  if (params.get('theme') === 'dark') document.documentElement.classList.add('dark');

  const host = exactOrigin(params.get('host'));
  const channel = params.get('channel');
  const framed = window.parent !== window;
  if (!framed || !host || !/^[A-Za-z0-9_-]{1,64}$/.test(channel || '')) return;
  // Where the browser says who frames us (Chromium, Safari), a host that is not the real parent
  // gets nothing: we would post to it and the browser would drop every message anyway.
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length && ancestors[0] !== host) {
    console.warn('OpenPick: ?host= names', host, 'but the page is framed by', ancestors[0], '- not embedding');
    return;
  }

  const parentWindow = window.parent;
  function post(type, fields) {
    parentWindow.postMessage(Object.assign({ openpick: kVersion, channel, type }, fields), host);
  }

  function nextFrames() {
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }

  async function setDataset(msg) {
    const d = msg.dataset;
    const csv = msg.format === 'csv';
    let text;
    if (csv) {
      if (typeof d !== 'string') return;
      text = d;
    } else if (typeof d === 'string') {
      text = d;
    } else if (d && typeof d === 'object' && !Array.isArray(d) && Array.isArray(d.programs)) {
      text = JSON.stringify(d);
    } else {
      return;
    }
    if (text.length > kMaxDatasetChars) return;
    // Only a program list, never a profile: a JSON document must hold a "programs" array.
    if (!csv) {
      let parsed;
      try { parsed = JSON.parse(text); } catch (e) { parsed = null; }
      if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.programs)) {
        post('datasetResult', { ok: false, programCount: 0 });
        return;
      }
    }
    const before = window.openpick.getState().messages.length;
    window.openpickPage.loadBytes(csv ? 'adviser-programs.csv' : 'adviser-programs.json',
                                  new TextEncoder().encode(text), false);
    await nextFrames();
    const state = window.openpick.getState();
    const failed = state.messages.slice(before).some((m) => m.severity === 'error');
    post('datasetResult', { ok: !failed, programCount: state.dataset.program_count });
  }

  function setTheme(msg) {
    if (msg.theme !== 'light' && msg.theme !== 'dark') return;
    document.documentElement.classList.toggle('dark', msg.theme === 'dark');
    Module._openpick_set_theme(msg.theme === 'dark' ? 1 : 0);
  }

  const handlers = { setDataset, setTheme };
  let queue = window.openpick.ready;  // messages are applied in order, once the planner runs
  function onMessage(event) {
    if (event.origin !== host || event.source !== parentWindow) return;
    const msg = event.data;
    if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return;
    if (msg.openpick !== kVersion || msg.channel !== channel) return;
    if (typeof msg.type !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, msg.type)) return;
    queue = queue.then(() => handlers[msg.type](msg)).catch((e) => console.warn('OpenPick embed:', e.message));
  }
  window.addEventListener('message', onMessage);

  window.openpickPage.embedGuest = {
    host,
    share(json) {
      let payload;
      try { payload = JSON.parse(json); } catch (e) { return; }
      post('share', { payload });
    },
  };

  window.openpick.ready.then(() => {
    const n = Module.lengthBytesUTF8(host) + 1;
    const p = Module._malloc(n);
    Module.stringToUTF8(host, p, n);
    Module._openpick_set_embedded(p);  // copied by the app
    Module._free(p);
    if (params.get('theme') === 'dark') Module._openpick_set_theme(1);
    return nextFrames();
  }).then(() => post('ready', { version: window.openpick.getState().version }), () => {});
})();
