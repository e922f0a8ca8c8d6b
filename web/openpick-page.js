// The page's side of OpenPick: the Emscripten Module settings, window.openpick (ready, getState)
// for tests and embedding hosts, and the browser services the wasm Platform calls (openpickPage).
// Loaded before openpick.js (Emscripten's output), which reads the global `Module`.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const overlay = document.getElementById('overlay');
  const overlayText = document.getElementById('overlay-text');

  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });

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
  };

  function newCString(text) {
    const n = Module.lengthBytesUTF8(text) + 1;
    const p = Module._malloc(n);
    Module.stringToUTF8(text, p, n);
    return p;
  }

  // Services for web/platform_web.cpp. Each must fail softly: a blocked or full storage, a
  // refused clipboard, must never stop the app.
  window.openpickPage = {
    appReady() {
      overlay.classList.add('hidden');
      resolveReady();
    },
    fatal,
    openFile(requestId, accept) {
      const input = document.createElement('input');
      input.type = 'file';
      if (accept) input.accept = accept;
      input.addEventListener('change', async () => {
        const file = input.files && input.files[0];
        if (!file) return;
        const bytes = new Uint8Array(await file.arrayBuffer());
        const namePtr = newCString(file.name);
        const dataPtr = Module._malloc(bytes.length || 1);
        Module.HEAPU8.set(bytes, dataPtr);
        Module._openpick_file_opened(requestId, namePtr, dataPtr, bytes.length);
        Module._free(dataPtr);
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
    storageGet(key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    storageSet(key, value) {
      try { window.localStorage.setItem(key, value); return null; } catch (e) { return String(e && e.message || e); }
    },
    storageRemove(key) {
      try { window.localStorage.removeItem(key); } catch (e) { /* storage unavailable: nothing to remove */ }
    },
    setClipboard(text) {
      if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
    },
    openUrl(url) {
      // Only links the app itself shows; opened without giving the new page a handle on this one.
      window.open(url, '_blank', 'noopener,noreferrer');
    },
  };

  // Focus the canvas on a press so its keyboard listeners (bound to the canvas only) receive keys.
  canvas.addEventListener('pointerdown', () => canvas.focus());
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    fatal('The graphics context was lost. Reload the page; your profile is kept in this browser.');
  });

  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => fatal('OpenPick stopped unexpectedly (' + what + '). Reload the page.'),
  };

  if (typeof WebAssembly !== 'object') fatal('This browser does not support WebAssembly, which OpenPick needs.');
})();
