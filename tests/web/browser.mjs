// Shared set-up for the browser tests: Debian's Chromium through playwright-core, the built site
// served from 127.0.0.1, and a log of every request so a test can fail on any foreign origin.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { startServer } from '../../scripts/static_server.mjs';
import { plannerHeaders } from '../../scripts/csp.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export const siteDir = resolve(process.env.OPENPICK_SITE_DIR || 'build/web/site');
// The example adviser's site, built next to the planner's (web/CMakeLists.txt).
export const hostExampleDir = resolve(siteDir, '..', 'host-example');
export const artifactsDir = resolve(process.env.OPENPICK_ARTIFACTS_DIR || 'build/screenshots');
mkdirSync(artifactsDir, { recursive: true });

// The flags that render WebGL2 in headless Chromium here and keep it from calling outside hosts
// (../shared/TOOLCHAIN.md).
const kChromiumFlags = [
  '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export { startServer };

export async function launch() {
  // playwright-core gives each launch a fresh, empty profile folder of its own.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: kChromiumFlags,
  });
  // Served with the planner's Content-Security-Policy header, as `make serve` does.
  const server = await startServer({ root: siteDir, headers: plannerHeaders("'self'") });
  return {
    browser,
    server,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

// Opens the planner in a fresh context and records every request, console error and page error.
export async function openPlanner(env, { width = 1280, height = 800, deviceScaleFactor = 1, path = '' } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(env.server.url + path);
  await waitReady(page);
  return { context, page, requests, errors };
}

// Requests that went anywhere but the page's own origin (data: and blob: URLs are local).
export function foreignRequests(requests, origin) {
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

// Waits for n animation frames in the page, so the app has drawn after a change.
export function frames(page, n = 3) {
  return page.evaluate((count) => new Promise((done) => {
    let left = count;
    const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

// Waits for window.openpick.ready, failing fast (with the page's own words) when the app never
// becomes ready, instead of hanging until the runner's timeout.
export async function waitReady(page, ms = 60000) {
  await page.waitForFunction(() => window.openpick && window.openpick.ready, null, { timeout: ms });
  await page.evaluate((limit) => Promise.race([
    window.openpick.ready,
    new Promise((_, reject) => setTimeout(() => reject(new Error(
      'OpenPick was not ready after ' + limit + ' ms: ' + (document.getElementById('overlay-text') || {}).textContent)), limit)),
  ]), ms);
}

// The canvas's own pixels, read back through a 2D canvas (the WebGL context keeps its drawing
// buffer): a 160 x 100 grid of RGB values and the number of distinct colours.
export function canvasPixels(page) {
  return page.evaluate(() => {
    const c = document.getElementById('canvas');
    const probe = document.createElement('canvas');
    probe.width = 160; probe.height = 100;
    const g = probe.getContext('2d');
    g.drawImage(c, 0, 0, c.width, c.height, 0, 0, 160, 100);
    const px = g.getImageData(0, 0, 160, 100).data;
    const rgb = [];
    const colours = new Set();
    for (let i = 0; i < px.length; i += 4) {
      const v = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
      rgb.push(v);
      colours.add(v);
    }
    return { rgb, distinct: colours.size };
  });
}
