// The first vertical slice: the page loads the wasm, draws the canvas sharp at ratio 1 and 2,
// follows resizes, exposes window.openpick, and requests nothing from any other origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPlanner, foreignRequests, frames, artifactsDir, canvasPixels } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

for (const deviceScaleFactor of [1, 2]) {
  test(`loads, reports its state and draws sharp at devicePixelRatio ${deviceScaleFactor}`, async () => {
    const { context, page, requests, errors } = await openPlanner(env, { deviceScaleFactor });
    try {
      const state = await page.evaluate(() => window.openpick.getState());
      assert.equal(typeof state.version, 'string');
      assert.match(state.version, /^\d+\.\d+\.\d+$/);
      assert.equal(typeof state.dataset, 'object');
      assert.equal(typeof state.dataset.name, 'string');
      assert.equal(typeof state.dataset.program_count, 'number');
      // The planner loads the sample program list by default, and says it is sample data.
      assert.ok(state.dataset.program_count > 6000, `sample dataset loaded (${state.dataset.program_count})`);
      assert.equal(state.dataset.is_sample, true);
      assert.deepEqual(state.messages, [], 'the sample loads without warnings');

      await frames(page);
      const canvas = await page.evaluate(() => {
        const c = document.getElementById('canvas');
        return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: devicePixelRatio,
                 overlayHidden: document.getElementById('overlay').classList.contains('hidden') };
      });
      assert.equal(canvas.dpr, deviceScaleFactor);
      assert.equal(canvas.cw, 1280, 'the canvas fills the window width');
      assert.equal(canvas.ch, 800, 'the canvas fills the window height');
      assert.equal(canvas.w, canvas.cw * deviceScaleFactor, 'backing store is CSS width x devicePixelRatio');
      assert.equal(canvas.h, canvas.ch * deviceScaleFactor, 'backing store is CSS height x devicePixelRatio');
      assert.ok(canvas.overlayHidden, 'the loading overlay is gone once the app is ready');

      const shot = join(artifactsDir, `foundation-dpr${deviceScaleFactor}.png`);
      await page.screenshot({ path: shot });
      // A drawn frame is not a blank canvas: sample the pixels of the canvas itself.
      await frames(page, 1);
      const { distinct } = await canvasPixels(page);
      assert.ok(distinct > 8, `the canvas shows a drawn interface (${distinct} distinct colours)`);

      assert.deepEqual(foreignRequests(requests, env.server.url), [], 'no request leaves the page origin');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('follows window resizes', async () => {
  const { context, page } = await openPlanner(env, { width: 1000, height: 700, deviceScaleFactor: 2 });
  try {
    await page.setViewportSize({ width: 640, height: 480 });
    await frames(page, 4);
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return [c.width, c.height];
    });
    assert.deepEqual(size, [1280, 960]);
  } finally {
    await context.close();
  }
});

test('a request to another origin is detected', () => {
  // Guards the guard: the filter used above must flag a foreign URL.
  const origin = 'http://127.0.0.1:1234/';
  assert.deepEqual(foreignRequests([origin + 'a.js', 'https://example.com/x', 'data:,1'], origin),
                   ['https://example.com/x']);
});
