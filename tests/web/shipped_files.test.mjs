// What the build ships, checked as files (no browser): no eval or new Function anywhere in the
// JavaScript (the page's CSP forbids them, and Emscripten's output must run under it), and no
// address of any other host in any shipped file, the wasm included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { siteDir, hostExampleDir } from './browser.mjs';
import { checkFrameAncestors, plannerCsp } from '../../scripts/csp.mjs';

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

const shipped = [...filesUnder(siteDir), ...filesUnder(hostExampleDir)];

// Addresses that are names, not places: nothing ever fetches them.
const kAllowedUrls = new Map([
  // The SVG namespace in favicon.svg.
  ['http://www.w3.org/2000/svg', 'favicon.svg'],
]);

test('the site and the host example are built', () => {
  for (const f of ['index.html', 'openpick.js', 'openpick.wasm', 'openpick.data', 'openpick-page.js',
                   'openpick-embed-guest.js', 'openpick-embed.js', 'sw.js', 'datasets/sample.json']) {
    assert.ok(shipped.includes(join(siteDir, f)), `${f} is in ${siteDir}`);
  }
  for (const f of ['index.html', 'host.js', 'openpick-embed.js', 'programs.json']) {
    assert.ok(shipped.includes(join(hostExampleDir, f)), `${f} is in ${hostExampleDir}`);
  }
});

test('no eval or new Function in any shipped JavaScript (Emscripten output included)', () => {
  const js = shipped.filter((f) => /\.(m?js|html)$/.test(f));
  assert.ok(js.length >= 6);
  for (const f of js) {
    const text = readFileSync(f, 'utf8');
    for (const pattern of [/\beval\s*\(/, /\bnew\s+Function\b/, /(^|[^.\w$])Function\s*\(/,
                           /setTimeout\s*\(\s*['"`]/, /setInterval\s*\(\s*['"`]/]) {
      const m = text.match(pattern);
      assert.equal(m, null, `${relative(siteDir, f)} contains ${m && JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 40))}`);
    }
  }
});

test('no shipped file names another host', () => {
  const found = [];
  for (const f of shipped) {
    const text = readFileSync(f).toString('latin1');  // binary files too: strings in the wasm
    for (const m of text.matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'<>()\\\x00-\x1f\x7f-\xff`]*/gi)) {
      const url = m[0];
      if (kAllowedUrls.has(url) && f.endsWith(kAllowedUrls.get(url))) continue;
      found.push(`${relative(siteDir, f)}: ${url}`);
    }
    // Protocol-relative addresses in markup and styles.
    if (/\.(html|css|svg)$/.test(f)) {
      for (const m of text.matchAll(/(?:src|href|url\()\s*=?\s*["']?\/\/[^\s"')]+/gi)) found.push(`${relative(siteDir, f)}: ${m[0]}`);
    }
  }
  // The example host page names the planner's local address (127.0.0.1), which is allowed: it is
  // this machine, and the address an adviser replaces with their planner's.
  assert.deepEqual(found.filter((s) => !/^\.\.\/host-example\/index\.html: http:\/\/127\.0\.0\.1:8080\/$/.test(s)), []);
});

test('index.html carries the policy in a meta tag, equal to the header minus frame-ancestors', () => {
  const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'a CSP meta tag');
  assert.equal(meta[1], plannerCsp("'self'").replace(/; frame-ancestors .*$/, ''));
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), 'the policy comes before any script');
  assert.doesNotMatch(html, /<script>|<script [^>]*>[^<]+<\/script>|\son[a-z]+=|style=/i, 'no inline script, handler or style');
  const host = readFileSync(join(hostExampleDir, 'index.html'), 'utf8');
  assert.doesNotMatch(host, /<script>|<script [^>]*>[^<]+<\/script>|\son[a-z]+=|style=/i, 'host example: no inline script');
});

test('frame-ancestors takes exact origins only', () => {
  assert.equal(checkFrameAncestors("'self'   https://adviser.example"), "'self' https://adviser.example");
  for (const bad of ['*', 'https://*.example', 'https://adviser.example/', 'adviser.example', "'none' 'self'",
                     'https://a.example; script-src *', '']) {
    assert.throws(() => checkFrameAncestors(bad), undefined, bad);
  }
});

// The page's size budget: everything the page runs (every .wasm and .js of the site), gzipped as a
// server would send it, within 1.5 MB. (scripts/page_speed.mjs reports the sizes per file.)
test('wasm + JS gzipped within the 1.5 MB budget', () => {
  const code = filesUnder(siteDir).filter((f) => /\.(wasm|js)$/.test(f));
  assert.ok(code.some((f) => f.endsWith('openpick.wasm')), 'the wasm is among them');
  const gz = code.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  assert.ok(gz <= 1.5 * 1024 * 1024, `${(gz / 1048576).toFixed(2)} MB gzipped`);
});
