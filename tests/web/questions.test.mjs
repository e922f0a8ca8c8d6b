// No chance before the facts that decide it: "Start with a blank profile" shows
// no headline and no plan until the applicant has answered, by clicks, their graduate type, visa
// need, Step 1, Step 2 CK and a target specialty. getState() is only read. Screenshots go to
// OPENPICK_ARTIFACTS_DIR for a human to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, artifactsDir } from './browser.mjs';
import { openWith, state, clickItem, tapItem, typeInto, frames, waitForState, openPanel } from './ui.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const kAll = ['graduate_type', 'visa', 'step1', 'step2ck', 'specialty'];

// Opens a question's list and picks an answer.
async function answer(page, how, question, choice) {
  await how(page, question);
  await how(page, choice);
  await frames(page, 3);
}

async function blankProfile(page, how) {
  await waitForState(page, (s) => s.dataset.program_count > 0, { what: 'the sample program list' });
  await how(page, 'Start with a blank profile');
  return waitForState(page, (s) => s.profile !== null, { what: 'a blank profile' });
}

test('a blank profile shows no chance until graduate type, visa, exams and specialty are answered', async () => {
  const { context, page, errors } = await openWith(env);
  try {
    let s = await blankProfile(page, clickItem);
    assert.deepEqual(s.ui.unanswered, kAll, 'every decisive fact is unanswered');
    await frames(page, 10);
    s = await state(page);
    assert.equal(s.plan, null, 'no plan, so no headline, for a blank profile');
    await page.screenshot({ path: join(artifactsDir, 'questions-blank-start.png') });
    await openPanel(page, 'Plan');
    await frames(page, 3);
    await page.screenshot({ path: join(artifactsDir, 'questions-blank-plan.png') });

    // Answered one at a time on the Plan tab, where the headline would be: still no number until the last.
    await answer(page, clickItem, 'Graduate type', 'Non-US-citizen IMG');
    s = await waitForState(page, (x) => !x.ui.unanswered.includes('graduate_type'), { what: 'graduate type answered' });
    assert.equal(s.profile.graduate_type, 'non_us_img');
    assert.equal(s.plan, null);
    await answer(page, clickItem, 'Visa you need', 'J-1');
    s = await waitForState(page, (x) => !x.ui.unanswered.includes('visa'), { what: 'visa answered' });
    assert.equal(s.profile.visa, 'j1');
    assert.equal(s.plan, null);
    await answer(page, clickItem, 'Step 1', 'Passed');
    await answer(page, clickItem, 'Step 2 CK', 'Taken: I have a score');
    await frames(page, 5);
    s = await state(page);
    assert.ok(s.ui.unanswered.includes('step2ck'), '"taken" alone is no answer: the score is');
    assert.equal(s.profile.step2ck.score, null, 'no starting score stands in for the applicant\'s');
    await typeInto(page, 'Step 2 CK score', '231');
    s = await waitForState(page, (x) => x.ui.unanswered.length === 1, { what: 'exams answered' });
    assert.deepEqual(s.ui.unanswered, ['specialty']);
    assert.equal(s.profile.step1.result, 'pass');
    assert.equal(s.profile.step2ck.score, 231);
    await frames(page, 5);
    assert.equal((await state(page)).plan, null, 'no chance without a specialty');
    await page.screenshot({ path: join(artifactsDir, 'questions-one-left.png') });

    await clickItem(page, 'Add a specialty');
    s = await waitForState(page, (x) => x.plan && !x.work.busy, { what: 'the plan once everything is answered' });
    assert.deepEqual(s.ui.unanswered, []);
    assert.ok(s.plan.p_match >= 0 && s.plan.p_match <= 1);
    assert.ok(!('unanswered' in s.profile), 'an answered profile lists nothing unanswered');
    await frames(page, 3);
    await page.screenshot({ path: join(artifactsDir, 'questions-answered-plan.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on a phone the questions come first too, and an example is never held back', async () => {
  const { context, page, errors } = await openWith(env, {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
  });
  try {
    const s = await blankProfile(page, tapItem);
    await frames(page, 6);
    assert.equal((await state(page)).plan, null);
    assert.equal(s.ui.unanswered.length, 5);
    await page.screenshot({ path: join(artifactsDir, 'questions-phone-start.png') });
    await answer(page, tapItem, 'Graduate type', 'US MD senior');
    await waitForState(page, (x) => !x.ui.unanswered.includes('graduate_type'), { what: 'graduate type answered' });
    await page.screenshot({ path: join(artifactsDir, 'questions-phone-answering.png') });

    // An example answers everything: its plan comes at once.
    await tapItem(page, 'Use this example');
    const ex = await waitForState(page, (x) => x.plan && !x.work.busy, { what: 'the example plan' });
    assert.deepEqual(ex.ui.unanswered, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
