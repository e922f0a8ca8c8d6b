// The interface with the keyboard alone ("keyboard navigation of the interface is on"):
// arrow keys move a visible focus ring between widgets, Space presses the focused one, and the
// arrow keys reach the tabs. Nothing is clicked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, artifactsDir } from './browser.mjs';
import { openWith, press, frames, findItem, state, waitForState } from './ui.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Pixels of the focus ring's colour (shell/src/frame.cpp, light theme: rgb(204, 84, 0)) in a
// screenshot of the rectangle around a widget.
async function ringPixels(page, item) {
  const pad = 4;
  const png = await page.screenshot({ clip: { x: item.x - pad, y: item.y - pad, width: item.w + 2 * pad, height: item.h + 2 * pad } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(d[i] - 204) < 40 && Math.abs(d[i + 1] - 84) < 40 && d[i + 2] < 60) ++n;
    return n;
  }, png.toString('base64'));
}

test('arrow keys move a visible focus; Space picks an example; the tabs are reachable', { timeout: 120000 }, async () => {
  const { page, errors } = await openWith(env);
  await page.locator('#canvas').focus();
  const buttons = [];
  for (let i = 0; i < 4; ++i) buttons.push(await findItem(page, 'Use this example', { index: i }));
  const rings = async () => { const r = []; for (const b of buttons) r.push(await ringPixels(page, b)); return r; };
  assert.deepEqual(await rings(), [0, 0, 0, 0], 'no focus ring before any key');

  // Down from the top onto the example buttons: exactly one of them gets the ring.
  await press(page, 'ArrowDown', 2);
  await frames(page, 3);
  await page.screenshot({ path: join(artifactsDir, 'keyboard-focus.png') });
  const ring = await rings();
  const focused = ring.indexOf(Math.max(...ring));
  const b = buttons[focused];
  assert.ok(ring[focused] > 2 * (b.w + b.h), `a focus ring around the focused button: ${ring}`);
  assert.equal(ring.filter((n) => n > ring[focused] / 2).length, 1, `one ring (neighbours see its edge): ${ring}`);

  // Space presses it: that example's profile (the examples' Step 2 CK scores, in order) and a plan.
  await press(page, 'Space');
  const s = await waitForState(page, (x) => x.profile && x.plan, { what: 'the example profile and its plan' });
  assert.equal(s.profile.step2ck.score, [218, 252, 236, 248][focused], `example ${focused + 1} was picked`);

  // Up to the tab bar, right to the next tab, Space: another panel opens.
  const before = (await state(page)).ui.active_panel;
  await press(page, 'ArrowUp', 8);
  await press(page, 'ArrowRight');
  await press(page, 'Space');
  await frames(page, 4);
  const after = (await state(page)).ui.active_panel;
  assert.notEqual(after, before, `the keyboard opened another tab (still "${before}")`);
  assert.deepEqual(errors, []);
});
