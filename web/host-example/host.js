// The example host page's own script: mounts the planner with this site's program list and
// shows what an applicant chose to share. See web/EMBED.md.
'use strict';

(function () {
  const container = document.getElementById('planner');
  const status = document.getElementById('status');
  const themeButton = document.getElementById('theme');
  const shared = document.getElementById('shared');

  // The planner's address: ?planner=URL, or the one written in the page.
  const override = new URLSearchParams(location.search).get('planner');
  const plannerUrl = override && /^https?:\/\//.test(override) ? override : container.dataset.planner;

  let theme = 'light';
  const planner = OpenPick.mount(container, {
    url: plannerUrl,
    dataset: 'programs.json',  // this site's own list, fetched here and handed over by message
    theme,
    onReady(info) { status.textContent = 'Planner ' + info.version + ' ready.'; },
    onDataset(result) {
      status.textContent = result.ok ? 'Planner ready with our ' + result.programCount + ' programs.'
                                     : 'The planner could not read our program list.';
    },
    onShare(payload) {
      document.getElementById('shared-none').hidden = true;
      shared.hidden = false;
      shared.textContent = JSON.stringify(payload, null, 2);
    },
    onError(e) { status.textContent = e.message; },
  });

  themeButton.addEventListener('click', () => {
    theme = theme === 'light' ? 'dark' : 'light';
    planner.setTheme(theme);
    document.body.classList.toggle('dark', theme === 'dark');
    themeButton.textContent = theme === 'light' ? 'Dark planner' : 'Light planner';
  });

  window.examplePlanner = planner;  // for the browser tests
})();
