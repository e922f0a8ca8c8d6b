// OpenPick embed helper for an adviser's page (web/EMBED.md). No dependencies; host it on your own
// origin and load it with a plain <script src>.
//
//   const planner = OpenPick.mount(document.getElementById('planner'), {
//     url: plannerAddress,                        // where OpenPick is served (any origin)
//     dataset: '/programs.json',                  // object, or a URL on THIS page's origin
//     theme: 'light',                             // or 'dark'
//     onShare(payload) { ... },                   // only when the applicant presses Send
//   });
//   planner.setTheme('dark'); planner.setDataset(obj); planner.destroy();
//
// Every message is {openpick: 1, channel, type, ...}, posted to the planner's exact origin, and an
// incoming message counts only if it comes from this instance's iframe window, from the planner's
// origin, with this version and this instance's channel. Everything else is ignored.
(function (global) {
  'use strict';

  const kVersion = 1;
  let counter = 0;

  function randomChannel() {
    const bytes = new Uint8Array(12);
    global.crypto.getRandomValues(bytes);
    return 'op' + (++counter) + '-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function exactOrigin(text) {
    const u = new URL(text);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin !== text) {
      throw new Error('OpenPick: hostOrigin must be an exact origin (scheme://host[:port]), got ' + text);
    }
    return text;
  }

  function mount(element, options) {
    if (!element || typeof element.appendChild !== 'function') throw new Error('OpenPick.mount: an element is required');
    const opts = options || {};
    if (!opts.url) throw new Error('OpenPick.mount: options.url (the planner\'s address) is required');
    const plannerUrl = new URL(opts.url, global.location.href);
    const plannerOrigin = plannerUrl.origin;
    const hostOrigin = exactOrigin(opts.hostOrigin || global.location.origin);
    const channel = randomChannel();
    let theme = opts.theme === 'dark' ? 'dark' : 'light';

    plannerUrl.searchParams.set('host', hostOrigin);
    plannerUrl.searchParams.set('channel', channel);
    plannerUrl.searchParams.set('theme', theme);
    if (opts.dataset !== undefined && opts.dataset !== null) plannerUrl.searchParams.set('dataset', 'none');

    const iframe = global.document.createElement('iframe');
    iframe.src = plannerUrl.href;
    iframe.title = opts.title || 'OpenPick residency application planner';
    iframe.className = 'openpick-frame';
    iframe.referrerPolicy = 'no-referrer';
    iframe.allow = 'clipboard-write';
    iframe.style.border = '0';
    iframe.style.width = '100%';
    iframe.style.height = '100%';
    iframe.style.display = 'block';

    let destroyed = false;
    let ready = false;
    let pendingDataset = null;  // {dataset, format}: the latest one, re-sent if the planner reloads
    const aborter = typeof AbortController === 'function' ? new AbortController() : null;

    function send(type, fields) {
      if (destroyed || !ready || !iframe.contentWindow) return;
      iframe.contentWindow.postMessage(Object.assign({ openpick: kVersion, channel, type }, fields), plannerOrigin);
    }

    function callback(name, value) {
      if (typeof opts[name] !== 'function') return;
      try { opts[name](value); } catch (e) { global.setTimeout(() => { throw e; }); }
    }

    function onMessage(event) {
      if (destroyed || event.source !== iframe.contentWindow || event.origin !== plannerOrigin) return;
      const msg = event.data;
      if (!msg || typeof msg !== 'object' || msg.openpick !== kVersion || msg.channel !== channel) return;
      if (msg.type === 'ready') {
        ready = true;
        send('setTheme', { theme });  // the latest choice, also after the planner reloaded
        if (pendingDataset) send('setDataset', pendingDataset);
        callback('onReady', { version: String(msg.version) });
      } else if (msg.type === 'datasetResult') {
        callback('onDataset', { ok: msg.ok === true, programCount: Number(msg.programCount) || 0 });
      } else if (msg.type === 'share' && msg.payload && typeof msg.payload === 'object') {
        callback('onShare', msg.payload);
      }
    }
    global.addEventListener('message', onMessage);

    function setDataset(dataset, format) {
      if (destroyed) return;
      if (typeof dataset === 'string' || (dataset && typeof dataset === 'object')) {
        pendingDataset = { dataset, format: format === 'csv' ? 'csv' : 'json' };
        send('setDataset', pendingDataset);
      } else {
        throw new Error('OpenPick: setDataset takes a dataset object or its JSON/CSV text');
      }
    }

    // A dataset given as a URL is fetched by this page, from this page's own origin only, and
    // handed over by message: the planner itself never connects anywhere but its own origin.
    async function loadDatasetUrl(address) {
      const u = new URL(address, global.location.href);
      if (u.origin !== global.location.origin) {
        throw new Error('OpenPick: options.dataset must be on this page\'s origin (' + global.location.origin + ')');
      }
      const response = await global.fetch(u.href, { credentials: 'same-origin', signal: aborter ? aborter.signal : undefined });
      if (!response.ok) throw new Error('OpenPick: ' + u.href + ': HTTP ' + response.status);
      const text = await response.text();
      if (!destroyed) setDataset(text, /\.csv$/i.test(u.pathname) ? 'csv' : 'json');
    }

    if (typeof opts.dataset === 'string') {
      loadDatasetUrl(opts.dataset).catch((e) => {
        if (!destroyed) callback('onError', e);
      });
    } else if (opts.dataset && typeof opts.dataset === 'object') {
      setDataset(opts.dataset);
    }

    element.appendChild(iframe);

    return {
      iframe,
      channel,
      plannerOrigin,
      get ready() { return ready; },
      setDataset,
      setTheme(value) {
        if (value !== 'light' && value !== 'dark') throw new Error('OpenPick: setTheme takes "light" or "dark"');
        theme = value;
        send('setTheme', { theme });
      },
      destroy() {
        if (destroyed) return;
        destroyed = true;
        global.removeEventListener('message', onMessage);
        if (aborter) aborter.abort();
        iframe.remove();
        pendingDataset = null;
      },
    };
  }

  global.OpenPick = Object.freeze({ version: kVersion, mount });
})(window);
