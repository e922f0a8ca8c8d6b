// The page's side of OpenPick: the Emscripten Module settings, window.openpick (ready, getState)
// for tests and embedding hosts, and the browser services the wasm Platform calls (openpickPage).
// Loaded before openpick.js (Emscripten's output), which reads the global `Module`.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const overlay = document.getElementById('overlay');
  const overlayText = document.getElementById('overlay-text');

  // Ready = the first frame is drawn and the default program list has been loaded (or failed
  // to load, which the app reports itself).
  let resolveFirstFrame, rejectReady;
  const firstFrame = new Promise((resolve, reject) => { resolveFirstFrame = resolve; rejectReady = reject; });
  const ready = firstFrame.then(loadDefaultDataset).then(untilIdle).then(() => overlay.classList.add('hidden'));

  function fatal(text) {
    overlay.classList.remove('hidden');
    overlay.classList.add('error');
    overlayText.textContent = text;
    rejectReady(new Error(text));
  }

  window.openpick = {
    ready,
    getState() {
      if (!Module.calledRun) return null;
      return JSON.parse(Module.UTF8ToString(Module._openpick_state_json()));
    },
    // The labelled widgets of the last frame, {label, x, y, w, h} in CSS px from the canvas's
    // top-left corner, for tests that click where a person would. Recording starts at the first
    // call, so call it once and wait a frame.
    // Frames drawn since the last call and where their time went (ms, means): {frames, ui_ms,
    // gl_ms, work_ms, worst_ms}. For measuring; resets the counts.
    frameStats() {
      if (!Module.calledRun) return null;
      return JSON.parse(Module.UTF8ToString(Module._openpick_frame_stats_json()));
    },
    items() {
      if (!Module.calledRun) return [];
      return JSON.parse(Module.UTF8ToString(Module._openpick_items_json()));
    },
  };

  function newCString(text) {
    const n = Module.lengthBytesUTF8(text) + 1;
    const p = Module._malloc(n);
    Module.stringToUTF8(text, p, n);
    return p;
  }

  // What the C++ calls (web/main_web.cpp, input_web.cpp, platform_web.cpp; declared in
  // openpick-page.d.ts). Each must fail softly: a blocked or full storage, a
  // refused clipboard, must never stop the app.
  window.openpickPage = {
    appReady() { resolveFirstFrame(); },
    // The app made a new plan (or dropped it): mirror it for screen readers, once the frame is done.
    planChanged() {
      if (mirrorScheduled) return;
      mirrorScheduled = true;
      setTimeout(mirrorPlan, 0);
    },
    fatal,
    textInputWanted(on) {
      if (on && document.activeElement !== textField) textField.focus({ preventScroll: true });
      if (!on && document.activeElement === textField) canvas.focus({ preventScroll: true });
    },
    placeTextField(x, y) {
      textField.style.left = Math.max(0, x) + 'px';
      textField.style.top = Math.max(0, y) + 'px';
    },
    openFile(requestId, accept) {
      const input = document.createElement('input');
      input.type = 'file';
      if (accept) input.accept = accept;
      input.addEventListener('change', async () => {
        const file = input.files && input.files[0];
        if (!file) return;
        const namePtr = newCString(file.name);
        handOver(new Uint8Array(await file.arrayBuffer()));
        Module._openpick_file_opened(requestId, namePtr);
        Module._free(namePtr);
      });
      input.click();
    },
    saveFile(name, mime, bytes) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    // null for an absent key and for a storage that cannot be read: storageBlocked() tells which.
    storageGet(key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    // null once saved, else why not (QuotaExceededError when full, SecurityError when blocked).
    storageSet(key, value) {
      try {
        window.localStorage.setItem(key, value);
        return null;
      } catch (e) {
        return e && e.name ? e.name + ': ' + e.message : String(e);
      }
    },
    storageRemove(key) {
      try { window.localStorage.removeItem(key); } catch (e) { /* storage unavailable: nothing to remove */ }
    },
    // Why this page cannot use localStorage at all, or null when it can. With site data blocked (or
    // in a sandboxed frame) even reading window.localStorage throws a SecurityError; a full storage
    // still reads, so it is not blocked.
    storageBlocked() {
      try {
        const storage = window.localStorage;
        if (!storage) return 'this browser has no local storage';
        void storage.length;  // any read throws when blocked (the key names live in app_state.h)
        return null;
      } catch (e) {
        return e && e.name ? e.name + ': ' + e.message : String(e);
      }
    },
    setClipboard(text) {
      if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
    },
    openUrl(url) {
      // Only links the app itself shows; opened without giving the new page a handle on this one.
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    // The applicant pressed Send in the Share panel; the embed guest (openpick-embed-guest.js)
    // posts to the embedding page's exact origin. Without a guest nothing is sent.
    shareWithHost(json) {
      if (window.openpickPage.embedGuest) window.openpickPage.embedGuest.share(json);
    },
    loadBytes: (name, bytes, isSample) => loadBytes(name, bytes, isSample),
    embedGuest: null,
  };

  // Keyboard focus lives on the canvas, or on the hidden text field while a text widget is active;
  // the app's key listeners are bound to these two elements only, never to the whole page, so
  // a host page's own fields keep working.
  const textField = document.getElementById('openpick-text');
  canvas.addEventListener('pointerdown', () => canvas.focus({ preventScroll: true }));
  // Inside the tap (a user gesture) so that a phone opens its on-screen keyboard.
  canvas.addEventListener('pointerup', () => {
    if (Module.calledRun && Module._openpick_wants_text_input()) textField.focus({ preventScroll: true });
  });
  function sendText() {
    const text = textField.value;
    textField.value = '';
    if (!text || !Module.calledRun) return;
    const p = newCString(text);
    Module._openpick_text_input(p);
    Module._free(p);
  }
  textField.addEventListener('input', (e) => { if (!e.isComposing) sendText(); });
  textField.addEventListener('compositionend', sendText);
  textField.addEventListener('beforeinput', (e) => {
    // On-screen keyboards send no usable keydown for delete; the field is empty, so act here.
    if (e.inputType === 'deleteContentBackward' && Module.calledRun) {
      e.preventDefault();
      const p = newCString('Backspace');
      Module._openpick_key_tap(p);
      Module._free(p);
    }
  });
  function onPaste(e) {
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    e.preventDefault();
    if (!text || !Module.calledRun) return;
    const p = newCString(text);
    Module._openpick_paste(p);
    Module._free(p);
  }
  textField.addEventListener('paste', onPaste);
  canvas.addEventListener('paste', onPaste);
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  // A lost WebGL context (a GPU reset, the browser reclaiming memory) is not fatal: preventDefault
  // lets the browser restore it, the app (main_web.cpp) stops drawing meanwhile and rebuilds its
  // GL objects on 'webglcontextrestored'; everything the user entered stays in memory. Until then
  // a notice, not an error.
  const kContextLostText = 'The display was interrupted; bringing it back… Nothing you entered is lost.';
  let contextLost = false, contextLostTimer = 0, planReady = false;
  const showContextNotice = (text) => {
    if (overlay.classList.contains('error')) return;
    overlay.classList.remove('hidden');
    overlayText.textContent = text;
  };
  ready.then(() => {
    planReady = true;
    if (contextLost) showContextNotice(kContextLostText);
  }, () => {});
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    contextLost = true;
    showContextNotice(kContextLostText);
    clearTimeout(contextLostTimer);
    contextLostTimer = setTimeout(() => {
      if (contextLost) showContextNotice('The display has not come back yet. Reloading the page brings it back.');
    }, 10000);
  });
  canvas.addEventListener('webglcontextrestored', () => {
    contextLost = false;
    clearTimeout(contextLostTimer);
    if (overlay.classList.contains('error')) return;
    if (planReady) overlay.classList.add('hidden');
    else overlayText.textContent = 'Loading the planner…';
  });

  // Screen readers cannot read a canvas: each new plan is mirrored into an off-screen summary
  // (a polite live region, so the new chance is announced) and a table of the list, built with
  // textContent only, never innerHTML: program names come from files the user loads.
  let mirrorScheduled = false;
  const results = document.createElement('section');
  results.id = 'openpick-results';
  results.className = 'openpick-sr-only';
  results.setAttribute('aria-label', 'Your plan, as text');
  const summary = document.createElement('p');
  summary.setAttribute('role', 'status');
  summary.setAttribute('aria-live', 'polite');
  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.textContent = 'Programs to apply to, in application order';
  const headRow = table.createTHead().insertRow();
  for (const name of ['#', 'Program', 'Specialty', 'State', 'Chance of an interview', 'Chance of matching', 'Tier', 'Signal', 'Pinned']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    headRow.appendChild(th);
  }
  const body = table.createTBody();
  results.append(summary, table);
  canvas.after(results);
  const percent = (p) => (typeof p === 'number' ? Math.round(p * 100) + '%' : '?');
  function mirrorPlan() {
    mirrorScheduled = false;
    let state;
    try { state = window.openpick.getState(); } catch (e) { return; }
    const plan = state && state.plan;
    body.replaceChildren();
    if (!plan) {
      summary.textContent = 'No plan yet. Choose a profile on the Start tab.';
      return;
    }
    const range = plan.p_match_range || {};
    const conditions = (plan.conditional_on || []).map((c) => ' It assumes ' + c + '.').join('');
    summary.textContent = 'Your chance of matching: ' + percent(plan.p_match) + ' (likely between ' +
      percent(range.low) + ' and ' + percent(range.high) + ').' + conditions + ' Apply to ' + plan.programs.length +
      ' programs; ERAS fees $' + Math.round(plan.cost_usd || 0) + '.';
    plan.programs.forEach((p, i) => {
      const row = body.insertRow();
      for (const value of [i + 1, p.name, p.specialty, p.state, percent(p.p_interview), percent(p.p_match),
        p.tier, p.signal === 'none' ? '' : p.signal, p.pinned ? 'pinned' : '']) {
        row.insertCell().textContent = String(value ?? '');
      }
    });
  }

  // Two frames, then every frame until the app has no import or plan in progress (it reads a
  // program list and plans in steps between frames).
  function untilIdle() {
    return new Promise((done) => {
      let frames = 0;
      const tick = () => (++frames >= 2 && !Module._openpick_busy() ? done() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });
  }

  // Writes a file's bytes into the app's incoming buffer (the app then owns them: no second copy).
  // HEAPU8 is read after the call, which may have grown the memory.
  function handOver(bytes) {
    const at = Module._openpick_file_buffer(bytes.length);
    Module.HEAPU8.set(bytes, at);
  }

  // Hands a file's bytes to the app, which decides what it holds (dataset, CSV or profile).
  function loadBytes(name, bytes, isSample) {
    const namePtr = newCString(name);
    handOver(bytes);
    Module._openpick_load_file(namePtr, isSample ? 1 : 0);
    Module._free(namePtr);
  }

  // The sample program list, from this page's own origin. A page URL with ?dataset=none starts
  // without it (an embedding host that brings its own data).
  // Fetched from the start, while the wasm compiles; handed to the app after its first frame.
  const wantSample = new URLSearchParams(location.search).get('dataset') !== 'none';
  const sampleBytes = wantSample
    ? fetch('datasets/sample.json', { credentials: 'omit' }).then((response) => {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.arrayBuffer();
    })
    : Promise.resolve(null);
  sampleBytes.catch(() => {});  // reported below, once the app can show it
  async function loadDefaultDataset() {
    if (!wantSample) return;
    try {
      loadBytes('sample.json', new Uint8Array(await sampleBytes), true);
    } catch (e) {
      console.warn('OpenPick: the sample program list could not be loaded:', e);
    }
  }

  // Drag and drop anywhere on the planner: the file goes to the same loader as the file picker.
  const app = document.getElementById('app');
  app.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  app.addEventListener('drop', async (e) => {
    e.preventDefault();
    const file = e.dataTransfer.files && e.dataTransfer.files[0];
    if (file && Module.calledRun) loadBytes(file.name, new Uint8Array(await file.arrayBuffer()), false);
  });

  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => fatal('OpenPick stopped unexpectedly (' + what + '). Reload the page.'),
  };

  // Offline after the first load: web/sw.js keeps a copy of this page's own files (nothing else),
  // registered once the planner runs so it does not compete with the first load.
  ready.then(() => {
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('sw.js').catch((e) => console.warn('OpenPick: no offline copy:', e.message));
    }
  }, () => {});

  if (typeof WebAssembly !== 'object') fatal('This browser does not support WebAssembly, which OpenPick needs.');
})();
