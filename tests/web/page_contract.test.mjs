// web/openpick-page.d.ts lists every wasm<->page call: each function the app exports to the page
// (EMSCRIPTEN_KEEPALIVE in web/*.cpp, EXPORTED_FUNCTIONS and EXPORTED_RUNTIME_METHODS in
// web/CMakeLists.txt), each page function the C++ calls (openpickPage.X in EM_ASM and EM_JS),
// each Module._X the page's scripts use, and each top-level key of getState() (shell
// state_to_json). A name on one side and not in the declaration fails, and so does a declared
// name that no longer exists. Reads the sources only: no build, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const read = (p) => readFileSync(join(root, p), 'utf8');
const webFiles = (ext) => readdirSync(join(root, 'web')).filter((f) => f.endsWith(ext)).sort().map((f) => `web/${f}`);

export function loadSources() {
  const texts = (files) => Object.fromEntries(files.map((f) => [f, read(f)]));
  return {
    dts: read('web/openpick-page.d.ts'),
    cpp: texts(webFiles('.cpp')),
    js: texts(webFiles('.js')),
    cmake: read('web/CMakeLists.txt'),
    appState: read('shell/src/app_state.cpp'),
  };
}

// The member names of `interface name` in a declaration file (one level: nested object types are
// skipped).
export function interfaceMembers(dts, name) {
  const start = dts.search(new RegExp(`interface ${name}\\b[^{]*\\{`));
  if (start < 0) return null;
  let i = dts.indexOf('{', start) + 1;
  let depth = 1, body = '';
  for (; i < dts.length && depth > 0; ++i) {
    const c = dts[i];
    if (c === '{') ++depth;
    if (c === '}') --depth;
    if (depth === 1 && c !== '}') body += c;
    if (depth === 1 && c === '}') body += ' ';
  }
  const names = new Set();
  for (let line of body.split('\n')) {
    line = line.replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, '');
    const m = line.match(/^\s*\*?\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\??\s*[(:]/);
    if (m && !line.trim().startsWith('*')) names.add(m[1]);
  }
  return names;
}

const all = (re, text) => [...text.matchAll(re)].map((m) => m[1]);
const listFlag = (flag, cmake) => {
  const m = cmake.match(new RegExp(`-s${flag}=\\[([^\\]]*)\\]`));
  return m ? m[1].split(',').map((s) => s.trim()).filter(Boolean) : [];
};

// Every mismatch, as a sentence naming the file and the name; empty when the contract holds.
export function contractProblems(src) {
  const problems = [];
  const exportsDecl = interfaceMembers(src.dts, 'OpenPickExports') ?? new Set();
  const moduleDecl = new Set([...exportsDecl, ...(interfaceMembers(src.dts, 'OpenPickModule') ?? [])]);
  const pageDecl = interfaceMembers(src.dts, 'OpenPickPage') ?? new Set();
  const stateDecl = interfaceMembers(src.dts, 'OpenPickState') ?? new Set();

  const exported = new Map();  // `_name` -> file
  for (const [file, text] of Object.entries(src.cpp))
    for (const name of all(/EMSCRIPTEN_KEEPALIVE\s+[^;{(]*?\b(\w+)\s*\(/g, text)) exported.set(`_${name}`, file);
  for (const [name, file] of exported)
    if (!exportsDecl.has(name)) problems.push(`${file} exports ${name}, which OpenPickExports does not declare`);
  for (const name of exportsDecl)
    if (!exported.has(name)) problems.push(`OpenPickExports declares ${name}, which no web/*.cpp exports`);

  for (const flag of ['EXPORTED_FUNCTIONS', 'EXPORTED_RUNTIME_METHODS'])
    for (const name of listFlag(flag, src.cmake))
      if (!moduleDecl.has(name)) problems.push(`web/CMakeLists.txt's ${flag} has ${name}, which OpenPickModule does not declare`);

  for (const [file, text] of Object.entries(src.cpp))
    for (const name of new Set(all(/openpickPage\.(\w+)\s*\(/g, text)))
      if (!pageDecl.has(name)) problems.push(`${file} calls openpickPage.${name}, which OpenPickPage does not declare`);
  const pageJs = src.js['web/openpick-page.js'] ?? '';
  for (const name of pageDecl)
    if (!new RegExp(`\\b${name}\\s*[(:]`).test(pageJs)) problems.push(`OpenPickPage declares ${name}, which web/openpick-page.js does not define`);

  for (const [file, text] of Object.entries(src.js))
    for (const name of new Set(all(/\bModule\.(_\w+)/g, text)))
      if (!moduleDecl.has(name)) problems.push(`${file} uses Module.${name}, which OpenPickModule does not declare`);

  // getState(): the top-level keys state_to_json writes (j["key"] = ...).
  const fn = src.appState.slice(src.appState.indexOf('std::string state_to_json('));
  const stateKeys = new Set(all(/\bj\["(\w+)"\]/g, fn));
  if (stateKeys.size === 0) problems.push('found no getState() keys in shell/src/app_state.cpp state_to_json');
  for (const key of stateKeys)
    if (!stateDecl.has(key)) problems.push(`getState() has "${key}" (shell/src/app_state.cpp), which OpenPickState does not declare`);
  for (const key of stateDecl)
    if (!stateKeys.has(key)) problems.push(`OpenPickState declares "${key}", which state_to_json does not write`);
  return problems;
}

test('openpick-page.d.ts declares every wasm<->page call and getState() key', () => {
  assert.deepEqual(contractProblems(loadSources()), []);
});

test('the check finds what is missing on either side', () => {
  const src = loadSources();
  const exported = all(/EMSCRIPTEN_KEEPALIVE\s+[^;{(]*?\b(\w+)\s*\(/g, Object.values(src.cpp).join('\n'));
  assert.ok(exported.length >= 13, `found the exported functions (${exported.length})`);
  // Each exported function, taken out of the declaration in turn, is reported.
  for (const name of exported) {
    const dts = src.dts.replace(new RegExp(`^\\s*_${name}\\(.*$`, 'm'), '');
    assert.notEqual(dts, src.dts, `${name} is declared on a line of its own`);
    const problems = contractProblems({ ...src, dts });
    assert.ok(problems.some((p) => p.includes(`_${name},`)), `removing _${name} is reported: ${problems}`);
  }
  // A new export, a new page call, a new getState() key.
  const cpp = { ...src.cpp, 'web/extra.cpp': 'EMSCRIPTEN_KEEPALIVE int openpick_new_thing(int) { EM_ASM(openpickPage.newCall()); }' };
  const problems = contractProblems({ ...src, cpp, appState: src.appState.replace('j["persist"]', 'j["persist"] = 1; j["new_key"]') });
  for (const what of ['_openpick_new_thing', 'openpickPage.newCall', '"new_key"'])
    assert.ok(problems.some((p) => p.includes(what)), `${what} is reported: ${problems}`);
  // A declared function gone from the C++.
  const gone = contractProblems({ ...src, cpp: Object.fromEntries(Object.entries(src.cpp).map(([f, t]) => [f, t.replace(/openpick_busy/g, 'openpick_renamed')])) });
  assert.ok(gone.some((p) => p.includes('declares _openpick_busy')), `a stale declaration is reported: ${gone}`);
});
