#!/usr/bin/env node
// The page's speed and size in headless Chromium: wasm + JS size (raw and gzipped,
// against the 1.5 MB budget), load to interactive (navigation to window.openpick.ready: the first
// frame drawn, the sample's 6,265 programs read and planned), and frame time with the Programs
// table (all 6,265 rows) open and scrolling. Called by `make bench` (scripts/bench) after the
// native and wasm benchmarks; rewrites the "page:begin".."page:end" part of docs/BENCHMARKS.md.
//
//   node scripts/page_speed.mjs [--site build/web/site] [--runs 5] [--print-only]
//
// Frame time is the app's own main-thread time per drawn frame (building the interface, handing it
// to WebGL, work between frames), from window.openpick.frameStats(). The browser's interval
// between frames is reported too: this machine has no GPU, and Chromium's software compositing
// of the canvas adds 50-190 ms per frame at 1280x800 and above whatever the app does.
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { execSync } from 'node:child_process';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const arg = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const site = resolve(arg('--site', join(root, 'build/web/site')));
const runs = Number(arg('--runs', 5));
const printOnly = args.includes('--print-only');
process.env.OPENPICK_SITE_DIR = site;
const { launch, frames } = await import(join(root, 'tests/web/browser.mjs'));
const { openPanel, findItem } = await import(join(root, 'tests/web/ui.mjs'));

const kBudgetBytes = 1.5 * 1024 * 1024;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const mb = (n) => (n / 1048576).toFixed(2) + ' MB';
const ms = (n) => n.toFixed(1) + ' ms';

// --- sizes ---------------------------------------------------------------------------------------
const shipped = readdirSync(site).filter((f) => /\.(wasm|js)$/.test(f) && statSync(join(site, f)).isFile());
const sizes = shipped.map((f) => {
  const bytes = readFileSync(join(site, f));
  return { file: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
}).sort((a, b) => b.raw - a.raw);
const total = sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gz: t.gz + s.gz }), { raw: 0, gz: 0 });

const env = await launch();
// --- load to interactive -------------------------------------------------------------------------
const loads = [];
for (let i = 0; i < runs; ++i) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(env.server.url);
  const t = await page.evaluate(async () => { await window.openpick.ready; return performance.now(); });
  loads.push(t);
  await context.close();
}

// --- frame time, Programs table open and scrolling -----------------------------------------------
const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(env.server.url);
await page.evaluate(() => window.openpick.ready);
await page.evaluate(() => window.openpick.items());
await frames(page, 2);
await openPanel(page, 'Programs');
const shown = await page.evaluate(() => window.openpick.getState().ui.programs_shown);
const table = await findItem(page, /Program/, { index: 0 }).catch(() => ({ x: 640, y: 500, w: 0, h: 0 }));
await page.mouse.move(640, Math.max(table.y + 120, 400));
await page.evaluate(() => window.openpick.frameStats());  // reset
const intervals = await page.evaluate(() => new Promise((done) => {
  const gaps = [];
  let last = performance.now();
  const canvas = document.getElementById('canvas');
  const step = (now) => {
    gaps.push(now - last);
    last = now;
    const r = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: 120, clientX: r.left + 640, clientY: r.top + 450, bubbles: true }));
    if (gaps.length < 90) requestAnimationFrame(step); else done(gaps.slice(2));
  };
  requestAnimationFrame(step);
}));
const stats = await page.evaluate(() => window.openpick.frameStats());
await env.close();

const report = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${execSync('nproc').toString().trim()} cores; load ${execSync("cut -d' ' -f1-3 /proc/loadavg").toString().trim()}`,
  chromium: execSync('chromium --version 2>/dev/null || true').toString().trim(),
  sizes, total, budget_bytes: kBudgetBytes,
  load_to_interactive_ms: { median: median(loads), min: Math.min(...loads), max: Math.max(...loads), runs },
  programs_table: { rows: shown, frames: stats.frames, app_frame_ms_mean: stats.ui_ms + stats.gl_ms + stats.work_ms,
                    ui_ms: stats.ui_ms, gl_ms: stats.gl_ms, work_ms: stats.work_ms, app_frame_ms_worst: stats.worst_ms,
                    browser_interval_ms_median: median(intervals) },
};
mkdirSync(join(root, 'build/bench-results'), { recursive: true });
writeFileSync(join(root, 'build/bench-results/page_speed.json'), JSON.stringify(report, null, 1));

const t = report.programs_table;
const lines = [
  `Measured by \`scripts/page_speed.mjs\` (\`make bench\`) on ${report.date} in headless ${report.chromium || 'Chromium'} `
  + `(software WebGL, no GPU), 1280×800, devicePixelRatio 1; machine: ${report.machine}.`,
  '',
  '| what | measured | goal | met? |',
  '|---|---:|---|---|',
  `| wasm + JS, gzipped (all shipped .wasm and .js) | ${mb(total.gz)} (raw ${mb(total.raw)}) | ≤ 1.5 MB | ${total.gz <= kBudgetBytes ? 'yes' : 'no'} |`,
  `| load to interactive (navigation → first frame, sample read and planned), median of ${runs} | ${ms(report.load_to_interactive_ms.median)} (min ${ms(report.load_to_interactive_ms.min)}, max ${ms(report.load_to_interactive_ms.max)}) | — | |`,
  `| frame time, Programs table open (${t.rows} rows) and scrolling: the app's own time per frame, mean | ${ms(t.app_frame_ms_mean)} (interface ${ms(t.ui_ms)}, WebGL calls ${ms(t.gl_ms)}, work ${ms(t.work_ms)}) | < 16 ms | ${t.app_frame_ms_mean < 16 ? 'yes' : 'no'} |`,
  `| same, slowest of ${t.frames} frames | ${ms(t.app_frame_ms_worst)} | — | |`,
  `| browser's interval between frames there (median; includes software compositing) | ${ms(t.browser_interval_ms_median)} | — | |`,
  '',
  '| file | raw | gzipped |',
  '|---|---:|---:|',
  ...sizes.map((s) => `| ${s.file} | ${(s.raw / 1024).toFixed(0)} KB | ${(s.gz / 1024).toFixed(0)} KB |`),
];
const table_md = lines.join('\n');
console.log(table_md);
if (!printOnly) {
  const docs = join(root, 'docs/BENCHMARKS.md');
  const text = readFileSync(docs, 'utf8');
  const begin = '<!-- page:begin (generated by scripts/page_speed.mjs; edit the script, not this part) -->';
  const end = '<!-- page:end -->';
  const block = `${begin}\n\n${table_md}\n\n${end}`;
  const a = text.indexOf(begin.slice(0, 16)), b = text.indexOf(end);
  writeFileSync(docs, a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length)
                                      : `${text.trimEnd()}\n\n## The page in the browser\n\n${block}\n`);
}
